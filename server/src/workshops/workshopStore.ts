/**
 * Storage of workshops: the workshop row and everything that hangs off it. Commands never write
 * rows directly: `apply` runs the rules on a consistent snapshot inside one write transaction
 * and stores the typed mutations they return, so two concurrent votes can never both pass a
 * limit that only one of them fits. The SQLite adapter is storage/sqlite/workshopStore.ts.
 */
import type { Language, Mood, Role, CheckinPhase, StepKind } from '../../../shared/src/index';

export interface TimerRecord {
  /** The length the timer was started with (plus extensions), for the display of progress. */
  durationMs: number;
  /** Set while running: remaining time is computed from it on every read. */
  deadlineAt: number | null;
  /** Set while paused. Neither set: idle. */
  pausedRemainingMs: number | null;
}

export interface WorkshopRecord {
  id: string;
  workspaceId: string;
  title: string;
  language: Language;
  votesPerPerson: number;
  allowAuthorshipReveal: boolean;
  status: 'open' | 'closed';
  currentStepId: string;
  timer: TimerRecord;
  authorshipRevealed: boolean;
  votesRevealed: boolean;
  summaryDocumentId: string | null;
  /** Counts every stored change; live notices carry it so clients know when to refetch. */
  revision: number;
  createdBy: string;
  createdAt: number;
}

export interface StepRecord {
  id: string;
  kind: StepKind;
  title: string;
  durationMs: number;
}

export interface ColumnRecord {
  id: string;
  prompt: string;
}

export interface ThemeRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface CardRecord {
  id: string;
  columnId: string;
  /** From the session, always: the view decides who may ever learn it. */
  authorId: string;
  authorRole: Role;
  text: string;
  themeId: string | null;
  /** Null while private to its author. */
  revealedAt: number | null;
  createdAt: number;
}

export interface VoteRecord {
  cardId: string;
  voterId: string;
  /** The voter's role when they voted: results are shown by knowledge perspective. */
  voterRole: Role;
  dots: number;
}

export interface HandRecord {
  userId: string;
  raisedAt: number;
}

export interface CheckinRecord {
  userId: string;
  phase: CheckinPhase;
  mood: Mood | null;
  word: string | null;
  at: number;
}

export interface OutcomeRecord {
  id: string;
  text: string;
  createdBy: string;
  createdAt: number;
}

/** Everything about one workshop, read in one transaction. Lists are in display order. */
export interface WorkshopSnapshot {
  workshop: WorkshopRecord;
  facilitatorIds: string[];
  steps: StepRecord[];
  columns: ColumnRecord[];
  themes: ThemeRecord[];
  cards: CardRecord[];
  votes: VoteRecord[];
  hands: HandRecord[];
  checkins: CheckinRecord[];
  outcomes: OutcomeRecord[];
}

export type WorkshopPatch = Partial<
  Pick<WorkshopRecord, 'currentStepId' | 'timer' | 'authorshipRevealed' | 'votesRevealed' | 'status' | 'summaryDocumentId'>
>;

export type WorkshopMutation =
  | { kind: 'update'; patch: WorkshopPatch }
  | { kind: 'setFacilitators'; userIds: string[] }
  | { kind: 'addColumn'; column: ColumnRecord }
  | { kind: 'addCard'; card: CardRecord }
  | { kind: 'revealCards'; at: number }
  | { kind: 'addTheme'; theme: ThemeRecord }
  | { kind: 'renameTheme'; themeId: string; name: string }
  | { kind: 'moveCard'; cardId: string; themeId: string | null }
  /** Zero dots removes the vote. */
  | { kind: 'setVote'; vote: VoteRecord }
  | { kind: 'setHand'; userId: string; raisedAt: number | null }
  | { kind: 'setCheckin'; checkin: CheckinRecord }
  | { kind: 'addOutcome'; outcome: OutcomeRecord };

/** What a command's rules decide: the changes to store (none: nothing changed) and a value for the caller. */
export interface RuleDecision<T> {
  mutations: WorkshopMutation[];
  value: T;
}

export interface WorkshopStore {
  /** Stores a new workshop with its facilitators, steps and columns. */
  create(snapshot: WorkshopSnapshot): Promise<void>;
  load(workshopId: string): Promise<WorkshopSnapshot | null>;
  /** The workspace a workshop belongs to, or null when there is no such workshop. */
  workspaceOf(workshopId: string): Promise<string | null>;
  listForWorkspace(workspaceId: string): Promise<Array<{ workshop: WorkshopRecord; facilitatorIds: string[] }>>;
  /**
   * Reads the snapshot, calls `decide` (which may throw to refuse), stores its mutations and,
   * when there were any, increments the revision — all in one write transaction. Null when
   * there is no such workshop.
   */
  apply<T>(workshopId: string, decide: (snapshot: WorkshopSnapshot) => RuleDecision<T>): Promise<{ value: T; revision: number; changed: boolean } | null>;
  /** Ideas posted per member in the workshops whose summary is this document. */
  cardCountsBySummary(documentId: string): Promise<Map<string, number>>;
}
