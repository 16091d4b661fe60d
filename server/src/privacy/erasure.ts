/**
 * Erasure ("right to be forgotten", GDPR art. 17, Law 25 s. 28.1), designed in ADR 0004: the
 * account, credentials, sessions and memberships go; what the person wrote stays in the
 * documents (others' work depends on it) under a pseudonym, keyed by the same stable id, so
 * authorship, history and the decision chain stay whole and keep verifying.
 */
import type { EraseMeRequest, Erased } from '../../../shared/src/index';
import { verifyPassword } from '../auth/passwords';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { Store, UserRecord } from '../storage/store';
import type { Clock } from '../util/ids';
import { renameInGoalBlocks, type SubmitUpdate } from './goalNames';
import type { PrivacyStore } from './privacyStore';
import { pseudonym } from './pseudonym';

export class ErasureService {
  constructor(
    private readonly store: Store,
    private readonly privacy: PrivacyStore,
    private readonly clock: Clock,
    private readonly rooms: {
      /** Closes every live connection of the person (rooms.disconnect). */
      disconnect(userId: string): void;
      /** Appends a server-made change to a document (rooms.submit). */
      submit: SubmitUpdate;
    },
    private readonly log: Logger,
  ) {}

  async erase(user: UserRecord, request: EraseMeRequest): Promise<Erased> {
    if (user.passwordHash) {
      const ok = request.password !== undefined && (await verifyPassword(request.password, user.passwordHash));
      if (!ok) throw new AppError('forbidden', 'To erase your account, type your password. The password given was missing or not correct.');
    }
    const language = user.language ?? 'en';
    const outcome = await this.privacy.erase(user.id, (n, roles) => pseudonym(n, roles, language), this.clock.now());
    if (outcome.kind === 'not-found') throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
    if (outcome.kind === 'last-owner') {
      const names = await Promise.all(outcome.workspaceIds.map(async (id) => `“${(await this.store.getWorkspace(id))?.name ?? id}”`));
      throw new AppError(
        'last_owner',
        `You are the only owner of ${names.join(', ')}. Make another member an owner first (People), then erase your account. A workspace always keeps an owner.`,
      );
    }
    this.rooms.disconnect(user.id);
    await this.renameInGoals(outcome.workspaceIds, user.id, outcome.pseudonym);
    // Ids only: the pseudonym, like any name, stays out of the logs.
    this.log.info('account_erased', { userId: user.id, workspaces: outcome.workspaceIds.length });
    return { erased: true, pseudonym: outcome.pseudonym };
  }

  /** The erasure itself has committed; a goal block left with the old name is logged, not fatal. */
  private async renameInGoals(workspaceIds: string[], userId: string, name: string): Promise<void> {
    for (const workspaceId of workspaceIds) {
      for (const document of await this.store.listDocuments(workspaceId)) {
        if (document.purgedAt) continue;
        await renameInGoalBlocks(this.store, this.rooms.submit, document.id, userId, name).catch((error: unknown) =>
          this.log.error('erasure_goal_rename_failed', { documentId: document.id, error: String(error) }),
        );
      }
    }
  }
}
