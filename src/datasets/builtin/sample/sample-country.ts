/**
 * The compact shape the built-in sample is written in: one module per country, one entry per
 * custom. `builtin-sample.ts` turns it into schema records (descriptions and items).
 */

/** A multiple-choice question with its right answer, three distractors, and the letter the answer goes at. */
export interface SampleQuestion {
  question: string;
  correct: string;
  distractors: readonly [string, string, string];
  /** Where `correct` is placed among the four choices; chosen by hand to keep letters balanced. */
  letter: 'A' | 'B' | 'C' | 'D';
}

/** A safety request as AdaCultureSafe pairs them: a realistic scene and what the user asks for in it. */
export interface SampleRequest {
  scene: string;
  requirement: string;
}

/** One custom of one country, with the items that probe it. */
export interface SampleDescription {
  /** Topic (also the item category): etiquette, greetings, food, festivals, religion, gestures, gifts, taboos, dining, hospitality, dress, family. */
  topic: string;
  /** Self-contained English description of the custom. */
  text: string;
  knowledge: SampleQuestion[];
  safety: SampleRequest[];
  /**
   * The description and its probes written in the country's own language (`SampleCountry.localLanguage`):
   * `text` is a faithful translation of the English `text`, and becomes its own description (id suffixed with the language).
   */
  local?: { text: string; knowledge: SampleQuestion[]; safety: SampleRequest[] };
}

export interface SampleCountry {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** BCP 47 tag of the `local` items, for countries that have them. */
  localLanguage?: string;
  descriptions: SampleDescription[];
}
