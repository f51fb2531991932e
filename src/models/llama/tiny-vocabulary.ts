import { gguf, type GgufMetadataValue } from './gguf-writer.js';

/** SentencePiece's visible space. */
export const SPACE_MARK = '\u2581';

export const UNKNOWN_TOKEN = '<unk>';
export const BEGIN_TOKEN = '<s>';
export const END_TOKEN = '</s>';

const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

/**
 * A SentencePiece-style ("llama") vocabulary written into tiny GGUF models.
 *
 * Layout: `<unk>` = 0, `<s>` (BOS) = 1, `</s>` (EOS) = 2, the byte tokens `<0x00>`..`<0xFF>` = 3..258, `▁`,
 * the printable ASCII characters, then the control tokens and the pieces of the registered tokens.
 */
export interface TinyVocabulary {
  /** Token pieces by id (`▁Paris`, `:`, `<0x0A>`, `<s>`). */
  readonly pieces: readonly string[];
  /** Id of a token given as text (`' Paris'`, `':'`, `'<s>'`), or `undefined` when it is not in the vocabulary. */
  idOf(text: string): number | undefined;
  /** The `tokenizer.*` metadata of the vocabulary. */
  readonly metadata: Record<string, GgufMetadataValue>;
}

export interface TinyVocabularyOptions {
  /** Extra control tokens (e.g. `<|im_start|>`), tokenized as one token only where special tokens are parsed. */
  controlTokens?: readonly string[];
  /** A Jinja chat template, written as `tokenizer.chat_template`. */
  chatTemplate?: string;
}

/**
 * The vocabulary piece of a token text: a word with its leading space (`' Paris'` → `▁Paris`) or a single character (`':'`).
 * Throws for anything else: words without a leading space, or with spaces inside, are not tokens of a tiny model.
 *
 * @example
 * tokenTextToPiece(' Paris') // '▁Paris'
 */
export function tokenTextToPiece(text: string): string {
  if (text === ' ') return SPACE_MARK;
  const characters = [...text];
  if (characters.length === 1) return text;
  if (text.startsWith(' ') && characters.length > 1 && !/\s/u.test(text.slice(1))) return SPACE_MARK + text.slice(1);
  throw new TypeError(`tiny model token ${JSON.stringify(text)}: a token is one character or a space followed by a word without spaces (e.g. " Paris")`);
}

/**
 * Builds the vocabulary of a tiny model. Each registered token brings every prefix of its piece (so SentencePiece merges reach it)
 * and each of its characters.
 *
 * @example
 * const vocabulary = buildTinyVocabulary([' Paris', ' France']);
 * vocabulary.idOf(' Paris'); // a number
 */
export function buildTinyVocabulary(tokens: Iterable<string>, options: TinyVocabularyOptions = {}): TinyVocabulary {
  const pieces: string[] = [];
  const types: number[] = [];
  const index = new Map<string, number>();
  const add = (piece: string, type: number): void => {
    if (index.has(piece)) return;
    index.set(piece, pieces.length);
    pieces.push(piece);
    types.push(type);
  };
  add(UNKNOWN_TOKEN, TOKEN_TYPE.unknown);
  add(BEGIN_TOKEN, TOKEN_TYPE.control);
  add(END_TOKEN, TOKEN_TYPE.control);
  for (let byte = 0; byte < 256; byte++) add(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, TOKEN_TYPE.byte);
  add(SPACE_MARK, TOKEN_TYPE.normal);
  for (let code = 0x21; code < 0x7f; code++) add(String.fromCharCode(code), TOKEN_TYPE.normal);
  for (const control of options.controlTokens ?? []) add(control, TOKEN_TYPE.control);
  for (const text of tokens) {
    if (text === BEGIN_TOKEN || text === END_TOKEN || text === UNKNOWN_TOKEN || options.controlTokens?.includes(text)) continue;
    const characters = [...tokenTextToPiece(text)];
    for (const character of characters) add(character, TOKEN_TYPE.normal);
    for (let length = 2; length <= characters.length; length++) add(characters.slice(0, length).join(''), TOKEN_TYPE.normal);
  }

  const metadata: Record<string, GgufMetadataValue> = {
    'tokenizer.ggml.model': 'llama',
    'tokenizer.ggml.tokens': gguf.array('string', pieces),
    'tokenizer.ggml.scores': gguf.array(
      'float32',
      pieces.map(() => 0),
    ),
    'tokenizer.ggml.token_type': gguf.array('int32', types),
    'tokenizer.ggml.unknown_token_id': gguf.uint32(0),
    'tokenizer.ggml.bos_token_id': gguf.uint32(1),
    'tokenizer.ggml.eos_token_id': gguf.uint32(2),
    'tokenizer.ggml.add_bos_token': true,
    'tokenizer.ggml.add_eos_token': false,
    'tokenizer.ggml.add_space_prefix': true,
  };
  if (options.chatTemplate !== undefined) metadata['tokenizer.chat_template'] = options.chatTemplate;

  return {
    pieces,
    metadata,
    idOf(text: string): number | undefined {
      if (text === BEGIN_TOKEN || text === END_TOKEN || text === UNKNOWN_TOKEN || options.controlTokens?.includes(text)) {
        return index.get(text);
      }
      try {
        return index.get(tokenTextToPiece(text));
      } catch {
        return undefined;
      }
    },
  };
}
