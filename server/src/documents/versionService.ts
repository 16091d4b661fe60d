/**
 * Named versions and sign-off. A named version is an immutable point of the update log with
 * the hash of its content. Sign-off entries (asked, approved, declined) are append-only and
 * hash-chained per document, each bound to the version's content hash, so an approval can
 * never be moved to other text; the document says when its text has changed since.
 */
import { canEditContent, type NamedVersion, type NamedVersionList, type SignoffAnswer, type SignoffRequest } from '../../../shared/src/index';
import { contentHash } from '../attribution/rootKinds';
import { stateAt } from '../attribution/history';
import { canonicalJson } from '../decisions/canonicalJson';
import { AppError, notFound } from '../errors';
import type { Store } from '../storage/store';
import { newId, type Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import type { LifecycleStore, NamedVersionRecord, SignoffEntryRecord } from './lifecycleStore';
import { payloadOf, sealSignoff, signerStatuses, verifySignoffChain } from './signoffChain';

const iso = (ms: number) => new Date(ms).toISOString();

export class VersionService {
  constructor(
    private readonly store: Store,
    private readonly lifecycle: LifecycleStore,
    private readonly workspaces: WorkspaceService,
    private readonly clock: Clock,
    /** Tells live clients that the document's record changed (record notice `document`). */
    private readonly notify: (documentId: string) => void = () => {},
  ) {}

  async name(userId: string, documentId: string, name: string): Promise<NamedVersion> {
    const access = await this.access(userId, documentId);
    if (!canEditContent(access.permission)) throw new AppError('forbidden', 'Only owners and editors can name a version.');
    const seq = await this.store.latestSeq(documentId);
    const record: NamedVersionRecord = {
      id: newId(),
      documentId,
      seq,
      name,
      contentHash: await this.hashAt(documentId, seq),
      createdBy: userId,
      createdAt: this.clock.now(),
    };
    await this.lifecycle.createNamedVersion(record);
    this.notify(documentId);
    return (await this.list(userId, documentId)).versions.find((v) => v.id === record.id) as NamedVersion;
  }

  async list(userId: string, documentId: string): Promise<NamedVersionList> {
    const access = await this.access(userId, documentId);
    const [records, entries, members] = await Promise.all([
      this.lifecycle.listNamedVersions(documentId),
      this.lifecycle.listSignoffs(documentId),
      this.store.listMembers(access.document.workspaceId),
    ]);
    const names = new Map(members.map((m) => [m.userId, m.displayName]));
    const nameOf = async (id: string) => names.get(id) ?? (await this.store.getUser(id))?.displayName ?? '';
    const versions: NamedVersion[] = [];
    for (const record of records) {
      const signers = signerStatuses(entries.filter((e) => e.versionId === record.id && payloadOf(e).contentHash === record.contentHash));
      versions.push({
        id: record.id,
        documentId,
        seq: record.seq,
        name: record.name,
        contentHash: record.contentHash,
        createdBy: record.createdBy,
        createdByName: await nameOf(record.createdBy),
        createdAt: iso(record.createdAt),
        signers: await Promise.all(signers.map(async (s) => ({ ...s, displayName: await nameOf(s.userId), at: s.at === null ? null : iso(s.at) }))),
        approved: signers.length > 0 && signers.every((s) => s.status === 'approved'),
      });
    }
    const approved = versions.filter((v) => v.approved).sort((a, b) => b.seq - a.seq)[0];
    const current = approved ? await this.hashAt(documentId, await this.store.latestSeq(documentId)) : null;
    const chain = verifySignoffChain(entries);
    return {
      versions,
      approval: approved
        ? { versionId: approved.id, name: approved.name, approvedAt: approved.signers.map((s) => s.at ?? '').sort().at(-1) ?? '', changedSince: current !== approved.contentHash }
        : null,
      chain,
    };
  }

  async requestSignoff(userId: string, versionId: string, request: SignoffRequest): Promise<NamedVersionList> {
    const { version, access } = await this.versionAccess(userId, versionId);
    if (access.membership.permission !== 'owner') throw new AppError('forbidden', 'Only owners can ask for a sign-off.');
    for (const signer of request.signers) {
      if (!(await this.workspaces.documentAccess(signer, version.documentId))) throw new AppError('validation_failed', 'Everyone asked to sign must be able to open the document.');
    }
    await this.append(version, userId, 'requested', { signers: [...new Set(request.signers)], message: request.message ?? null });
    return this.list(userId, version.documentId);
  }

  async answer(userId: string, versionId: string, answer: SignoffAnswer): Promise<NamedVersionList> {
    const { version } = await this.versionAccess(userId, versionId);
    const entries = (await this.lifecycle.listSignoffs(version.documentId)).filter((e) => e.versionId === versionId);
    const status = signerStatuses(entries);
    if (!status.some((s) => s.userId === userId)) throw new AppError('forbidden', 'You were not asked to sign this version.');
    await this.requirePersonFirst(version.documentId, status, userId);
    await this.append(version, userId, answer.answer === 'approve' ? 'approved' : 'declined', { comment: answer.comment ?? null });
    return this.list(userId, version.documentId);
  }

  /**
   * In a care trajectory, the person receiving care gives (or refuses) their free and informed
   * agreement first; the others answer after them.
   */
  private async requirePersonFirst(documentId: string, status: Array<{ userId: string; status: string }>, userId: string): Promise<void> {
    const document = await this.store.getDocument(documentId);
    const workspace = document ? await this.store.getWorkspace(document.workspaceId) : null;
    if (!document || workspace?.purpose !== 'care-trajectory') return;
    for (const signer of status) {
      if (signer.userId === userId || signer.status !== 'asked') continue;
      const membership = await this.store.getMembership(document.workspaceId, signer.userId);
      if (membership?.role === 'person') throw new AppError('conflict', 'The person receiving care answers first; the others answer after them.');
    }
  }

  private async append(version: NamedVersionRecord, actorId: string, kind: SignoffEntryRecord['kind'], extra: Record<string, unknown>): Promise<void> {
    const payload = canonicalJson({ contentHash: version.contentHash, versionSeq: version.seq, ...extra });
    await this.lifecycle.appendSignoff(
      { id: newId(), documentId: version.documentId, versionId: version.id, kind, actorId, payload, createdAt: this.clock.now() },
      sealSignoff,
    );
    this.notify(version.documentId);
  }

  private async hashAt(documentId: string, seq: number): Promise<string> {
    return contentHash(stateAt(await this.store.readUpdates(documentId, 1, seq), seq));
  }

  private async access(userId: string, documentId: string) {
    const access = await this.workspaces.documentAccess(userId, documentId);
    if (!access) throw notFound('This document');
    return access;
  }

  private async versionAccess(userId: string, versionId: string) {
    const version = await this.lifecycle.getNamedVersion(versionId);
    if (!version) throw notFound('This version');
    return { version, access: await this.access(userId, version.documentId) };
  }
}
