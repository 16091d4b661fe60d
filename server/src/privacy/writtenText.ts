/**
 * The passages of a document's current text that one person wrote, read from the attribution
 * index (who inserted each Yjs id range, as the server recorded it). A passage ends where
 * someone else's text or a new block begins, so nobody else's words are ever included.
 */
import type { DocumentIndex } from '../attribution/documentIndex';
import { walkText } from '../attribution/textWalk';

export function textWrittenBy(index: DocumentIndex, memberId: string): string[] {
  const passages: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.trim() !== '') passages.push(current);
    current = '';
  };
  walkText(index.doc, (visit) => {
    if (visit.kind === 'break') return flush();
    if (visit.item.deleted || visit.text === null) return;
    const { client, clock } = visit.item.id;
    let cursor = clock;
    for (const piece of index.inserted.pieces(client, clock, visit.length)) {
      // A gap or another author's piece interrupts the passage.
      if (piece.clock !== cursor || piece.memberId !== memberId) flush();
      if (piece.memberId === memberId) current += visit.text.slice(piece.clock - clock, piece.clock - clock + piece.len);
      cursor = piece.clock + piece.len;
    }
    if (cursor !== clock + visit.length) flush();
  });
  flush();
  return passages;
}
