/**
 * Trace scenarios. Replay: the whole automerge-paper trace typed through one client; the text
 * a watching client ends with must equal endContent; then the server is stopped, restarted
 * from its data directory (a fresh process) and a new client's first sync is timed (cold load).
 * Concurrent: friendsforever's two agents, each through its own client, must converge.
 */
import * as Y from 'yjs';
import { connectBenchClient, type BenchClient, type RoomTarget, type ServerKind } from '../lib/clients';
import { nowMs } from '../lib/markers';
import { waitForIdle } from '../lib/proc';
import { startServer } from '../lib/servers';
import { probeFirstSync } from '../lib/syncProbe';
import { round } from '../lib/stats';
import { applyPatches, concurrentUpdates, type ConcurrentTrace, type Patch, type SequentialTrace } from '../lib/traces';

export interface ReplayFigures {
  transactions: number;
  /** From the first keystroke until a second client holds exactly endContent. */
  replayMs: number;
  textMatches: boolean;
  storedBytes: number;
  /** Fresh process, new client: from opening the socket to the provider's first sync. */
  coldFirstSyncMs: number;
  /** Fresh process, new client: until its text equals endContent (the stock server syncs first, loads after). */
  coldFullContentMs: number;
  coldTextMatches: boolean;
  /** The same, for a second client once the document is loaded. */
  warmFullContentMs: number;
  /** Fresh process, raw socket: request to arrival of the message completing the document (no client decoding). */
  coldServerMs: number | null;
  warmServerMs: number | null;
}

export interface ConvergenceFigures {
  transactions: number;
  convergeMs: number;
  converged: boolean;
  freshClientMatches: boolean;
}

export async function waitUntil(condition: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}

function hasText(client: BenchClient, expected: string): boolean {
  return client.text.length === expected.length && client.text.toString() === expected;
}

/** Connects a client and times its first sync and its arrival at the expected text. */
async function timedJoin(target: RoomTarget, expected: string): Promise<{ firstSyncMs: number; fullMs: number; matches: boolean; client: BenchClient }> {
  const started = nowMs();
  const client = connectBenchClient(target);
  let fullAt = 0;
  const check = (): void => {
    if (!fullAt && hasText(client, expected)) fullAt = nowMs();
  };
  client.doc.on('afterTransaction', check);
  if (!(await Promise.race([client.synced.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 60_000))]))) {
    client.destroy();
    throw new Error('a new client did not sync within 60 s');
  }
  const firstSyncMs = nowMs() - started;
  check();
  const matches = await waitUntil(() => fullAt > 0, 30_000, 5);
  client.doc.off('afterTransaction', check);
  return { firstSyncMs: round(firstSyncMs), fullMs: round(fullAt - started), matches, client };
}

export async function replayScenario(kind: ServerKind, trace: SequentialTrace, log: (line: string) => void = () => {}): Promise<ReplayFigures> {
  let server = await startServer(kind);
  try {
    const [target] = await server.rooms(1, 'trace');
    if (!target) throw new Error('no room');
    const writer = connectBenchClient(target);
    const watcher = connectBenchClient(target);
    await Promise.all([writer.synced, watcher.synced]);
    const started = nowMs();
    if (trace.startContent) writer.text.insert(0, trace.startContent);
    // Typed in blocks with at most two blocks in flight (checked at the watcher), as an editor
    // would: a flood of 260k frames would otherwise sit in socket buffers past the servers'
    // 30 s ping timeouts, and the figure would measure a reconnection instead of the relay.
    const block = 5_000;
    const blockEnds: number[] = [];
    const writerId = writer.doc.clientID;
    for (let i = 0; i < trace.txns.length; i++) {
      writer.doc.transact(() => applyPatches(writer.text, (trace.txns[i] as { patches: Patch[] }).patches));
      if (i % block === block - 1) {
        blockEnds.push(Y.getState(writer.doc.store, writerId));
        const mustHave = blockEnds[blockEnds.length - 2];
        if (mustHave !== undefined && !(await waitUntil(() => Y.getState(watcher.doc.store, writerId) >= mustHave, 120_000, 2))) break;
      }
    }
    log(`${kind}: ${trace.txns.length} transactions typed in ${Math.round(nowMs() - started)} ms, waiting for the watcher`);
    const textMatches = await waitUntil(() => hasText(watcher, trace.endContent), 600_000, 50);
    const replayMs = nowMs() - started;
    log(`${kind}: watcher ${textMatches ? 'has' : 'does not have'} endContent after ${Math.round(replayMs)} ms`);
    // Let the writer's socket drain and the reference servers persist (Hocuspocus debounces up to 10 s).
    await waitUntil(() => writer.bufferedAmount() === 0, 60_000);
    writer.destroy();
    watcher.destroy();
    // Persistence may lag the relay (the stock server queues LevelDB writes, Hocuspocus debounces):
    // stop only once the server has gone quiet, so the cold load reads everything.
    const idleAfterMs = await waitForIdle(server.pid);
    log(`${kind}: server idle ${idleAfterMs} ms after the clients left`);
    await server.stop();
    const storedBytes = server.storedBytes();
    log(`${kind}: stopped (${(await server.exited).signal ?? 'exit ' + (await server.exited).code}), ${storedBytes} bytes stored; restarting`);

    server = await startServer(kind, { dataDir: server.dataDir, account: server.account });
    const fresh = { ...target, wsBase: server.wsBase };
    const coldServerMs = await probeFirstSync(fresh, trace.endContent);
    const warmServerMs = await probeFirstSync(fresh, trace.endContent);
    // And as an editor sees it, through the client library, on another fresh process.
    await server.stop();
    server = await startServer(kind, { dataDir: server.dataDir, account: server.account });
    const again = { ...target, wsBase: server.wsBase };
    const cold = await timedJoin(again, trace.endContent);
    const warm = await timedJoin(again, trace.endContent);
    cold.client.destroy();
    warm.client.destroy();
    return {
      transactions: trace.txns.length,
      replayMs: round(replayMs, 0),
      textMatches,
      storedBytes,
      coldFirstSyncMs: cold.firstSyncMs,
      coldFullContentMs: cold.fullMs,
      coldTextMatches: cold.matches,
      warmFullContentMs: warm.fullMs,
      coldServerMs,
      warmServerMs,
    };
  } finally {
    await server.cleanup();
  }
}

export async function concurrentScenario(kind: ServerKind, trace: ConcurrentTrace, textName: string): Promise<ConvergenceFigures> {
  const updates = concurrentUpdates(trace, textName);
  const server = await startServer(kind);
  try {
    const [target] = await server.rooms(1, 'concurrent');
    if (!target) throw new Error('no room');
    const agents = Array.from({ length: trace.numAgents }, () => connectBenchClient(target));
    await Promise.all(agents.map((a) => a.synced));
    const started = nowMs();
    // Each agent's client sends its own transactions in trace order. A transaction that builds on
    // the other agent's work waits until that work has reached this client through the server,
    // as it would for two people: causality is paced by real round trips, the rest is concurrent.
    for (const { agent, update, needs } of updates) {
      const doc = (agents[agent] as BenchClient).doc;
      const ready = (): boolean => needs.every(([client, clock]) => Y.getState(doc.store, client) >= clock);
      if (!ready() && !(await waitUntil(ready, 30_000, 1))) throw new Error('a dependency never arrived through the server');
      Y.applyUpdate(doc, update, 'trace');
    }
    const converged = await waitUntil(() => agents.every((a) => hasText(a, trace.endContent)), 120_000, 50);
    const convergeMs = nowMs() - started;
    const fresh = connectBenchClient(target);
    await fresh.synced;
    const freshClientMatches = await waitUntil(() => hasText(fresh, trace.endContent), 30_000);
    for (const client of [...agents, fresh]) client.destroy();
    return { transactions: updates.length, convergeMs: round(convergeMs, 0), converged, freshClientMatches };
  } finally {
    await server.cleanup();
  }
}
