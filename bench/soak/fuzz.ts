/**
 * Fuzz soak: hostile connections send malformed, truncated, oversized, flooding and
 * well-formed-looking frames into their own rooms while honest clients (separate load
 * processes) type in others. Every hostile connection must end with the expected close code
 * (or stay open for well-formed frames), no honest update may be lost, the server must never
 * crash, and every room must still load after a restart.
 */
import fs from 'node:fs';
import WebSocket from 'ws';
import { CLOSE_CODES, MESSAGE_TYPES } from '../../shared/src/index';
import { connectBenchClient, type RoomTarget } from '../lib/clients';
import { createRng } from '../lib/rng';
import { startServer, type ServerHandle } from '../lib/servers';
import type { LatencySummary } from '../lib/stats';
import { WorkerPool } from '../lib/workers';
import { hostileFrame, type HostileFrame } from './fuzzFrames';

export interface FuzzOptions {
  frames: number;
  honestRooms: number;
  honestClientsPerRoom: number;
  hostileRooms: number;
  /** Hostile connections open at once. */
  parallel: number;
  /** Length of each honest typing phase (default 5 s); phases repeat while the fuzz runs. */
  honestPhaseMs?: number;
  seed: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  framesSent: number;
  hostileConnections: number;
  closedAsExpected: number;
  mismatches: Array<{ kinds: string[]; expected: number | null; actual: number | null; firstBytes: string }>;
  byKind: Record<string, number>;
  honest: { updatesPerSecond: number; fanout: LatencySummary; delivery: LatencySummary; lost: number };
  serverCrashed: boolean;
  /** The end of the server's output when it crashed (its error). */
  crashOutput: string;
  roomsLoadAfterRestart: boolean;
  seed: number;
}

const MAX_MESSAGE_BYTES = 65_536;
/** Fuzz server limits: real rate limits (so floods are refused), a small frame limit (cheap oversize). */
const FUZZ_ENV = { LIMIT_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), LIMIT_MESSAGES_PER_SECOND: '200', LIMIT_MESSAGE_BURST: '400' };

interface Plan {
  url: string;
  frames: HostileFrame[];
  expected: number | null;
}

function plan(random: () => number, server: ServerHandle, rooms: RoomTarget[]): Plan {
  const room = rooms[Math.floor(random() * rooms.length)] as RoomTarget;
  const base = `${server.wsBase}/collab/${room.room}`;
  const withToken = `${base}?token=${encodeURIComponent(room.token ?? '')}`;
  const pick = random();
  const probe: HostileFrame = { kind: 'query-awareness', data: Uint8Array.from([MESSAGE_TYPES.queryAwareness]), expected: null };
  if (pick < 0.02) return { url: base, frames: [probe], expected: CLOSE_CODES.unauthenticated };
  if (pick < 0.04) return { url: `${server.wsBase}/collab/no-such-document?token=${encodeURIComponent(room.token ?? '')}`, frames: [probe], expected: CLOSE_CODES.notFound };
  if (pick < 0.045) return { url: withToken, frames: Array.from({ length: 450 }, () => probe), expected: CLOSE_CODES.tooManyMessages };
  const frames: HostileFrame[] = [];
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const frame = hostileFrame(random, MAX_MESSAGE_BYTES);
    frames.push(frame);
    if (frame.expected !== null) break;
  }
  return { url: withToken, frames, expected: frames.find((f) => f.expected !== null)?.expected ?? null };
}

/** Opens one hostile connection, sends its frames, returns how the server ended it (null: still open). */
function attack(p: Plan): Promise<number | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(p.url);
    let settled = false;
    const finish = (code: number | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (code === null) ws.close(1000);
      resolve(code);
    };
    const timer = setTimeout(() => finish(ws.readyState === ws.CLOSED ? -1 : null), p.expected === null ? 400 : 5_000);
    ws.on('error', () => {});
    ws.on('close', (code) => finish(code));
    ws.on('open', () => {
      for (const frame of p.frames) ws.send(frame.data, { binary: typeof frame.data !== 'string' });
    });
  });
}

export async function fuzzSoak(options: FuzzOptions): Promise<FuzzReport> {
  const random = createRng(options.seed);
  const log = options.log ?? (() => {});
  let server = await startServer('ensemble', { env: FUZZ_ENV });
  const dataDir = server.dataDir;
  const pool = WorkerPool.start(2);
  const report: FuzzReport = {
    framesSent: 0,
    hostileConnections: 0,
    closedAsExpected: 0,
    mismatches: [],
    byKind: {},
    honest: { updatesPerSecond: 0, fanout: { count: 0, p50: 0, p95: 0, p99: 0, max: 0 }, delivery: { count: 0, p50: 0, p95: 0, p99: 0, max: 0 }, lost: 0 },
    serverCrashed: false,
    crashOutput: '',
    roomsLoadAfterRestart: false,
    seed: options.seed,
  };
  try {
    const honestRooms = await server.rooms(options.honestRooms, 'honest');
    const hostileRooms = await server.rooms(options.hostileRooms, 'hostile');
    const honestTargets = Array.from({ length: options.honestClientsPerRoom }, () => honestRooms).flat();
    await pool.connect(honestTargets, { epoch: Date.now(), seed: options.seed });

    let fuzzing = true;
    const hostile = (async () => {
      const lanes = Array.from({ length: options.parallel }, async () => {
        while (report.framesSent < options.frames) {
          const p = plan(random, server, hostileRooms);
          report.framesSent += p.frames.length;
          for (const f of p.frames) report.byKind[f.kind] = (report.byKind[f.kind] ?? 0) + 1;
          const actual = await attack(p);
          report.hostileConnections++;
          if (actual === p.expected) report.closedAsExpected++;
          else if (report.mismatches.length < 20) {
            const first = p.frames.find((f) => f.expected === p.expected) ?? p.frames[0];
            const bytes = typeof first?.data === 'string' ? Buffer.from(first.data) : Buffer.from(first?.data ?? []);
            report.mismatches.push({ kinds: p.frames.map((f) => f.kind), expected: p.expected, actual, firstBytes: bytes.subarray(0, 48).toString('hex') });
          }
          if (report.hostileConnections % 500 === 0) log(`fuzz: ${report.framesSent} frames, ${report.hostileConnections} connections`);
        }
      });
      await Promise.all(lanes);
      fuzzing = false;
    })();
    // Honest typing for as long as the fuzz runs (in phases, bounded by 40 phases).
    const phaseMs = options.honestPhaseMs ?? 5_000;
    const phases = [];
    for (let phase = 1; phase <= 40 && (fuzzing || phase === 1); phase++) {
      phases.push(await pool.phase({ phase, ratePerClient: 2, durationMs: phaseMs, settleMs: Math.min(1_000, phaseMs / 2), deleteShare: 0.15 }, options.honestClientsPerRoom - 1));
    }
    await hostile;
    const last = phases.reduce((a, b) => (b.fanout.p99 > a.fanout.p99 ? b : a));
    report.honest = {
      updatesPerSecond: Math.round(phases.reduce((sum, p) => sum + p.acceptedPerSecond, 0) / phases.length),
      fanout: last.fanout,
      delivery: last.delivery,
      lost: phases.reduce((sum, p) => sum + p.incomplete, 0),
    };
    report.serverCrashed = server.process.exitCode !== null || server.process.signalCode !== null;
    if (report.serverCrashed) report.crashOutput = server.output().slice(-3_000);
    await pool.close();

    // Nothing hostile may have made a document unloadable: restart and open every room.
    await server.stop();
    server = await startServer('ensemble', { dataDir, account: server.account, env: FUZZ_ENV });
    const loads = await Promise.all(
      [...honestRooms, ...hostileRooms].map(async (room) => {
        const target = { ...room, wsBase: server.wsBase };
        const client = connectBenchClient(target);
        const ok = await Promise.race([client.synced.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20_000))]);
        client.destroy();
        return ok;
      }),
    );
    report.roomsLoadAfterRestart = loads.every(Boolean);
  } finally {
    await pool.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return report;
}
