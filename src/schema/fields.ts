import { z } from 'zod';
import { countryCodeProblem } from './countries.js';

/** ISO 3166-1 alpha-2 (or an ISO 3166-2 region of one); unknown codes are errors. */
export const countryCode = z.string().superRefine((value, context) => {
  const problem = countryCodeProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** A BCP 47 language tag such as `en`, `zh`, `pt-BR`, `zh-Hant`. */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en", "zh" or "pt-BR"');

/** Letters used for multiple-choice options, in order. */
export const CHOICE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
