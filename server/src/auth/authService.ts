/**
 * Accounts and sessions: first-run setup, sign-in, sign-out, resolving a token to a user.
 * Tokens are random and only their SHA-256 is stored.
 */
import type { LoginRequest, SetCredentialsRequest, SetupRequest, UpdateMeRequest, User } from '../../../shared/src/index';
import { AppError } from '../errors';
import type { Store, UserRecord } from '../storage/store';
import { hashToken, newId, newToken, type Clock } from '../util/ids';
import { colorFor } from '../../../shared/src/index';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { RateLimiter } from './rateLimiter';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const SHARED_DEVICE_IDLE_MS = 15 * 60 * 1000;
/** Last use is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 30 * 1000;

export interface Session {
  token: string;
  user: User;
  expiresAt: number;
  /** Shared-device sessions end with the browser: their cookie has no Max-Age. */
  sharedDevice: boolean;
}

export function toPublicUser(user: UserRecord): User {
  return { id: user.id, displayName: user.displayName, email: user.email, color: user.color, language: user.language, hasPassword: user.passwordHash !== null };
}

export class AuthService {
  private readonly failures: RateLimiter;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    limits: { authAttemptsPerWindow: number; authWindowMs: number },
  ) {
    this.failures = new RateLimiter(limits.authAttemptsPerWindow, limits.authWindowMs, () => clock.now());
  }

  async needsSetup(): Promise<boolean> {
    return (await this.store.countUsers()) === 0;
  }

  async setup(request: SetupRequest, clientAddress: string): Promise<Session> {
    this.checkRate(clientAddress);
    const user: UserRecord = {
      id: newId(),
      email: request.email,
      displayName: request.displayName,
      passwordHash: await hashPassword(request.password),
      color: colorFor(0),
      language: null,
      createdAt: this.clock.now(),
    };
    if (!(await this.store.createFirstUser(user))) {
      this.failures.record(clientAddress);
      throw new AppError('conflict', 'Ensemble is already set up. Sign in instead.');
    }
    return this.openSession(user);
  }

  async login(request: LoginRequest, clientAddress: string): Promise<Session> {
    const emailKey = `email:${request.email}`;
    this.checkRate(clientAddress);
    this.checkRate(emailKey);
    const user = await this.store.findUserByEmail(request.email);
    const ok = await verifyPassword(request.password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !user.passwordHash || !ok) {
      this.failures.record(clientAddress);
      this.failures.record(emailKey);
      throw new AppError('unauthenticated', 'The email or the password is not correct.');
    }
    return this.openSession(user, { sharedDevice: request.sharedDevice === true });
  }

  async logout(token: string): Promise<void> {
    await this.store.deleteSession(hashToken(token));
  }

  /** The user a session token belongs to, or null when it is unknown or expired. */
  async authenticate(token: string): Promise<UserRecord | null> {
    if (token.length === 0 || token.length > 200) return null;
    const session = await this.store.findSession(hashToken(token));
    if (!session) return null;
    const now = this.clock.now();
    const idle = session.idleTimeoutMs ? now - (session.lastUsedAt ?? session.createdAt) > session.idleTimeoutMs : false;
    if (session.expiresAt <= now || idle) {
      await this.store.deleteSession(session.tokenHash);
      return null;
    }
    if (now - (session.lastUsedAt ?? session.createdAt) > TOUCH_EVERY_MS) await this.store.touchSession(session.tokenHash, now);
    return this.store.getUser(session.userId);
  }

  async updateProfile(userId: string, patch: UpdateMeRequest): Promise<User> {
    const user = await this.store.updateUser(userId, patch);
    if (!user) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
    return toPublicUser(user);
  }

  /** Adds (or changes) an email and password so the person can sign in from another device. */
  async setCredentials(user: UserRecord, request: SetCredentialsRequest): Promise<User> {
    if (user.passwordHash) {
      const ok = request.currentPassword !== undefined && (await verifyPassword(request.currentPassword, user.passwordHash));
      if (!ok) throw new AppError('forbidden', 'Your current password is needed to change it, and it was not correct.');
    }
    const saved = await this.store.setCredentials(user.id, request.email, await hashPassword(request.password));
    if (!saved) throw new AppError('conflict', 'This email address is already used by another account.');
    return toPublicUser({ ...user, email: request.email, passwordHash: 'set' });
  }

  /** Ends every session of a user; the caller closes their live connections. */
  async logoutEverywhere(userId: string): Promise<void> {
    await this.store.deleteSessionsOf(userId);
  }

  private checkRate(key: string): void {
    if (this.failures.isLimited(key)) {
      throw new AppError('rate_limited', 'Too many attempts. Wait a minute, then try again.');
    }
  }

  async openSession(user: UserRecord, options: { sharedDevice?: boolean } = {}): Promise<Session> {
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    const sharedDevice = options.sharedDevice === true;
    await this.store.createSession({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      idleTimeoutMs: sharedDevice ? SHARED_DEVICE_IDLE_MS : null,
      lastUsedAt: now,
    });
    return { token, user: toPublicUser(user), expiresAt, sharedDevice };
  }
}
