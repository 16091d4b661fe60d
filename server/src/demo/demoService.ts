/**
 * Creates the demo workspace for the person who asks ("Explore with an example"), in their
 * language: fictional members (accounts without credentials, joined through invitations like
 * anyone), documents written through the update log section by section under each fictional
 * author's own Yjs client id, decisions with positions, and a draft out for sign-off. Every
 * step goes through the same services and store calls as real use, so what the newcomer
 * sees (authorship, contributions, decision chain) is the product working, not a mock-up.
 */
import * as Y from 'yjs';
import {
  colorFor,
  CreateDecisionRequestSchema,
  RecordOutcomeRequestSchema,
  TakePositionRequestSchema,
  type DemoWorkspace,
  type Language,
} from '../../../shared/src/index';
import { CONTENT_FIELD } from '../content/documentState';
import { writeNodes } from '../content/yxml';
import type { DecisionService } from '../decisions/decisionService';
import type { VersionService } from '../documents/versionService';
import type { NewUpdate, Store } from '../storage/store';
import { hashToken, newId, newToken, type Clock } from '../util/ids';
import type { WorkspaceService } from '../workspaces/workspaceService';
import { DEMO_EN } from './demoEn';
import { DEMO_FR } from './demoFr';
import type { DemoContext, DemoDocument, DemoPerson, DemoScript } from './demoScript';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export interface DemoServices {
  /** Absent when the decision log is not wired: the demo then has no decisions. */
  decisions?: Pick<DecisionService, 'propose' | 'takePosition' | 'recordOutcome'>;
  versions?: Pick<VersionService, 'name' | 'requestSignoff' | 'answer'>;
}

export class DemoService {
  constructor(
    private readonly store: Store,
    private readonly workspaces: WorkspaceService,
    private readonly clock: Clock,
    private readonly services: DemoServices = {},
  ) {}

  async create(userId: string, language: Language): Promise<DemoWorkspace> {
    const script: DemoScript = language === 'fr' ? DEMO_FR : DEMO_EN;
    const workspace = await this.workspaces.createWorkspace(userId, { name: script.workspaceName, purpose: 'other', role: 'facilitator' });
    const ids = await this.addPeople(workspace.id, userId, script, language);
    const documents = new Map<string, string>();
    const names = Object.fromEntries(Object.entries(script.people).map(([key, person]) => [key, person.name])) as Record<DemoPerson, string>;
    const context: DemoContext = {
      id: (person) => ids[person],
      name: (person) => names[person] ?? '',
      date: (days) => new Date(this.clock.now() + days * DAY_MS).toISOString().slice(0, 10),
      newId,
    };
    for (const document of script.documents) documents.set(document.key, await this.write(workspace.id, document, ids, context));
    const decisions = await this.decide(script, ids, documents);
    await this.sendForReview(script, ids, documents);
    return {
      workspaceId: workspace.id,
      name: script.workspaceName,
      documents: script.documents.map((d) => ({ id: documents.get(d.key) as string, title: d.title, template: d.template })),
      decisions,
    };
  }

  /** Each fictional person joins through a single-use invitation, as a person without credentials would. */
  private async addPeople(workspaceId: string, userId: string, script: DemoScript, language: Language): Promise<Record<DemoPerson, string>> {
    const ids = { you: userId } as Record<DemoPerson, string>;
    let colour = 1;
    for (const [key, person] of Object.entries(script.people) as Array<[Exclude<DemoPerson, 'you'>, DemoScript['people']['marie']]>) {
      const now = this.clock.now();
      const invitationId = newId();
      await this.store.createInvitation(
        {
          id: invitationId,
          workspaceId,
          tokenHash: hashToken(newToken()),
          codeHash: hashToken(newToken()),
          role: person.role,
          permission: person.permission,
          maxUses: 1,
          uses: 0,
          expiresAt: now + DAY_MS,
          revokedAt: null,
          createdBy: userId,
          createdAt: now,
        },
        { workspaceId, kind: 'invited', actorId: userId, subjectId: null, details: { invitationId, role: person.role, permission: person.permission, maxUses: 1 }, at: now },
      );
      const id = newId();
      const user = { id, email: null, displayName: person.name, passwordHash: null, color: colorFor(colour++), language, createdAt: now };
      await this.store.acceptInvitation(invitationId, id, user, now);
      ids[key] = id;
    }
    return ids;
  }

  /** Appends the document's sections, each under a new client id bound to its author, at past times. */
  private async write(workspaceId: string, document: DemoDocument, ids: Record<DemoPerson, string>, context: DemoContext): Promise<string> {
    const id = newId();
    const started = this.clock.now() - document.daysAgo * DAY_MS;
    await this.store.createDocument({ id, workspaceId, title: document.title, template: document.template, createdAt: started, updatedAt: started });
    const text = new Y.Doc();
    const updates: NewUpdate[] = [];
    try {
      document.sections.forEach((section, i) => {
        const writer = new Y.Doc();
        Y.applyUpdate(writer, Y.encodeStateAsUpdate(text));
        const before = Y.encodeStateVector(writer);
        writeNodes(writer.getXmlFragment(CONTENT_FIELD), typeof section.blocks === 'function' ? section.blocks(context) : section.blocks);
        const update = Y.encodeStateAsUpdate(writer, before);
        Y.applyUpdate(text, update);
        updates.push({ documentId: id, memberId: ids[section.author], update, time: started + (i + 1) * 7 * MINUTE_MS, bindClients: [writer.clientID] });
        writer.destroy();
      });
    } finally {
      text.destroy();
    }
    // The room is not loaded before the document exists, so writing straight to the log is safe.
    await this.store.appendUpdates(updates);
    return id;
  }

  private async decide(script: DemoScript, ids: Record<DemoPerson, string>, documents: Map<string, string>): Promise<number> {
    const service = this.services.decisions;
    if (!service) return 0;
    for (const d of script.decisions) {
      const participants = [...new Set([d.proposer, ...d.positions.map((p) => p.by)])].map((p) => ids[p]);
      const created = await service.propose(
        ids[d.proposer],
        documents.get(d.document) as string,
        CreateDecisionRequestSchema.parse({ title: d.title, proposal: d.proposal, method: d.method, engagement: d.engagement, participants }),
      );
      for (const position of d.positions) {
        await service.takePosition(ids[position.by], created.id, TakePositionRequestSchema.parse({ stance: position.stance, ...(position.reason ? { reason: position.reason } : {}) }));
      }
      if (d.outcome) {
        const { reviewInDays, ...outcome } = d.outcome;
        const reviewDate = reviewInDays ? new Date(this.clock.now() + reviewInDays * DAY_MS).toISOString().slice(0, 10) : undefined;
        await service.recordOutcome(ids.you, created.id, RecordOutcomeRequestSchema.parse({ ...outcome, ...(reviewDate ? { reviewDate } : {}) }));
      }
    }
    return script.decisions.length;
  }

  private async sendForReview(script: DemoScript, ids: Record<DemoPerson, string>, documents: Map<string, string>): Promise<void> {
    const versions = this.services.versions;
    if (!versions) return;
    const { review } = script;
    const version = await versions.name(ids.you, documents.get(review.document) as string, review.versionName);
    await versions.requestSignoff(ids.you, version.id, { signers: review.signers.map((s) => ids[s]), message: review.message });
    for (const approval of review.approvals) await versions.answer(ids[approval.by], version.id, { answer: 'approve', comment: approval.comment });
  }
}
