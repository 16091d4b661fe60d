/** Loads an editing trace from ../shared/traces (present in CI, absent in a user's clone). */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ time: string; patches: Array<[number, number, string]> }>;
}

export const TRACES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'traces');

export function tracePath(name: string): string {
  return path.join(TRACES_DIR, name);
}

export function loadSequentialTrace(name: string): SequentialTrace | null {
  const file = tracePath(name);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as SequentialTrace;
}

/** The text after applying the first `count` transactions to a plain string (no CRDT involved). */
export function plainReplay(trace: SequentialTrace, count: number): string {
  let text = Array.from(trace.startContent);
  for (const txn of trace.txns.slice(0, count)) {
    for (const [pos, del, ins] of txn.patches) text.splice(pos, del, ...Array.from(ins));
  }
  return text.join('');
}
