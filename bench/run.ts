/**
 * `npm run bench`: Ensemble against the stock y-websocket server and Hocuspocus, one server at a
 * time on this machine, load from separate processes. Prints a table and writes
 * bench/results/<date>.json. Flags (all optional):
 *   --scenarios=fanout-1x50,fanout-20x10,ramp,idle,replay,concurrent,cluster-20x10
 *       (cluster-20x10: Ensemble on 2 instances with PostgreSQL + Redis vs 1 instance, issue 11)
 *       default (quick, about 3 minutes): fanout-1x50,ramp,idle,concurrent
 *   --full: every scenario, longer phases, 3 rounds of each fan-out scenario (about 25 minutes)
 *   --servers=ensemble,ystock,hocuspocus   --duration=MS
 *   --rate=EDITS_PER_S_PER_CLIENT   --workers=N   --seed=N   --idle=CONNECTIONS   --out=DIR
 *   --repeat=N (fan-out rounds, servers in rotating order; the median round by p99 is reported)
 */
import path from 'node:path';
import { SERVER_KINDS, TEXT_NAME, type ServerKind } from './lib/clients';
import { machine } from './lib/proc';
import { buildRows, formatTable, ratiosOf, versions, writeJson, type ScenarioResults } from './lib/report';
import { REPO_ROOT, startServer } from './lib/servers';
import { loadTrace, tracePath, type ConcurrentTrace, type SequentialTrace } from './lib/traces';
import { fanoutScenario, idleScenario, rampScenario, type FanoutFigures } from './scenarios/loadScenarios';
import { concurrentScenario, replayScenario } from './scenarios/traceScenarios';
import { clusterFanoutScenario, type ClusterFigures } from './scenarios/clusterScenario';

const ALL_SCENARIOS = ['fanout-1x50', 'fanout-20x10', 'ramp', 'idle', 'replay', 'concurrent', 'cluster-20x10'] as const;
type Scenario = (typeof ALL_SCENARIOS)[number];
const QUICK_SCENARIOS: Scenario[] = ['fanout-1x50', 'ramp', 'idle', 'concurrent'];

function flags(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}`);
    out.set(match[1] as string, match[2] ?? 'true');
  }
  return out;
}

function list<T extends string>(value: string | undefined, allowed: readonly T[]): T[] {
  if (!value) return [...allowed];
  const picked = value.split(',').map((v) => v.trim());
  for (const v of picked) if (!allowed.includes(v as T)) throw new Error(`unknown value ${v}; expected one of ${allowed.join(', ')}`);
  return picked as T[];
}

async function main(): Promise<void> {
  const f = flags(process.argv.slice(2));
  const full = f.has('full');
  const scenarios = f.has('scenarios') ? list<Scenario>(f.get('scenarios'), ALL_SCENARIOS) : full ? [...ALL_SCENARIOS] : QUICK_SCENARIOS;
  const kinds = list<ServerKind>(f.get('servers'), SERVER_KINDS);
  const seed = Number(f.get('seed') ?? 42);
  const workers = Number(f.get('workers') ?? 2);
  const durationMs = Number(f.get('duration') ?? (full ? 15_000 : 6_000));
  const rate = Number(f.get('rate') ?? 2);
  const idleConnections = Number(f.get('idle') ?? 1000);
  const repeat = Number(f.get('repeat') ?? (full ? 3 : 1));
  const options = { seed, workers, durationMs, rate, full, idleConnections, repeat };
  const started = Date.now();
  const results: ScenarioResults = {};
  const notes: string[] = [];
  const log = (line: string): void => void process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
  const record = (scenario: Scenario, kind: ServerKind, figures: unknown): void => {
    (results[scenario] ??= {})[kind] = figures;
    log(`${scenario} ${kind}: ${JSON.stringify(figures).slice(0, 300)}`);
  };

  const persistence: Record<string, string> = {};
  for (const kind of kinds) {
    const probe = await startServer(kind);
    persistence[kind] = probe.persistence;
    await probe.stop();
  }

  const load = { workers, seed };
  for (const scenario of scenarios) {
    if (scenario === 'cluster-20x10') {
      // Ensemble only: 2 instances on PostgreSQL + Redis, clients spread over both, vs 1 instance on PostgreSQL.
      const runs: Record<string, ClusterFigures[]> = { oneInstance: [], twoInstances: [] };
      for (let round = 0; round < repeat; round++) {
        for (const instances of round % 2 === 0 ? [1, 2] : [2, 1]) {
          try {
            const figures = await clusterFanoutScenario({ ...load, rooms: 20, clientsPerRoom: 10, instances, ratePerClient: rate, durationMs });
            runs[instances === 1 ? 'oneInstance' : 'twoInstances']?.push(figures);
            log(`${scenario} ${instances} instance(s) round ${round + 1}: fan-out p50 ${figures.fanout.p50} p99 ${figures.fanout.p99} ms, cpu ${figures.serverCpu.join('+')}, background ${figures.backgroundCpu} cores`);
          } catch (error) {
            notes.push(`${scenario} with ${instances} instance(s) failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
      // A round in which nothing arrived (p99 not a number) sorts last.
      const p99 = (f: ClusterFigures): number => (Number.isFinite(f.fanout.p99) ? f.fanout.p99 : Infinity);
      const median = (list: ClusterFigures[]) => [...list].sort((a, b) => p99(a) - p99(b))[Math.floor((list.length - 1) / 2)];
      record(scenario, 'ensemble', { oneInstance: median(runs.oneInstance ?? []), twoInstances: median(runs.twoInstances ?? []) });
      continue;
    }
    if (scenario === 'fanout-1x50' || scenario === 'fanout-20x10') {
      const [rooms, clientsPerRoom] = scenario === 'fanout-1x50' ? [1, 50] : [20, 10];
      const runs = new Map<ServerKind, FanoutFigures[]>();
      for (let round = 0; round < repeat; round++) {
        for (const kind of [...kinds.slice(round % kinds.length), ...kinds.slice(0, round % kinds.length)]) {
          try {
            const figures = await fanoutScenario(kind, { ...load, rooms, clientsPerRoom, ratePerClient: rate, durationMs });
            runs.set(kind, [...(runs.get(kind) ?? []), figures]);
            log(`${scenario} ${kind} round ${round + 1}: fan-out p99 ${figures.fanout.p99} ms, background ${figures.backgroundCpu} cores`);
          } catch (error) {
            notes.push(`${scenario} on ${kind} failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
      for (const [kind, list] of runs) {
        const sorted = [...list].sort((a, b) => a.fanout.p99 - b.fanout.p99);
        const median = sorted[Math.floor((sorted.length - 1) / 2)] as FanoutFigures;
        record(scenario, kind, { ...median, roundsP99: list.map((r) => r.fanout.p99) });
      }
      continue;
    }
    for (const kind of kinds) {
      try {
        if (scenario === 'ramp') {
          const ramp = full
            ? { startRatePerClient: 8, factor: 1.5, maxSteps: 14, refineSteps: 3, stepMs: 6_000 }
            : { startRatePerClient: 10, factor: 1.8, maxSteps: 9, refineSteps: 2, stepMs: 3_000 };
          record(scenario, kind, await rampScenario(kind, { ...load, rooms: 5, clientsPerRoom: 5, ...ramp, thresholdMs: 100 }));
        }
        if (scenario === 'idle') record(scenario, kind, await idleScenario(kind, { ...load, rooms: 10, clientsPerRoom: Math.ceil(idleConnections / 10) }));
        if (scenario === 'replay') {
          const trace = loadTrace<SequentialTrace>('automerge-paper.json.gz');
          if (!trace) {
            notes.push(`replay and cold load skipped: ${tracePath('automerge-paper.json.gz')} is absent`);
            break;
          }
          record(scenario, kind, await replayScenario(kind, trace, log));
        }
        if (scenario === 'concurrent') {
          const trace = loadTrace<ConcurrentTrace>('friendsforever.json.gz');
          if (!trace) {
            notes.push(`concurrent replay skipped: ${tracePath('friendsforever.json.gz')} is absent`);
            break;
          }
          record(scenario, kind, await concurrentScenario(kind, trace, TEXT_NAME));
        }
      } catch (error) {
        const message = `${scenario} on ${kind} failed: ${error instanceof Error ? error.message : String(error)}`;
        notes.push(message);
        log(message);
      }
    }
  }

  const rows = buildRows(results);
  const table = formatTable(rows);
  process.stdout.write(`\n${table}\n\n`);
  for (const note of notes) process.stdout.write(`note: ${note}\n`);
  const file = writeJson(f.get('out') ?? path.join(REPO_ROOT, 'bench', 'results'), {
    date: new Date().toISOString(),
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
    versions: versions(),
    machine: machine(),
    options,
    persistence,
    results,
    table: rows,
    ratiosEnsembleOverReference: ratiosOf(rows),
    notes,
  });
  process.stdout.write(`results written to ${path.relative(process.cwd(), file)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
