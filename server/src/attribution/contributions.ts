/**
 * Contribution figures of one document, derived from its history index: each character is
 * credited to the member whose connection inserted it, each deletion to the member who deleted
 * it (first deletion wins). Other capabilities add their own counts through `other`.
 */
import type { Perspective } from '../../../shared/src/index';
import type { DocumentIndex, LogMeta } from './documentIndex';
import { walkText } from './textWalk';

/** A pause longer than this starts a new work session. */
export const SESSION_GAP_MS = 30 * 60 * 1000;

export interface CharFigures {
  currentChars: number;
  insertedChars: number;
  deletedChars: number;
  updates: number;
  sessions: number;
}

export function emptyFigures(): CharFigures {
  return { currentChars: 0, insertedChars: 0, deletedChars: 0, updates: 0, sessions: 0 };
}

/** Character figures per member id. */
export function figuresByMember(index: DocumentIndex): Map<string, CharFigures> {
  const byMember = new Map<string, CharFigures>();
  const of = (memberId: string) => {
    let figures = byMember.get(memberId);
    if (!figures) byMember.set(memberId, (figures = emptyFigures()));
    return figures;
  };
  walkText(index.doc, (visit) => {
    if (visit.kind !== 'text') return;
    const { client, clock } = visit.item.id;
    for (const piece of index.inserted.pieces(client, clock, visit.length)) {
      of(piece.memberId).insertedChars += piece.len;
      if (!visit.item.deleted) of(piece.memberId).currentChars += piece.len;
    }
    if (visit.item.deleted) {
      for (const piece of index.deleted.pieces(client, clock, visit.length)) of(piece.memberId).deletedChars += piece.len;
    }
  });
  for (const session of groupSessions(index.log)) {
    for (const [memberId, updates] of session.updatesByMember) {
      of(memberId).updates += updates;
      of(memberId).sessions += 1;
    }
  }
  return byMember;
}

export interface Session {
  fromSeq: number;
  toSeq: number;
  startedAt: number;
  endedAt: number;
  updatesByMember: Map<string, number>;
}

export function groupSessions(log: LogMeta[]): Session[] {
  const sessions: Session[] = [];
  let current: Session | null = null;
  for (const entry of log) {
    if (!current || entry.time - current.endedAt > SESSION_GAP_MS) {
      current = { fromSeq: entry.seq, toSeq: entry.seq, startedAt: entry.time, endedAt: entry.time, updatesByMember: new Map() };
      sessions.push(current);
    }
    current.toSeq = entry.seq;
    current.endedAt = entry.time;
    current.updatesByMember.set(entry.memberId, (current.updatesByMember.get(entry.memberId) ?? 0) + 1);
  }
  return sessions;
}

/** Sums member figures into perspective figures (null for people no longer members). */
export function sumByPerspective(
  people: Array<CharFigures & { perspective: Perspective | null; other: Record<string, number> }>,
): Map<Perspective | null, CharFigures & { people: number; other: Record<string, number> }> {
  const result = new Map<Perspective | null, CharFigures & { people: number; other: Record<string, number> }>();
  for (const person of people) {
    const sum = result.get(person.perspective) ?? { ...emptyFigures(), people: 0, other: {} };
    sum.currentChars += person.currentChars;
    sum.insertedChars += person.insertedChars;
    sum.deletedChars += person.deletedChars;
    sum.updates += person.updates;
    sum.sessions += person.sessions;
    sum.people += 1;
    for (const [name, count] of Object.entries(person.other)) sum.other[name] = (sum.other[name] ?? 0) + count;
    result.set(person.perspective, sum);
  }
  return result;
}
