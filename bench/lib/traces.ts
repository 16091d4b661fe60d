/**
 * Editing traces from ../shared/traces (josephg/editing-traces, CC BY 4.0): sequential ones are
 * replayed by one client, concurrent ones by one client per agent. Absent in a user's clone:
 * the scenarios that need them are skipped with a message naming the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import * as Y from 'yjs';
import { REPO_ROOT } from './servers';

export type Patch = [number, number, string];

export interface SequentialTrace {
  startContent: string;
  endContent: string;
  txns: Array<{ patches: Patch[] }>;
}

export interface ConcurrentTrace {
  kind: 'concurrent';
  endContent: string;
  numAgents: number;
  txns: Array<{ parents: number[]; agent: number; patches: Patch[] }>;
}

export const TRACES_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'traces');

export function tracePath(name: string): string {
  return path.join(TRACES_DIR, name);
}

export function loadTrace<T>(name: string): T | null {
  const file = tracePath(name);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as T;
}

/**
 * Applies one transaction's patches to a Y.Text. Trace positions count Unicode characters and
 * Y.Text counts UTF-16 units: the same for text without astral characters, which is checked.
 */
export function applyPatches(text: Y.Text, patches: Patch[]): void {
  for (const [pos, del, ins] of patches) {
    if (/[\uD800-\uDFFF]/.test(ins)) throw new Error('trace text with astral characters is not supported');
    if (del > 0) text.delete(pos, del);
    if (ins) text.insert(pos, ins);
  }
}

/**
 * Yjs orders concurrent insertions at one place by client id; the traces' end content orders
 * them by agent (agent 0 first), so each agent writes under a client id that sorts the same way.
 */
export function clientIdOf(agent: number): number {
  return CLIENT_ID_BASE + agent;
}

const CLIENT_ID_BASE = 1000;

/**
 * The Yjs updates of a concurrent trace, one per transaction, each made on its agent's own
 * document holding exactly the transaction's causal history (its parents and their ancestors):
 * the other agents' transactions are delivered to an agent only when a parent requires them.
 * Returns the updates in trace order with their agent and what they depend on: for each other
 * agent's client id, the clock its document must have reached before the update can integrate.
 */
export interface TraceUpdate {
  agent: number;
  update: Uint8Array;
  needs: Array<[clientId: number, clock: number]>;
}

export function concurrentUpdates(trace: ConcurrentTrace, textName: string): TraceUpdate[] {
  const agents = trace.numAgents;
  const docs = Array.from({ length: agents }, (_, agent) => {
    const doc = new Y.Doc();
    doc.clientID = clientIdOf(agent);
    return doc;
  });
  // Per transaction, how many of each agent's transactions its history holds (a version vector).
  const versions: number[][] = [];
  const indexInAgent: number[] = [];
  const counts = new Array<number>(agents).fill(0);
  const byAgent: Uint8Array[][] = Array.from({ length: agents }, () => []);
  const delivered: number[][] = Array.from({ length: agents }, () => new Array<number>(agents).fill(0));
  const out: TraceUpdate[] = [];
  trace.txns.forEach((txn, i) => {
    const version = new Array<number>(agents).fill(0);
    for (const p of txn.parents) {
      const parent = trace.txns[p];
      const pv = versions[p];
      if (!parent || !pv) throw new Error(`transaction ${i} names an unknown parent ${p}`);
      for (let a = 0; a < agents; a++) version[a] = Math.max(version[a] as number, pv[a] as number);
      version[parent.agent] = Math.max(version[parent.agent] as number, (indexInAgent[p] as number) + 1);
    }
    const agent = txn.agent;
    const doc = docs[agent] as Y.Doc;
    const seen = delivered[agent] as number[];
    for (let other = 0; other < agents; other++) {
      if (other === agent) continue;
      while ((seen[other] as number) < (version[other] as number)) {
        Y.applyUpdate(doc, (byAgent[other] as Uint8Array[])[seen[other] as number] as Uint8Array);
        seen[other] = (seen[other] as number) + 1;
      }
    }
    if (version[agent] !== counts[agent]) throw new Error(`transaction ${i} does not follow its agent's previous one`);
    const needs: TraceUpdate['needs'] = [];
    for (let other = 0; other < agents; other++) {
      if (other !== agent) needs.push([clientIdOf(other), Y.getState(doc.store, clientIdOf(other))]);
    }
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array): void => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    doc.on('update', capture);
    doc.transact(() => applyPatches(doc.getText(textName), txn.patches));
    doc.off('update', capture);
    const made = update ?? new Uint8Array([0, 0]);
    (byAgent[agent] as Uint8Array[]).push(made);
    indexInAgent[i] = counts[agent] as number;
    counts[agent] = (counts[agent] as number) + 1;
    versions[i] = version;
    out.push({ agent, update: made, needs });
  });
  for (const doc of docs) doc.destroy();
  return out;
}
