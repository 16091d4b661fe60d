import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { RateLimiter } from './rateLimiter';

describe('passwords', () => {
  it('hashes with a random salt and verifies only the right password', async () => {
    const a = await hashPassword('a long passphrase');
    const b = await hashPassword('a long passphrase');
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('a long passphrase', a)).toBe(true);
    expect(await verifyPassword('a long passphrasE', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('rate limiter', () => {
  it('limits after the maximum within a window and forgets after it', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    limiter.record('k');
    expect(limiter.isLimited('k')).toBe(false);
    limiter.record('k');
    expect(limiter.isLimited('k')).toBe(true);
    expect(limiter.isLimited('other')).toBe(false);
    now = 1000;
    expect(limiter.isLimited('k')).toBe(false);
  });
});
