/**
 * Scenarios driven by the load-generator processes: fan-out at a fixed typing rate, a ramp of
 * rates until p99 passes a threshold, and idle connections for memory.
 */
import type { RoomTarget, ServerKind } from '../lib/clients';
import { sampleProcess, waitForQuiet, watchBackground, watchProcess } from '../lib/proc';
import { startServer, type ServerHandle } from '../lib/servers';
import { round } from '../lib/stats';
import { WorkerPool, type PhaseFigures } from '../lib/workers';

export interface LoadOptions {
  rooms: number;
  clientsPerRoom: number;
  workers: number;
  seed: number;
}

export interface FanoutFigures extends PhaseFigures {
  rooms: number;
  clientsPerRoom: number;
  serverCpu: number;
  serverPeakRssBytes: number;
  /** Cores the rest of the (shared) machine used during the phase, and how long we waited for it to calm down. */
  backgroundCpu: number;
  quietWaitMs: number;
}

export interface RampFigures {
  rooms: number;
  clientsPerRoom: number;
  thresholdMs: number;
  /** Highest accepted updates/s of a step whose fan-out p99 stayed under the threshold. */
  sustainedPerSecond: number;
  steps: Array<{ ratePerClient: number; sentPerSecond: number; acceptedPerSecond: number; p99: number; incomplete: number; serverCpu: number; workerCpu: number[]; backgroundCpu: number }>;
  stoppedBecause: string;
}

export interface IdleFigures {
  connections: number;
  baselineRssBytes: number;
  loadedRssBytes: number;
  bytesPerConnection: number;
}

function expand(rooms: RoomTarget[], clientsPerRoom: number): RoomTarget[] {
  // Interleaved, so consecutive clients (and so each worker's share) span every room.
  const targets: RoomTarget[] = [];
  for (let c = 0; c < clientsPerRoom; c++) targets.push(...rooms);
  return targets;
}

async function withLoad<T>(
  kind: ServerKind,
  options: LoadOptions,
  clients: { hidePresence: boolean; light: boolean },
  body: (server: ServerHandle, pool: WorkerPool) => Promise<T>,
): Promise<T> {
  const server = await startServer(kind);
  const pool = WorkerPool.start(options.workers);
  try {
    const rooms = await server.rooms(options.rooms, 'load');
    await pool.connect(expand(rooms, options.clientsPerRoom), { epoch: Date.now(), seed: options.seed, ...clients });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return await body(server, pool);
  } finally {
    await pool.close();
    await server.cleanup();
  }
}

export function fanoutScenario(kind: ServerKind, options: LoadOptions & { ratePerClient: number; durationMs: number }): Promise<FanoutFigures> {
  return withLoad(kind, options, { hidePresence: false, light: false }, async (server, pool) => {
    // A short warm-up phase (JIT, room state) that is not reported.
    await pool.phase({ phase: 0, ratePerClient: options.ratePerClient, durationMs: 1_500, settleMs: 500, deleteShare: 0.15 }, options.clientsPerRoom - 1);
    const own = [server.pid, process.pid, ...pool.pids];
    const quiet = await waitForQuiet(own, 0.4, 10_000);
    const watch = watchProcess(server.pid);
    const background = watchBackground(own);
    const figures = await pool.phase(
      { phase: 1, ratePerClient: options.ratePerClient, durationMs: options.durationMs, settleMs: 1_500, deleteShare: 0.15 },
      options.clientsPerRoom - 1,
    );
    const usage = watch.stop();
    return {
      ...figures,
      rooms: options.rooms,
      clientsPerRoom: options.clientsPerRoom,
      serverCpu: round(usage.cpu),
      serverPeakRssBytes: usage.peakRssBytes,
      backgroundCpu: background.stop().background,
      quietWaitMs: quiet.waitedMs,
    };
  });
}

/**
 * Raises the per-client rate by `factor` until a step fails (fan-out p99 over the threshold, or
 * more than 2% of updates incomplete), then bisects between the last good and the failed rate
 * `refineSteps` times. Clients are light (lightClient.ts) so that the server saturates first.
 */
export function rampScenario(
  kind: ServerKind,
  options: LoadOptions & { startRatePerClient: number; factor: number; maxSteps: number; refineSteps: number; stepMs: number; thresholdMs: number },
): Promise<RampFigures> {
  return withLoad(kind, options, { hidePresence: true, light: true }, async (server, pool) => {
    const steps: RampFigures['steps'] = [];
    let sustained = 0;
    let stoppedBecause = `reached ${options.maxSteps} steps`;
    const own = [server.pid, process.pid, ...pool.pids];
    let phase = 0;
    let retries = 0;
    /** One step at `rate`; null when it passed, else why it failed. */
    const step = async (rate: number): Promise<string | null> => {
      await waitForQuiet(own, 0.4, 10_000);
      const background = watchBackground(own);
      const watch = watchProcess(server.pid);
      const f = await pool.phase({ phase: ++phase, ratePerClient: rate, durationMs: options.stepMs, settleMs: 1_500, deleteShare: 0.15 }, options.clientsPerRoom - 1);
      const cpu = round(watch.stop().cpu);
      const backgroundCpu = background.stop().background;
      steps.push({ ratePerClient: round(rate), sentPerSecond: f.sentPerSecond, acceptedPerSecond: f.acceptedPerSecond, p99: f.fanout.p99, incomplete: f.incomplete, serverCpu: cpu, workerCpu: f.workerCpu, backgroundCpu });
      const late = f.sentPerSecond > 0 ? f.incomplete / (f.sentPerSecond * (options.stepMs / 1000)) : 1;
      if (f.fanout.p99 <= options.thresholdMs && late <= 0.02) {
        sustained = Math.max(sustained, f.acceptedPerSecond);
        return null;
      }
      // A step that failed while someone else's job loaded the shared machine is tried again (twice at most).
      if (backgroundCpu > 0.5 && retries < 2) {
        retries++;
        return step(rate);
      }
      return late > 0.02 ? `${Math.round(late * 100)}% of updates incomplete at ${round(rate)}/s per client` : `p99 ${f.fanout.p99} ms at ${round(rate)}/s per client`;
    };
    let good = 0;
    let bad = 0;
    let rate = options.startRatePerClient;
    for (let i = 0; i < options.maxSteps; i++, rate *= options.factor) {
      const failure = await step(rate);
      if (failure === null) good = rate;
      else {
        bad = rate;
        stoppedBecause = failure;
        break;
      }
    }
    for (let i = 0; bad > 0 && good > 0 && i < options.refineSteps; i++) {
      const middle = (good + bad) / 2;
      if ((await step(middle)) === null) good = middle;
      else bad = middle;
    }
    return { rooms: options.rooms, clientsPerRoom: options.clientsPerRoom, thresholdMs: options.thresholdMs, sustainedPerSecond: sustained, steps, stoppedBecause };
  });
}

/** RSS after `connections` idle, synced clients minus RSS before, per connection (median of samples). */
export async function idleScenario(kind: ServerKind, options: LoadOptions): Promise<IdleFigures> {
  const server = await startServer(kind);
  const pool = WorkerPool.start(options.workers);
  try {
    const rooms = await server.rooms(options.rooms, 'idle');
    // Baseline once the process has settled; loading the few rooms is counted with the connections.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const baseline = await medianRss(server.pid);
    await pool.connect(expand(rooms, options.clientsPerRoom), { epoch: Date.now(), seed: options.seed, hidePresence: true });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const loaded = await medianRss(server.pid);
    const connections = options.rooms * options.clientsPerRoom;
    return { connections, baselineRssBytes: baseline, loadedRssBytes: loaded, bytesPerConnection: Math.round((loaded - baseline) / connections) };
  } finally {
    await pool.close();
    await server.cleanup();
  }
}

async function medianRss(pid: number): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < 5; i++) {
    values.push(sampleProcess(pid)?.rssBytes ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  values.sort((a, b) => a - b);
  return values[2] as number;
}
