/**
 * `npm run soak`: reliability runs against Ensemble's server (not part of `npm test`; a short
 * version of each is in server/test/soak.test.ts).
 *   crash: 30 runs; clients type in several rooms, SIGKILL at a random moment, restart, check.
 *   fuzz: 10,000 hostile frames while honest clients type in other rooms.
 * Flags: --only=crash|fuzz  --runs=N  --frames=N  --seed=N  --out=DIR
 */
import path from 'node:path';
import { machine } from './lib/proc';
import { versions, writeJson } from './lib/report';
import { REPO_ROOT } from './lib/servers';
import { crashSoak, type CrashReport } from './soak/crash';
import { fuzzSoak, type FuzzReport } from './soak/fuzz';

async function main(): Promise<void> {
  const flags = new Map(process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key as string, value ?? 'true'] as const;
  }));
  const only = flags.get('only');
  const seed = Number(flags.get('seed') ?? Date.now() % 1_000_000);
  const log = (line: string): void => void process.stderr.write(`[soak] ${line}\n`);
  log(`seed ${seed}`);
  let crash: CrashReport | null = null;
  let fuzz: FuzzReport | null = null;
  if (!only || only === 'crash') {
    crash = await crashSoak({ runs: Number(flags.get('runs') ?? 30), rooms: 3, clientsPerRoom: 3, minTypingMs: 100, maxTypingMs: 1_500, seed, log });
  }
  if (!only || only === 'fuzz') {
    fuzz = await fuzzSoak({ frames: Number(flags.get('frames') ?? 10_000), honestRooms: 4, honestClientsPerRoom: 5, hostileRooms: 3, parallel: 8, seed, log });
  }
  const lines: string[] = [];
  if (crash) {
    lines.push(`crash: ${crash.runs} runs, ${crash.typed} tokens typed, ${crash.updatesChecked} acknowledged checked (${crash.viaSaved} by saved, ${crash.viaRelay} relayed), lost ${crash.lost}`);
    if (crash.lostExamples.length) lines.push(`  lost: ${crash.lostExamples.join(', ')}`);
  }
  if (fuzz) {
    lines.push(
      `fuzz: ${fuzz.framesSent} frames on ${fuzz.hostileConnections} hostile connections, ${fuzz.closedAsExpected} ended as expected, ${fuzz.hostileConnections - fuzz.closedAsExpected} not`,
      `  honest: ${fuzz.honest.updatesPerSecond} upd/s, fan-out p99 ${fuzz.honest.fanout.p99} ms (worst 5 s phase), delivery p99 ${fuzz.honest.delivery.p99} ms, lost ${fuzz.honest.lost}`,
      `  server crashed: ${fuzz.serverCrashed}; every room loads after restart: ${fuzz.roomsLoadAfterRestart}`,
      ...(fuzz.serverCrashed ? [`  server output: ${fuzz.crashOutput}`] : []),
      `  frames by kind: ${JSON.stringify(fuzz.byKind)}`,
    );
    for (const m of fuzz.mismatches.slice(0, 5)) lines.push(`  mismatch: ${JSON.stringify(m)}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  const file = writeJson(flags.get('out') ?? path.join(REPO_ROOT, 'bench', 'results'), {
    kind: 'soak',
    date: new Date().toISOString(),
    seed,
    versions: versions(),
    machine: machine(),
    crash,
    fuzz,
  }, 'soak-');
  process.stdout.write(`results written to ${path.relative(process.cwd(), file)}\n`);
  const failed = (crash !== null && crash.lost > 0) || (fuzz !== null && (fuzz.serverCrashed || !fuzz.roomsLoadAfterRestart || fuzz.honest.lost > 0 || fuzz.closedAsExpected !== fuzz.hostileConnections));
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
