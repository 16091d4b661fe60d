/**
 * Short versions of `npm run soak` (bench/soak): a few SIGKILL crash runs and a few hundred
 * hostile frames, so that a regression in durability or input validation fails `npm test`.
 * Failures name their seed; SOAK_SEED=<seed> replays or explores.
 */
import { describe, expect, it } from 'vitest';
import { crashSoak } from '../../bench/soak/crash';
import { fuzzSoak } from '../../bench/soak/fuzz';

// A fixed seed keeps `npm test` deterministic (the frames are generated in a fixed order); SOAK_SEED explores others.
const seed = Number(process.env.SOAK_SEED ?? 11);

describe('soak (short)', () => {
  it('loses no acknowledged update when the server is killed with SIGKILL at random moments', async () => {
    const report = await crashSoak({ runs: 2, rooms: 2, clientsPerRoom: 2, minTypingMs: 100, maxTypingMs: 400, seed });
    expect(report.updatesChecked, `seed ${seed}`).toBeGreaterThan(0);
    expect(report.lostExamples, `seed ${seed}`).toEqual([]);
    expect(report.lost, `seed ${seed}`).toBe(0);
  }, 60_000);

  it('closes hostile connections with the right code and keeps honest rooms and the server alive', async () => {
    const report = await fuzzSoak({ frames: 300, honestRooms: 2, honestClientsPerRoom: 3, hostileRooms: 2, parallel: 6, honestPhaseMs: 2_000, seed });
    expect(report.mismatches, `seed ${seed}`).toEqual([]);
    expect(report.closedAsExpected, `seed ${seed}`).toBe(report.hostileConnections);
    expect(report.serverCrashed, `seed ${seed}`).toBe(false);
    expect(report.roomsLoadAfterRestart, `seed ${seed}`).toBe(true);
    expect(report.honest.lost, `seed ${seed}`).toBe(0);
  }, 60_000);
});
