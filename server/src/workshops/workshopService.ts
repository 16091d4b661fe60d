/**
 * Workshops' commands and queries. Access is membership of the workshop's workspace: whoever is
 * not a member gets the same "not found" as for a workshop that does not exist. Every command
 * runs its rule (workshopRules.ts, workshopControls.ts) inside the store's write transaction,
 * then tells live listeners the new revision; every read is built for its one recipient
 * (workshopView.ts).
 */
import {
  canEditContent,
  type CommandResult,
  type CreateWorkshopRequest,
  type SummaryResult,
  type WorkshopList,
  type WorkshopState,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { MembershipRecord, Store } from '../storage/store';
import { newId, type Clock } from '../util/ids';
import { DEFAULT_PROMPT, DEFAULT_STEPS, STEP_NAMES } from './defaultAgenda';
import { claimSummary, releaseSummary, setFacilitators } from './workshopControls';
import { actorFor, canGroup, canParticipate, mayFacilitate, type Outcome, type RuleContext, type WorkshopActor } from './workshopRules';
import type { WorkshopSnapshot, WorkshopStore } from './workshopStore';
import { writeSummary, type SummaryDeps } from './workshopSummary';
import { PROJECTOR, buildState, namesNeeded, type Viewer } from './workshopView';

export type WorkshopRule = (s: WorkshopSnapshot, actor: WorkshopActor, ctx: RuleContext) => Outcome;

export class WorkshopService {
  constructor(
    private readonly store: Store,
    private readonly workshops: WorkshopStore,
    private readonly clock: Clock,
    /** Tells live listeners that a workshop reached a revision (WorkshopEventHub.notify). */
    private readonly notify: (workshopId: string, revision: number) => void,
    private readonly summaryDeps: Omit<SummaryDeps, 'store' | 'clock'>,
    private readonly ids: () => string = newId,
  ) {}

  async list(userId: string, workspaceId: string): Promise<WorkshopList> {
    const membership = await this.store.getMembership(workspaceId, userId);
    if (!membership) throw notFound('This workspace');
    const rows = await this.workshops.listForWorkspace(workspaceId);
    return {
      canCreate: mayFacilitate(membership),
      workshops: rows.map(({ workshop: w, facilitatorIds }) => ({
        id: w.id,
        workspaceId: w.workspaceId,
        title: w.title,
        status: w.status,
        createdAt: new Date(w.createdAt).toISOString(),
        facilitating: facilitatorIds.includes(userId) && mayFacilitate(membership),
      })),
    };
  }

  async create(userId: string, workspaceId: string, request: CreateWorkshopRequest): Promise<{ id: string }> {
    const membership = await this.store.getMembership(workspaceId, userId);
    if (!membership) throw notFound('This workspace');
    if (!mayFacilitate(membership)) throw new AppError('forbidden', 'Only facilitators and owners of this workspace can set up a workshop.');
    const facilitatorIds = [userId];
    if (request.coFacilitatorId && request.coFacilitatorId !== userId) {
      const co = await this.store.getMembership(workspaceId, request.coFacilitatorId);
      if (!co || !mayFacilitate(co)) throw new AppError('validation_failed', 'coFacilitatorId: a co-facilitator must be a facilitator or an owner of this workspace.');
      facilitatorIds.push(co.userId);
    }
    const language = request.language ?? (await this.store.getUser(userId))?.language ?? 'en';
    const steps = (request.steps ?? DEFAULT_STEPS).map((d) => ({ id: this.ids(), kind: d.kind, title: d.title || STEP_NAMES[language][d.kind], durationMs: d.minutes * 60_000 }));
    const first = steps[0] as (typeof steps)[number];
    const now = this.clock.now();
    const id = this.ids();
    await this.workshops.create({
      workshop: {
        id,
        workspaceId,
        title: request.title,
        language,
        votesPerPerson: request.votesPerPerson ?? 3,
        allowAuthorshipReveal: request.allowAuthorshipReveal ?? false,
        status: 'open',
        currentStepId: first.id,
        timer: { durationMs: first.durationMs, deadlineAt: null, pausedRemainingMs: null },
        authorshipRevealed: false,
        votesRevealed: false,
        summaryDocumentId: null,
        revision: 0,
        createdBy: userId,
        createdAt: now,
      },
      facilitatorIds,
      steps,
      columns: (request.columns ?? [DEFAULT_PROMPT[language]]).map((prompt) => ({ id: this.ids(), prompt })),
      themes: [],
      cards: [],
      votes: [],
      hands: [],
      checkins: [],
      outcomes: [],
    });
    return { id };
  }

  /** The caller's own view; `projector` gives the anonymous room-screen view instead. */
  async state(userId: string, workshopId: string, projector = false): Promise<WorkshopState> {
    const s = await this.workshops.load(workshopId);
    const membership = s ? await this.store.getMembership(s.workshop.workspaceId, userId) : null;
    if (!s || !membership) throw notFound('This workshop');
    const actor = actorFor(s, membership);
    const viewer: Viewer = projector ? PROJECTOR : { userId, facilitating: actor.facilitating, canParticipate: canParticipate(actor), canGroup: canGroup(s, actor) };
    return buildState(s, viewer, this.clock.now(), await this.names(namesNeeded(s, viewer)));
  }

  /** What the live channel needs before it opens: the workspace and the revision reached. */
  async follow(userId: string, workshopId: string): Promise<{ workspaceId: string; revision: number }> {
    const s = await this.workshops.load(workshopId);
    if (!s || !(await this.store.getMembership(s.workshop.workspaceId, userId))) throw notFound('This workshop');
    return { workspaceId: s.workshop.workspaceId, revision: s.workshop.revision };
  }

  /** Runs one command's rule for the caller and tells live listeners when something changed. */
  async run(userId: string, workshopId: string, rule: WorkshopRule): Promise<CommandResult> {
    const membership = await this.member(userId, workshopId);
    const result = await this.workshops.apply(workshopId, (s) => rule(s, actorFor(s, membership), { now: this.clock.now(), newId: this.ids }));
    if (!result) throw notFound('This workshop');
    if (result.changed) this.notify(workshopId, result.revision);
    return { revision: result.revision, ...(result.value ? { id: result.value } : {}) };
  }

  async setFacilitators(userId: string, workshopId: string, userIds: string[]): Promise<CommandResult> {
    const membership = await this.member(userId, workshopId);
    const members = await this.store.listMembers(membership.workspaceId);
    const eligible = new Set(members.filter(mayFacilitate).map((m) => m.userId));
    return this.run(userId, workshopId, (s, actor) => setFacilitators(s, { ...actor, owner: membership.permission === 'owner' }, userIds, eligible));
  }

  /** One click at the end: the record document, the proposals, and the workshop closed. */
  async summary(userId: string, workshopId: string): Promise<SummaryResult> {
    const membership = await this.member(userId, workshopId);
    if (!canEditContent(membership.permission)) {
      throw new AppError('forbidden', 'Writing the summary creates a document in your name: it needs the owner or editor permission.');
    }
    const documentId = this.ids();
    const claimed = await this.workshops.apply(workshopId, (s) => claimSummary(s, actorFor(s, membership), documentId));
    if (!claimed) throw notFound('This workshop');
    const snapshot = claimed.value;
    try {
      const decisionIds = await writeSummary({ ...this.summaryDeps, store: this.store, clock: this.clock }, snapshot, userId, documentId);
      this.notify(workshopId, claimed.revision);
      return { revision: claimed.revision, documentId, decisionIds };
    } catch (error) {
      const released = await this.workshops.apply(workshopId, (s) => releaseSummary(s, documentId, snapshot.workshop.votesRevealed));
      if (released?.changed) this.notify(workshopId, released.revision);
      throw error;
    }
  }

  private async member(userId: string, workshopId: string): Promise<MembershipRecord> {
    const workspaceId = await this.workshops.workspaceOf(workshopId);
    const membership = workspaceId ? await this.store.getMembership(workspaceId, userId) : null;
    if (!membership) throw notFound('This workshop');
    return membership;
  }

  /** Display names by id; one lookup each, since a view rarely needs more than the facilitators'. */
  private async names(ids: Set<string>): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const id of ids) names.set(id, (await this.store.getUser(id))?.displayName ?? '');
    return names;
  }
}
