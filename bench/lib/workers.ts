/**
 * The coordinator's side of the load generators: forks worker processes, spreads the clients
 * of every room across them (so a relay crosses processes), runs phases and merges results.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RoomTarget } from './clients';
import { REPO_ROOT } from './servers';
import { round, summarize, type LatencySummary } from './stats';
import type { CoordinatorMessage, PhaseJob, PhaseResult, WorkerMessage } from '../worker/protocol';

export interface PhaseFigures {
  durationMs: number;
  ratePerClient: number;
  sentPerSecond: number;
  /** Distinct updates that reached at least one other client, per second. */
  acceptedPerSecond: number;
  /** Each (update, receiver) delivery. */
  delivery: LatencySummary;
  /** Per update: until the last other client of the room had it (complete fan-outs only). */
  fanout: LatencySummary;
  /** Updates sent that did not reach every other client before the settle time ran out. */
  incomplete: number;
  workerCpu: number[];
  workerLoopDelayP99: number[];
}

export class WorkerPool {
  private constructor(
    private readonly workers: ChildProcess[],
    private readonly inbox: Map<ChildProcess, Array<(m: WorkerMessage) => void>>,
  ) {}

  get pids(): number[] {
    return this.workers.map((w) => w.pid ?? 0).filter((pid) => pid > 0);
  }

  static start(count: number): WorkerPool {
    const script = path.join(REPO_ROOT, 'bench', 'worker', 'loadWorker.ts');
    const inbox = new Map<ChildProcess, Array<(m: WorkerMessage) => void>>();
    const workers = Array.from({ length: count }, () => {
      const child = fork(script, [], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_WORKER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_WORKER_PROFILE] : [])], serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      inbox.set(child, []);
      child.on('message', (message: WorkerMessage) => inbox.get(child)?.shift()?.(message));
      return child;
    });
    return new WorkerPool(workers, inbox);
  }

  private ask(worker: ChildProcess, message: CoordinatorMessage, timeoutMs: number): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`load worker did not answer ${message.type} in ${timeoutMs} ms`)), timeoutMs);
      this.inbox.get(worker)?.push((answer) => {
        clearTimeout(timer);
        if (answer.type === 'error') reject(new Error(`load worker: ${answer.message}`));
        else resolve(answer);
      });
      worker.send(message);
    });
  }

  /** Connects every target (one per client); client i goes to worker i mod n. */
  async connect(targets: RoomTarget[], options: { epoch: number; seed: number; hidePresence?: boolean; light?: boolean }): Promise<number> {
    const started = performance.now();
    await Promise.all(
      this.workers.map((worker, w) => {
        const mine = targets.map((target, i) => ({ target, i })).filter(({ i }) => i % this.workers.length === w);
        return this.ask(
          worker,
          {
            type: 'connect',
            targets: mine.map((m) => m.target),
            senderIds: mine.map((m) => m.i + 1),
            epoch: options.epoch,
            seed: options.seed + w,
            hidePresence: options.hidePresence ?? false,
            light: options.light ?? false,
          },
          180_000,
        );
      }),
    );
    return performance.now() - started;
  }

  /** Runs one typing phase everywhere; `receiversPerUpdate` is the room size minus one. */
  async phase(job: Omit<PhaseJob, 'type'>, receiversPerUpdate: number): Promise<PhaseFigures> {
    const results = (await Promise.all(
      this.workers.map((worker) => this.ask(worker, { type: 'phase', ...job }, job.durationMs + job.settleMs + 60_000)),
    )) as PhaseResult[];
    const merged = new Map<string, [number, number]>();
    const latencies: number[] = [];
    for (const result of results) {
      for (const value of result.latencies) latencies.push(value);
      for (const [id, [count, max]] of Object.entries(result.perUpdate)) {
        const entry = merged.get(id);
        if (entry) {
          entry[0] += count;
          entry[1] = Math.max(entry[1], max);
        } else merged.set(id, [count, max]);
      }
    }
    const complete: number[] = [];
    for (const [count, max] of merged.values()) if (count >= receiversPerUpdate) complete.push(max);
    const sent = results.reduce((sum, r) => sum + r.sent, 0);
    const seconds = job.durationMs / 1000;
    return {
      durationMs: job.durationMs,
      ratePerClient: job.ratePerClient,
      sentPerSecond: round(sent / seconds, 1),
      acceptedPerSecond: round(merged.size / seconds, 1),
      delivery: summarize(latencies),
      fanout: summarize(complete),
      incomplete: sent - complete.length,
      workerCpu: results.map((r) => round(r.workerCpu)),
      workerLoopDelayP99: results.map((r) => round(r.workerLoopDelayP99)),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.exitCode !== null) return resolve();
            const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.send({ type: 'exit' } satisfies CoordinatorMessage);
          }),
      ),
    );
  }
}
