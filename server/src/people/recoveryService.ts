/**
 * Getting back in without email: an owner issues a single-use recovery link for a member who
 * lost their device or password. Using it signs in as the same member (their past
 * contributions stay theirs) and may set a new password.
 */
import { AppError, notFound } from '../errors';
import type { LifecycleStore } from '../documents/lifecycleStore';
import { hashPassword } from '../auth/passwords';
import { RateLimiter } from '../auth/rateLimiter';
import type { Store, UserRecord } from '../storage/store';
import { hashToken, newToken, type Clock } from '../util/ids';

const LINK_HOURS = 48;

/** How long a used or expired link is kept before the hourly sweep deletes it. */
const SPENT_LINKS_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export class RecoveryService {
  private readonly failures: RateLimiter;

  constructor(
    private readonly store: Store,
    private readonly lifecycle: LifecycleStore,
    private readonly clock: Clock,
    limits: { authAttemptsPerWindow: number; authWindowMs: number },
  ) {
    this.failures = new RateLimiter(limits.authAttemptsPerWindow, limits.authWindowMs, () => clock.now());
  }

  /**
   * Forgets the links used or expired more than a week ago: they can open nothing, and whoever
   * follows one gets the same answer as for an unknown link. Returns how many were deleted.
   */
  async forgetSpentLinks(): Promise<number> {
    return this.lifecycle.deleteSpentRecoveryLinks(this.clock.now() - SPENT_LINKS_KEPT_MS);
  }

  async issue(ownerId: string, workspaceId: string, userId: string, baseUrl: string): Promise<{ url: string; token: string; expiresAt: string }> {
    const owner = await this.store.getMembership(workspaceId, ownerId);
    if (!owner) throw notFound('This workspace');
    if (owner.permission !== 'owner') throw new AppError('forbidden', 'Only owners can issue a recovery link.');
    if (!(await this.store.getMembership(workspaceId, userId))) throw notFound('This member');
    const token = newToken();
    const now = this.clock.now();
    const expiresAt = now + LINK_HOURS * 3_600_000;
    await this.lifecycle.createRecoveryLink(
      { tokenHash: hashToken(token), workspaceId, purpose: 'recovery', userId, createdBy: ownerId, expiresAt, usedAt: null, createdAt: now },
      { workspaceId, kind: 'recovery_issued', actorId: ownerId, subjectId: userId, details: {}, at: now },
    );
    return { url: `${baseUrl}/recover/${token}`, token, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** The member the link re-admits; the caller opens a session for them. */
  async use(token: string, password: string | undefined, clientAddress: string): Promise<UserRecord> {
    if (this.failures.isLimited(clientAddress)) throw new AppError('rate_limited', 'Too many attempts. Wait a minute, then try again.');
    const now = this.clock.now();
    // Refuse a password the account cannot take before the single-use link is spent.
    const found = token.length <= 200 ? await this.lifecycle.findRecoveryLink(hashToken(token), now) : null;
    const target = found ? await this.store.getUser(found.userId) : null;
    if (target && password !== undefined && !target.email) {
      throw new AppError('validation_failed', 'Add an email address to your account before setting a password. The link still works without a password.');
    }
    // A link asked for by email only ever sets a new password (auth/passwordResetService.ts).
    if (target && found?.purpose === 'password_reset' && password === undefined) {
      throw new AppError('validation_failed', 'Choose a new password: this link is for setting one. It still works.');
    }
    const link = found ? await this.lifecycle.useRecoveryLink(hashToken(token), now) : null;
    const user = link ? await this.store.getUser(link.userId) : null;
    if (!link || !user) {
      this.failures.record(clientAddress);
      throw new AppError('not_found', 'This recovery link is not valid: it may have expired or been used already. Ask an owner for a new one.');
    }
    if (password !== undefined && user.email) await this.store.setCredentials(user.id, user.email, await hashPassword(password));
    if (link.workspaceId !== null) {
      await this.store.appendAudit({ workspaceId: link.workspaceId, kind: 'recovery_used', actorId: user.id, subjectId: user.id, details: { passwordReset: password !== undefined }, at: now });
    }
    return user;
  }
}
