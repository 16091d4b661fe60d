/**
 * The decision log's commands and queries. Every rule is enforced here, inside the store's
 * append transaction where it depends on the decision's state, and every entry is attributed
 * from the session (author, role at the time, time), never from the request body. Access goes
 * through the one document gate (WorkspaceService.documentAccess): whoever may not open the
 * document gets the same "not found" as for a decision or document that does not exist.
 */
import * as Y from 'yjs';
import {
  DEFAULT_DECISION_METHOD,
  methodAllowsBlock,
  type ChainVerification,
  type CorrectionRequest,
  type CreateDecisionRequest,
  type CreatedPayload,
  type Decision,
  type DecisionExport,
  type DecisionExportFormat,
  type DecisionLog,
  type DecisionWriteResult,
  type Permission,
  type RecordOutcomeRequest,
  type TakePositionRequest,
} from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import type { DocumentRecord, MembershipRecord, Store } from '../storage/store';
import { newId, type Clock } from '../util/ids';
import type { JsonValue } from './canonicalJson';
import { exportDecisionLog } from './decisionExport';
import { foldDecision, parseEntry, type DecisionState, type ParsedEntry } from './decisionFold';
import { canCorrect, canPropose, canRecordOutcome, canTakePosition, type DecisionActor } from './decisionRules';
import type { DecisionEntryDraft, DecisionEntryRecord, DecisionStore } from './decisionStore';
import { decisionView, entryView, correctionIndex, loadDirectory, summaryOf } from './decisionView';
import { verifyChain } from './hashChain';
import { checkRule } from './ruleCheck';

interface Access {
  document: DocumentRecord;
  actor: DecisionActor;
}

/** The one gate to a document; null when the caller may not open it (WorkspaceService implements it). */
export interface DocumentGate {
  documentAccess(userId: string, documentId: string): Promise<{ document: DocumentRecord; membership: MembershipRecord; permission: Permission } | null>;
}

export class DecisionService {
  constructor(
    private readonly store: Store,
    private readonly decisions: DecisionStore,
    private readonly gate: DocumentGate,
    private readonly clock: Clock,
    /** Tells live clients of the document that a decision changed (record notice, type 101). */
    private readonly notify: (documentId: string, decisionId: string) => void,
    private readonly ids: () => string = newId,
  ) {}

  async propose(userId: string, documentId: string, request: CreateDecisionRequest): Promise<Decision> {
    const access = await this.documentAccess(userId, documentId, 'This document');
    assertNotArchived(access);
    if (!canPropose(access.actor)) throw new AppError('forbidden', 'Viewers can read decisions but cannot propose them.');
    const strangers: string[] = [];
    for (const id of request.participants ?? []) if (!(await this.gate.documentAccess(id, documentId))) strangers.push(id);
    if (strangers.length > 0) {
      throw new AppError('validation_failed', `participants: ${strangers.join(', ')} ${strangers.length === 1 ? 'is not a member' : 'are not members'} of this workspace with access to this document.`);
    }
    if (request.anchor) for (const position of [request.anchor.start, request.anchor.end]) assertRelativePosition(position);
    const payload: CreatedPayload = {
      title: request.title,
      proposal: request.proposal,
      informationShared: request.informationShared ?? null,
      anchor: request.anchor ?? null,
      method: request.method ?? DEFAULT_DECISION_METHOD,
      engagement: request.engagement ?? null,
      participants: request.participants ?? [],
    };
    const decisionId = this.ids();
    await this.decisions.append(documentId, decisionId, () => this.draft(access.actor, 'created', payload));
    this.notify(documentId, decisionId);
    return this.decisionFor(access, decisionId);
  }

  async takePosition(userId: string, decisionId: string, request: TakePositionRequest): Promise<DecisionWriteResult> {
    const access = await this.decisionAccess(userId, decisionId);
    assertNotArchived(access);
    return this.appendTo(access, decisionId, (state) => {
      const { method } = state.created.payload;
      if (!canTakePosition(access.actor, state.created.payload)) {
        throw new AppError('forbidden', 'Viewers can take a position only on decisions that list them as participants.');
      }
      if (request.stance === 'block' && !methodAllowsBlock(method)) {
        throw new AppError('validation_failed', `stance: This decision is taken by ${method === 'majority' ? 'majority' : 'the person receiving care'}, which has no block. Choose "disagree" and give your reason.`);
      }
      assertOpen(state, 'positions can no longer change');
      return this.draft(access.actor, 'position', { stance: request.stance, reason: request.reason ?? null });
    });
  }

  async recordOutcome(userId: string, decisionId: string, request: RecordOutcomeRequest): Promise<DecisionWriteResult> {
    const access = await this.decisionAccess(userId, decisionId);
    assertNotArchived(access);
    if (!canRecordOutcome(access.actor)) throw new AppError('forbidden', 'Only owners and facilitators can record the outcome of a decision.');
    return this.appendTo(access, decisionId, (state) => {
      assertOpen(state, 'its outcome is already recorded');
      const positions = [...state.positions.values()].map((p) => ({ stance: p.entry.payload.stance, authorRole: p.entry.record.authorRole }));
      return this.draft(access.actor, 'outcome', {
        status: request.status,
        outcome: request.outcome,
        reviewDate: request.reviewDate ?? null,
        minorityView: request.minorityView ?? null,
        ruleCheck: checkRule(state.created.payload.method, request.status, positions),
        basedOnSeq: state.entries.at(-1)?.record.seq ?? 0,
      });
    });
  }

  async correct(userId: string, decisionId: string, request: CorrectionRequest): Promise<DecisionWriteResult> {
    const access = await this.decisionAccess(userId, decisionId);
    assertNotArchived(access);
    return this.appendTo(access, decisionId, (state) => {
      const target = state.entries.find((e) => e.record.id === request.corrects);
      if (!target) throw notFound('The entry to correct');
      if (!canCorrect(access.actor, target.record.authorId)) throw new AppError('forbidden', 'Only the author of an entry, or an owner, can correct it.');
      return this.draft(access.actor, 'correction', { corrects: request.corrects, text: request.text });
    });
  }

  async getDecision(userId: string, decisionId: string): Promise<Decision> {
    return this.decisionFor(await this.decisionAccess(userId, decisionId), decisionId);
  }

  async log(userId: string, documentId: string): Promise<DecisionLog> {
    const access = await this.documentAccess(userId, documentId, 'This document');
    const records = await this.decisions.listDocumentEntries(documentId);
    const parsed = records.map(parseEntry);
    const people = await loadDirectory(this.store, access.document.workspaceId, parsed);
    const byDecision = new Map<string, ParsedEntry[]>();
    for (const e of parsed) byDecision.set(e.record.decisionId, [...(byDecision.get(e.record.decisionId) ?? []), e]);
    const decisions = [...byDecision.values()]
      .map((entries) => foldDecision(entries))
      .filter((state): state is DecisionState => state !== null)
      .map((state) => summaryOf(decisionView(state, people, access.actor)));
    const corrections = correctionIndex(parsed);
    return { decisions, entries: parsed.map((e) => entryView(e, people, corrections)), verification: verifyChain(records) };
  }

  async verify(userId: string, documentId: string): Promise<ChainVerification> {
    await this.documentAccess(userId, documentId, 'This document');
    return verifyChain(await this.decisions.listDocumentEntries(documentId));
  }

  async exportLog(userId: string, documentId: string, format: DecisionExportFormat): Promise<DecisionExport> {
    const access = await this.documentAccess(userId, documentId, 'This document');
    return exportDecisionLog(access.document, await this.log(userId, documentId), format, this.clock.now());
  }

  private async appendTo(access: Access, decisionId: string, prepare: (state: DecisionState) => DecisionEntryDraft): Promise<DecisionWriteResult> {
    const documentId = access.document.id;
    const record = await this.decisions.append(documentId, decisionId, (history: DecisionEntryRecord[]) => {
      const state = foldDecision(history.map(parseEntry));
      if (!state) throw notFound('This decision');
      return prepare(state);
    });
    this.notify(documentId, decisionId);
    const decision = await this.decisionFor(access, decisionId);
    const entry = decision.history.find((e) => e.id === record.id);
    if (!entry) throw new AppError('internal', 'The entry was saved but could not be read back.');
    return { entry, decision };
  }

  private draft(actor: DecisionActor, kind: DecisionEntryDraft['kind'], payload: JsonValue): DecisionEntryDraft {
    return { id: this.ids(), kind, authorId: actor.userId, authorRole: actor.role, payload, createdAt: this.clock.now() };
  }

  private async decisionFor(access: Access, decisionId: string): Promise<Decision> {
    const parsed = (await this.decisions.listDecisionEntries(decisionId)).map(parseEntry);
    const state = foldDecision(parsed);
    if (!state) throw notFound('This decision');
    return decisionView(state, await loadDirectory(this.store, access.document.workspaceId, parsed), access.actor);
  }

  private async documentAccess(userId: string, documentId: string, what: string): Promise<Access> {
    const access = await this.gate.documentAccess(userId, documentId);
    if (!access) throw notFound(what);
    const { document, membership, permission } = access;
    return { document, actor: { userId, permission, role: membership.role, archived: Boolean(document.archivedAt) } };
  }

  private async decisionAccess(userId: string, decisionId: string): Promise<Access> {
    const documentId = await this.decisions.documentOfDecision(decisionId);
    if (!documentId) throw notFound('This decision');
    return this.documentAccess(userId, documentId, 'This decision');
  }
}

function assertNotArchived(access: Access): void {
  if (access.actor.archived) throw new AppError('forbidden', 'This document is archived: its decisions can be read but no longer changed.');
}

function assertOpen(state: DecisionState, consequence: string): void {
  if (state.status !== 'open') throw new AppError('conflict', `This decision is closed (${state.status}): ${consequence}.`);
}

function assertRelativePosition(base64: string): void {
  try {
    Y.decodeRelativePosition(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch {
    throw new AppError('validation_failed', 'anchor: not a valid Yjs relative position (encode it with Y.encodeRelativePosition, then base64).');
  }
}
