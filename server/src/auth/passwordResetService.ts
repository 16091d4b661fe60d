/**
 * "Forgot password?" when the server can send email. Whatever the address, the caller gets the
 * same answer at once (no way to learn who has an account, not even from the time taken); the
 * work happens afterwards, one request at a time: when the address belongs to an account with
 * a password, a single-use recovery link (purpose `password_reset`, 30 minutes, only its
 * hash stored) is emailed. It opens the same `/recover/:token` screen as an owner's link.
 */
import type { LifecycleStore } from '../documents/lifecycleStore';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import { hashToken, newToken, type Clock } from '../util/ids';
import { mailFailure, type Mailer } from './mailer';
import { RateLimiter } from './rateLimiter';
import { resetEmail } from './resetEmail';

export const RESET_LINK_MINUTES = 30;
/** Requests waiting to be handled; beyond this, new ones are dropped (and logged). */
const MAX_QUEUED = 100;

export interface PasswordResetOptions {
  mailer: Mailer;
  /** The server's public origin: links in emails never come from a request's Host header. */
  publicOrigin: string;
  defaultLanguage: 'fr' | 'en';
  limits: { authAttemptsPerWindow: number; authWindowMs: number };
}

export class PasswordResetService {
  private readonly requests: RateLimiter;
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly store: Store,
    private readonly lifecycle: Pick<LifecycleStore, 'createRecoveryLink'>,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: PasswordResetOptions,
  ) {
    this.requests = new RateLimiter(options.limits.authAttemptsPerWindow, options.limits.authWindowMs, () => clock.now());
  }

  /** Counts every request (by client address and by email address) and queues the work. */
  request(email: string, clientAddress: string): void {
    const emailKey = `reset:${email}`;
    if (this.requests.isLimited(clientAddress) || this.requests.isLimited(emailKey)) {
      throw new AppError('rate_limited', 'Too many attempts. Wait a minute, then try again.');
    }
    this.requests.record(clientAddress);
    this.requests.record(emailKey);
    if (this.queued >= MAX_QUEUED) {
      this.log.warn('password_reset_dropped', { queued: this.queued });
      return;
    }
    this.queued++;
    this.queue = this.queue
      .then(() => this.handle(email))
      .catch((error: unknown) => this.log.error('password_reset_failed', mailFailure(error)))
      .finally(() => {
        this.queued--;
      });
  }

  private async handle(email: string): Promise<void> {
    const user = await this.store.findUserByEmail(email);
    if (!user || !user.passwordHash || !user.email) return;
    const token = newToken();
    const now = this.clock.now();
    await this.lifecycle.createRecoveryLink(
      {
        tokenHash: hashToken(token),
        workspaceId: null,
        purpose: 'password_reset',
        userId: user.id,
        createdBy: user.id,
        expiresAt: now + RESET_LINK_MINUTES * 60_000,
        usedAt: null,
        createdAt: now,
      },
      null,
    );
    const url = `${this.options.publicOrigin}/recover/${token}?reset=1`;
    const language = user.language ?? this.options.defaultLanguage;
    try {
      await this.options.mailer.send(resetEmail(user.email, language, user.displayName, url, RESET_LINK_MINUTES));
    } catch (error) {
      // Neither the address nor the link: only what went wrong with the mail server.
      this.log.error('password_reset_mail_failed', mailFailure(error));
      return;
    }
    this.log.info('password_reset_mail_sent', {});
  }
}
