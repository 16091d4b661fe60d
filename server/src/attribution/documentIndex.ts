/**
 * An incremental index of one document's history, built from the update log (whose author of
 * each entry the server decided): who inserted every id range and when, who deleted it and
 * when, and the document itself without garbage collection so deleted text can be shown.
 * Opening it again only reads the log entries appended since.
 */
import * as Y from 'yjs';
import type { Store } from '../storage/store';
import { ClockRanges } from './clockRanges';

export interface LogMeta {
  seq: number;
  memberId: string;
  time: number;
}

export class DocumentIndex {
  readonly doc = new Y.Doc({ gc: false });
  readonly inserted = new ClockRanges();
  readonly deleted = new ClockRanges();
  readonly log: LogMeta[] = [];
  seq = 0;
  private advancing: Promise<void> | null = null;

  constructor(readonly documentId: string) {}

  /** Reads and indexes every log entry after the last one indexed. */
  advance(store: Store): Promise<void> {
    this.advancing ??= (async () => {
      try {
        const entries = await store.readUpdates(this.documentId, this.seq + 1);
        Y.transact(this.doc, () => {
          for (const entry of entries) {
            const decoded = Y.decodeUpdate(entry.update);
            const label = { memberId: entry.memberId, seq: entry.seq };
            for (const struct of decoded.structs) {
              if (struct instanceof Y.Item) this.inserted.add(struct.id.client, struct.id.clock, struct.length, label);
            }
            for (const [client, items] of decoded.ds.clients) {
              for (const item of items) this.deleted.add(client, item.clock, item.len, label);
            }
            Y.applyUpdate(this.doc, entry.update);
            this.log.push({ seq: entry.seq, memberId: entry.memberId, time: entry.time });
            this.seq = entry.seq;
          }
        });
      } finally {
        this.advancing = null;
      }
    })();
    return this.advancing;
  }
}

/** Keeps the indexes of recently used documents in memory (least recently used goes first). */
export class DocumentIndexCache {
  private readonly indexes = new Map<string, DocumentIndex>();

  constructor(
    private readonly store: Store,
    private readonly capacity = 20,
  ) {}

  async get(documentId: string): Promise<DocumentIndex> {
    let index = this.indexes.get(documentId);
    if (index) this.indexes.delete(documentId);
    else index = new DocumentIndex(documentId);
    this.indexes.set(documentId, index);
    while (this.indexes.size > this.capacity) {
      const oldest = this.indexes.keys().next().value as string;
      this.indexes.get(oldest)?.doc.destroy();
      this.indexes.delete(oldest);
    }
    await index.advance(this.store);
    return index;
  }
}
