/**
 * A load-generator process: connects its share of clients, then, phase by phase, types at the
 * requested rate and reports the delivery latency of every marker its clients received.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

// Each y-websocket provider adds a process 'exit' listener.
process.setMaxListeners(0);
import { connectBenchClient, type BenchClient } from '../lib/clients';
import { connectLightClient } from '../lib/lightClient';
import { encodeMarker, fillerWord, isDeletable, nowMs, parseMarkers } from '../lib/markers';
import { createRng } from '../lib/rng';
import type { ConnectJob, CoordinatorMessage, PhaseJob, PhaseResult, WorkerMessage } from './protocol';

interface Typist {
  sender: number;
  client: BenchClient;
  seq: number;
  credit: number;
  /**
   * A light client's text as a plain string: it holds only its own edits, so this mirrors it
   * exactly, and reading it costs nothing per edit (Y.Text#toString walks every item).
   */
  mirror: string | null;
}

let typists: Typist[] = [];
let epoch = 0;
let random: () => number = Math.random;
let phaseStart = Infinity;
let latencies: number[] = [];
let perUpdate = new Map<string, [number, number]>();

function send(message: WorkerMessage): void {
  process.send?.(message);
}

/**
 * Markers are read from the raw bytes of each remote update (inserted text is stored there as
 * UTF-8, markers are ASCII): unlike a Y.Text event's delta, this costs nothing per document size.
 */
function onRemoteBytes(data: Buffer): void {
  const arrived = nowMs();
  const bytes = data.toString('latin1');
  for (const marker of parseMarkers(bytes, epoch)) {
    if (marker.sentAt < phaseStart) continue;
    const latency = arrived - marker.sentAt;
    latencies.push(latency);
    const entry = perUpdate.get(marker.id);
    if (entry) {
      entry[0]++;
      entry[1] = Math.max(entry[1], latency);
    } else perUpdate.set(marker.id, [1, latency]);
  }
}

async function connect(job: ConnectJob): Promise<void> {
  epoch = job.epoch;
  random = createRng(job.seed);
  const started = nowMs();
  const batch = 20;
  for (let i = 0; i < job.targets.length; i += batch) {
    const group = job.targets.slice(i, i + batch).map((target, k) => {
      const client = job.light ? connectLightClient(target, onRemoteBytes) : connectBenchClient(target);
      if (!job.light) {
        client.doc.on('update', (update: Uint8Array, _origin: unknown, _doc: unknown, transaction: { local: boolean }) => {
          if (!transaction.local) onRemoteBytes(Buffer.from(update.buffer, update.byteOffset, update.byteLength));
        });
      }
      return { sender: job.senderIds[i + k] as number, client, seq: 0, credit: random(), mirror: job.light ? '' : null };
    });
    await Promise.race([
      Promise.all(group.map((t) => t.client.synced)),
      new Promise((_, reject) => setTimeout(() => reject(new Error('clients did not sync within 60 s')), 60_000)),
    ]);
    if (job.hidePresence) for (const t of group) t.client.hidePresence();
    typists.push(...group);
  }
  send({ type: 'ready', clients: typists.length, connectMs: nowMs() - started });
}

function edit(typist: Typist, deleteShare: number): 'insert' | 'delete' {
  const text = typist.client.text;
  const length = text.length;
  if (length > 200 && random() < deleteShare) {
    const pos = Math.floor(random() * (length - 3));
    const content = typist.mirror ?? text.toString();
    let count = 0;
    while (count < 3 && isDeletable(content[pos + count])) count++;
    if (count > 0) {
      text.delete(pos, count);
      if (typist.mirror !== null) typist.mirror = content.slice(0, pos) + content.slice(pos + count);
      return 'delete';
    }
  }
  const pos = Math.floor(random() * (length + 1));
  const typed = encodeMarker(typist.sender, ++typist.seq, epoch) + fillerWord(random);
  text.insert(pos, typed);
  if (typist.mirror !== null) typist.mirror = typist.mirror.slice(0, pos) + typed + typist.mirror.slice(pos);
  return 'insert';
}

async function runPhase(job: PhaseJob): Promise<void> {
  latencies = [];
  perUpdate = new Map();
  phaseStart = nowMs();
  const cpuStart = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let sent = 0;
  let deletes = 0;
  let last = nowMs();
  const end = phaseStart + job.durationMs;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = nowMs();
      const elapsed = (now - last) / 1000;
      last = now;
      for (const typist of typists) {
        typist.credit += elapsed * job.ratePerClient;
        // Never more than a few edits per tick for one client: a late tick does not become a burst.
        let budget = 4;
        while (typist.credit >= 1 && budget-- > 0) {
          typist.credit -= 1;
          if (edit(typist, job.deleteShare) === 'insert') sent++;
          else deletes++;
        }
        typist.credit = Math.min(typist.credit, 1);
      }
      if (now >= end) {
        clearInterval(tick);
        resolve();
      }
    }, 5);
  });
  await new Promise((resolve) => setTimeout(resolve, job.settleMs));
  loop.disable();
  const cpu = process.cpuUsage(cpuStart);
  const seconds = (nowMs() - phaseStart) / 1000;
  phaseStart = Infinity;
  const result: PhaseResult = {
    type: 'phase-result',
    phase: job.phase,
    sent,
    deletes,
    latencies,
    perUpdate: Object.fromEntries(perUpdate),
    workerCpu: (cpu.user + cpu.system) / 1e6 / seconds,
    workerLoopDelayP99: loop.percentile(99) / 1e6,
  };
  send(result);
}

process.on('message', (message: CoordinatorMessage) => {
  const run = async (): Promise<void> => {
    if (message.type === 'connect') await connect(message);
    else if (message.type === 'phase') await runPhase(message);
    else {
      for (const t of typists) t.client.destroy();
      typists = [];
      setTimeout(() => process.exit(0), 100);
    }
  };
  run().catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) }));
});
