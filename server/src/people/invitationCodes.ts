/** Invitation secrets: a long link token and a short code to read aloud or print. */
import crypto from 'node:crypto';
import { hashToken } from '../util/ids';

/** No 0/O, 1/I/L: easy to read aloud and to type from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newInvitationCode(): string {
  const bytes = crypto.randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Codes are typed by people: ignore case, spaces and dashes. */
export function normalizeCode(input: string): string | null {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '');
  return cleaned.length === CODE_LENGTH && [...cleaned].every((c) => CODE_ALPHABET.includes(c)) ? cleaned : null;
}

export function hashCode(normalized: string): string {
  return hashToken(`code:${normalized}`);
}

/** The stored hash for what someone presents: a short code or a link token. */
export function invitationLookupHash(presented: string): string {
  const code = normalizeCode(presented);
  return code ? hashCode(code) : hashToken(presented);
}
