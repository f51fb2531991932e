import { z } from 'zod';
import { countryCode, languageTag } from './fields.js';

/** One fine-grained, self-contained cultural description: one custom of one country. */
export const culturalDescriptionSchema = z.object({
  id: z.string().min(1),
  country: countryCode,
  topic: z.string().min(1),
  language: languageTag,
  text: z.string().min(1),
  source: z.string().optional(),
});
export type CulturalDescription = z.infer<typeof culturalDescriptionSchema>;
