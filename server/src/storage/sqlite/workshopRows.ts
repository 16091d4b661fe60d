/** Mapping of the workshop tables' rows (snake_case) to the WorkshopStore's records, and back. */
import type { CheckinPhase, Language, Mood, Role, StepKind } from '../../../../shared/src/index';
import type { WorkshopRecord, WorkshopSnapshot } from '../../workshops/workshopStore';
import type { Row } from './rows';

export const str = (v: unknown): string => String(v);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function toWorkshop(row: Row): WorkshopRecord {
  return {
    id: str(row.id),
    workspaceId: str(row.workspace_id),
    title: str(row.title),
    language: str(row.language) as Language,
    votesPerPerson: Number(row.votes_per_person),
    allowAuthorshipReveal: Boolean(row.allow_authorship_reveal),
    status: str(row.status) as WorkshopRecord['status'],
    currentStepId: str(row.current_step_id),
    timer: { durationMs: Number(row.timer_duration_ms), deadlineAt: numOrNull(row.timer_deadline_at), pausedRemainingMs: numOrNull(row.timer_paused_remaining_ms) },
    authorshipRevealed: Boolean(row.authorship_revealed),
    votesRevealed: Boolean(row.votes_revealed),
    summaryDocumentId: strOrNull(row.summary_document_id),
    revision: Number(row.revision),
    createdBy: str(row.created_by),
    createdAt: Number(row.created_at),
  };
}

export interface WorkshopRows {
  facilitators: Row[];
  steps: Row[];
  columns: Row[];
  themes: Row[];
  cards: Row[];
  votes: Row[];
  hands: Row[];
  checkins: Row[];
  outcomes: Row[];
}

export function snapshotFromRows(row: Row, r: WorkshopRows): WorkshopSnapshot {
  return {
    workshop: toWorkshop(row),
    facilitatorIds: r.facilitators.map((f) => str(f.user_id)),
    steps: r.steps.map((x) => ({ id: str(x.id), kind: str(x.kind) as StepKind, title: str(x.title), durationMs: Number(x.duration_ms) })),
    columns: r.columns.map((x) => ({ id: str(x.id), prompt: str(x.prompt) })),
    themes: r.themes.map((x) => ({ id: str(x.id), name: str(x.name), createdAt: Number(x.created_at) })),
    cards: r.cards.map((x) => ({
      id: str(x.id),
      columnId: str(x.column_id),
      authorId: str(x.author_id),
      authorRole: str(x.author_role) as Role,
      text: str(x.text),
      themeId: strOrNull(x.theme_id),
      revealedAt: numOrNull(x.revealed_at),
      createdAt: Number(x.created_at),
    })),
    votes: r.votes.map((x) => ({ cardId: str(x.card_id), voterId: str(x.voter_id), voterRole: str(x.voter_role) as Role, dots: Number(x.dots) })),
    hands: r.hands.map((x) => ({ userId: str(x.user_id), raisedAt: Number(x.raised_at) })),
    checkins: r.checkins.map((x) => ({
      userId: str(x.user_id),
      phase: str(x.phase) as CheckinPhase,
      mood: strOrNull(x.mood) as Mood | null,
      word: strOrNull(x.word),
      at: Number(x.at),
    })),
    outcomes: r.outcomes.map((x) => ({ id: str(x.id), text: str(x.text), createdBy: str(x.created_by), createdAt: Number(x.created_at) })),
  };
}

/** The workshop row's changeable columns, as named parameters of the INSERT and UPDATE. */
export function workshopParams(w: WorkshopRecord) {
  return {
    id: w.id,
    currentStepId: w.currentStepId,
    durationMs: w.timer.durationMs,
    deadlineAt: w.timer.deadlineAt,
    pausedRemainingMs: w.timer.pausedRemainingMs,
    authorshipRevealed: w.authorshipRevealed ? 1 : 0,
    votesRevealed: w.votesRevealed ? 1 : 0,
    status: w.status,
    summaryDocumentId: w.summaryDocumentId,
    revision: w.revision,
  };
}
