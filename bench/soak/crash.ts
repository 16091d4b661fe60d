/**
 * Crash soak: clients type in several rooms, the Ensemble server is killed with SIGKILL at a
 * random moment, restarted on the same data directory, and every token that any client saw
 * acknowledged (relayed to another client, or covered by a `saved` message) must be there.
 */
import fs from 'node:fs';
import { createRng } from '../lib/rng';
import { startServer, type EnsembleAccount, type ServerHandle } from '../lib/servers';
import { SoakClient, tokensIn } from './soakClient';

export interface CrashOptions {
  runs: number;
  rooms: number;
  clientsPerRoom: number;
  /** The kill comes at a random moment between these times after typing starts. */
  minTypingMs: number;
  maxTypingMs: number;
  seed: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  runs: number;
  typed: number;
  updatesChecked: number;
  viaSaved: number;
  viaRelay: number;
  lost: number;
  lostExamples: string[];
  seed: number;
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function crashSoak(options: CrashOptions): Promise<CrashReport> {
  const random = createRng(options.seed);
  const log = options.log ?? (() => {});
  let server: ServerHandle = await startServer('ensemble');
  const dataDir = server.dataDir;
  const account = server.account as EnsembleAccount;
  const rooms = (await server.rooms(options.rooms, 'soak')).map((t) => t.room);
  const report: CrashReport = { runs: 0, typed: 0, updatesChecked: 0, viaSaved: 0, viaRelay: 0, lost: 0, lostExamples: [], seed: options.seed };
  try {
    for (let run = 1; run <= options.runs; run++) {
      const clients = rooms.flatMap((room, r) =>
        Array.from({ length: options.clientsPerRoom }, (_, c) => ({ room, client: new SoakClient(server.wsBase, room, account.token, `${r}x${c}`) })),
      );
      await waitFor(() => clients.every((c) => c.client.synced), 20_000, 'soak clients to sync');
      const killAfter = options.minTypingMs + random() * (options.maxTypingMs - options.minTypingMs);
      const started = Date.now();
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => {
          for (let i = 0; i < 3; i++) (clients[Math.floor(random() * clients.length)] as { client: SoakClient }).client.type(run, random);
          if (Date.now() - started >= killAfter) {
            clearInterval(tick);
            server.process.kill('SIGKILL');
            resolve();
          }
        }, 2);
      });
      await server.exited;
      // Frames the server wrote before it died may still sit in the clients' sockets: read them.
      await new Promise((resolve) => setTimeout(resolve, 200));

      const mustHave = new Map<string, Set<string>>();
      const relayed = new Set<string>();
      for (const { client } of clients) for (const token of client.seen) relayed.add(token);
      for (const { room, client } of clients) {
        const set = mustHave.get(room) ?? new Set<string>();
        for (const token of client.acknowledged()) {
          set.add(token);
          report.viaSaved++;
        }
        mustHave.set(room, set);
        report.typed += client.typedCount;
      }
      for (const { room } of clients) {
        const set = mustHave.get(room) as Set<string>;
        for (const token of relayed) if (token.startsWith(`r${run}c${rooms.indexOf(room)}x`)) set.add(token);
      }
      report.viaRelay += relayed.size;
      for (const { client } of clients) client.destroy();

      server = await startServer('ensemble', { dataDir, account });
      let checked = 0;
      for (const room of rooms) {
        const reader = new SoakClient(server.wsBase, room, account.token, 'reader');
        await waitFor(() => reader.synced, 20_000, 'the reader to sync after restart');
        const present = tokensIn(reader.text.toString());
        reader.destroy();
        for (const token of mustHave.get(room) ?? []) {
          checked++;
          if (!present.has(token)) {
            report.lost++;
            if (report.lostExamples.length < 10) report.lostExamples.push(token);
          }
        }
      }
      report.updatesChecked += checked;
      report.runs = run;
      log(`crash run ${run}/${options.runs}: killed after ${Math.round(killAfter)} ms, ${checked} acknowledged tokens checked, ${report.lost} lost so far`);
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}
