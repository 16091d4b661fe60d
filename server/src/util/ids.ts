/** Ids, tokens and time go through these helpers so tests can control them. */
import crypto from 'node:crypto';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A URL-safe random id with 96 bits of entropy. */
export function newId(): string {
  return crypto.randomBytes(12).toString('base64url');
}

/** A session token with 256 bits of entropy; only its hash is stored. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
