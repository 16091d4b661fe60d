/**
 * Short versions of `npm run soak` (bench/soak): a few SIGKILL crash runs and a few hundred
 * hostile frames, so that a regression in durability or input validation fails `npm test`.
 * Each prints its seed; rerun with SOAK_SEED=<seed> to replay the same run.
 */
import { describe, expect, it } from 'vitest';
import { crashSoak } from '../../bench/soak/crash';
import { fuzzSoak } from '../../bench/soak/fuzz';

const seed = Number(process.env.SOAK_SEED ?? Date.now() % 1_000_000);

describe('soak (short)', () => {
  it('loses no acknowledged update when the server is killed with SIGKILL at random moments', async () => {
    const report = await crashSoak({ runs: 3, rooms: 2, clientsPerRoom: 2, minTypingMs: 100, maxTypingMs: 600, seed });
    expect(report.updatesChecked, `seed ${seed}`).toBeGreaterThan(0);
    expect(report.lostExamples, `seed ${seed}`).toEqual([]);
    expect(report.lost, `seed ${seed}`).toBe(0);
  }, 30_000);

  it('closes hostile connections with the right code and keeps honest rooms and the server alive', async () => {
    const report = await fuzzSoak({ frames: 400, honestRooms: 2, honestClientsPerRoom: 3, hostileRooms: 2, parallel: 4, seed });
    expect(report.mismatches, `seed ${seed}`).toEqual([]);
    expect(report.closedAsExpected, `seed ${seed}`).toBe(report.hostileConnections);
    expect(report.serverCrashed, `seed ${seed}`).toBe(false);
    expect(report.roomsLoadAfterRestart, `seed ${seed}`).toBe(true);
    expect(report.honest.lost, `seed ${seed}`).toBe(0);
  }, 30_000);
});
