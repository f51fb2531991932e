import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../util/hash.js';

/**
 * A new secret token (`ckr_` and 32 random bytes, base64url). Only its hash is stored.
 *
 * @example
 * const token = createToken(); // 'ckr_Xb3…'
 */
export function createToken(): string {
  return `ckr_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: sha256 hex (tokens are random, so no salt or slow hash is needed). */
export function hashToken(token: string): string {
  return sha256Hex(token);
}
