/**
 * Profiling helper: types the first N transactions of the automerge-paper trace through one
 * client into one server (as fast as the client can) and reports when a second client has them.
 * With BENCH_SERVER_PROFILE=<dir>, the server writes a V8 CPU profile there when it stops.
 *   node --import tsx bench/profileReplay.ts [ensemble|ystock|hocuspocus] [N=30000]
 */
import { connectBenchClient, type ServerKind } from './lib/clients';
import { startServer } from './lib/servers';
import { applyPatches, loadTrace, tracePath, type SequentialTrace } from './lib/traces';
import { waitUntil } from './scenarios/traceScenarios';

const kind = (process.argv[2] ?? 'ensemble') as ServerKind;
const count = Number(process.argv[3] ?? 30_000);
const trace = loadTrace<SequentialTrace>('automerge-paper.json.gz');
if (!trace) {
  process.stderr.write(`${tracePath('automerge-paper.json.gz')} is absent\n`);
  process.exit(1);
}
const server = await startServer(kind);
const [target] = await server.rooms(1, 'profile');
if (!target) throw new Error('no room');
const writer = connectBenchClient(target);
const watcher = connectBenchClient(target);
await Promise.all([writer.synced, watcher.synced]);
const started = performance.now();
for (const txn of trace.txns.slice(0, count)) writer.doc.transact(() => applyPatches(writer.text, txn.patches));
const typedMs = performance.now() - started;
const expected = writer.text.toString();
const ok = await waitUntil(() => watcher.text.length === expected.length && watcher.text.toString() === expected, 300_000, 20);
process.stdout.write(JSON.stringify({ kind, count, typedMs: Math.round(typedMs), totalMs: Math.round(performance.now() - started), ok }) + '\n');
writer.destroy();
watcher.destroy();
await server.cleanup();
process.exit(0);
