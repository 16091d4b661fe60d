/**
 * A participation record (attestation de participation): for one person and one workspace, the
 * documents they took part in, the dates of their sessions of work and the kinds of contribution
 * (text written and edited, decisions proposed, positions taken, outcomes recorded, comments).
 * Built only from what the server records and attributes; exported as JSON as it is here.
 */
import type { ContributionsResponse, DecisionLog, HistoryResponse, Member, Perspective, Role } from '../../../../shared/src/index';
import { api } from '../../api';
import { panelsApi } from '../panelsApi';

export interface DocumentParticipation {
  documentId: string;
  title: string;
  /** Days (YYYY-MM-DD) of the sessions of work in which the person changed the text. */
  sessionDays: string[];
  charactersWritten: number;
  charactersInCurrentText: number;
  shareOfCurrentText: number;
  charactersRemoved: number;
  decisionsProposed: number;
  positionsTaken: number;
  outcomesRecorded: number;
  comments: number | null;
}

export interface ParticipationRecord {
  person: { userId: string; displayName: string; role: Role | null; perspective: Perspective | null };
  workspace: { id: string; name: string };
  /** First and last day of any recorded contribution, or null when there is none. */
  period: { from: string; to: string } | null;
  documents: DocumentParticipation[];
  generatedAt: string;
}

interface DocumentData {
  documentId: string;
  title: string;
  contributions: ContributionsResponse;
  history: HistoryResponse;
  log: DecisionLog;
}

/** Everything the records need, for every document of the workspace the caller can open. */
export async function loadWorkspaceData(workspaceId: string): Promise<DocumentData[]> {
  const { documents } = await api.listDocuments(workspaceId);
  const loaded = await Promise.all(
    documents.map(async (document) => {
      try {
        const [contributions, history, log] = await Promise.all([
          panelsApi.contributions(document.id),
          panelsApi.history(document.id),
          panelsApi.decisionLog(document.id),
        ]);
        return { documentId: document.id, title: document.title, contributions, history, log };
      } catch {
        return null; // A restricted document the caller cannot open: not part of their record.
      }
    }),
  );
  return loaded.filter((item): item is DocumentData => item !== null);
}

const day = (iso: string) => iso.slice(0, 10);

export function participationOf(member: Member, workspace: { id: string; name: string }, data: DocumentData[], now: Date): ParticipationRecord {
  const documents: DocumentParticipation[] = [];
  const days: string[] = [];
  for (const document of data) {
    const figures = document.contributions.people.find((p) => p.userId === member.userId);
    const sessionDays = [...new Set(document.history.sessions.filter((s) => s.people.some((p) => p.userId === member.userId)).map((s) => day(s.startedAt)))].sort();
    const mine = document.log.entries.filter((entry) => entry.author.userId === member.userId);
    const row: DocumentParticipation = {
      documentId: document.documentId,
      title: document.title,
      sessionDays,
      charactersWritten: figures?.insertedChars ?? 0,
      charactersInCurrentText: figures?.currentChars ?? 0,
      shareOfCurrentText: figures?.share ?? 0,
      charactersRemoved: figures?.deletedChars ?? 0,
      decisionsProposed: mine.filter((e) => e.kind === 'created').length,
      positionsTaken: mine.filter((e) => e.kind === 'position').length,
      outcomesRecorded: mine.filter((e) => e.kind === 'outcome').length,
      comments: figures?.other.comments ?? null,
    };
    const entryDays = mine.map((e) => day(e.createdAt));
    const active = row.charactersWritten + row.charactersRemoved + row.decisionsProposed + row.positionsTaken + row.outcomesRecorded + (row.comments ?? 0);
    if (active === 0 && sessionDays.length === 0) continue;
    documents.push(row);
    days.push(...sessionDays, ...entryDays);
  }
  days.sort();
  return {
    person: { userId: member.userId, displayName: member.displayName, role: member.role, perspective: member.perspective },
    workspace,
    period: days.length > 0 ? { from: days[0] as string, to: days.at(-1) as string } : null,
    documents,
    generatedAt: now.toISOString(),
  };
}
