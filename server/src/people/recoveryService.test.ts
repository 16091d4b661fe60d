import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../storage/storage';
import { RecoveryService } from './recoveryService';

const DAY = 24 * 60 * 60 * 1000;
let storage: Storage | null = null;
let dataDir = '';

afterEach(async () => {
  await storage?.store.close();
  storage = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('RecoveryService.forgetSpentLinks', () => {
  it('deletes links used or expired more than a week ago and keeps the others', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-recovery-'));
    storage = await openStorage({ dataDir, durability: 'normal', databaseUrl: null, databasePoolSize: 1 });
    const { store, lifecycle } = storage;
    await store.createUser({ id: 'u1', email: 'u1@example.org', displayName: 'U1', passwordHash: 'h', color: '#000000', language: 'fr', createdAt: 1 });
    const now = 100 * DAY;
    const link = (tokenHash: string, expiresAt: number) => ({ tokenHash, workspaceId: null, purpose: 'password_reset' as const, userId: 'u1', createdBy: 'u1', expiresAt, usedAt: null, createdAt: 1 });
    await lifecycle.createRecoveryLink(link('expired-long-ago', now - 8 * DAY), null);
    await lifecycle.createRecoveryLink(link('expired-yesterday', now - DAY), null);
    await lifecycle.createRecoveryLink(link('used-long-ago', now + DAY), null);
    await lifecycle.createRecoveryLink(link('used-yesterday', now + DAY), null);
    await lifecycle.createRecoveryLink(link('still-usable', now + DAY), null);
    await lifecycle.useRecoveryLink('used-long-ago', now - 9 * DAY);
    await lifecycle.useRecoveryLink('used-yesterday', now - DAY);

    const service = new RecoveryService(store, lifecycle, { now: () => now }, { authAttemptsPerWindow: 10, authWindowMs: 60_000 });
    expect(await service.forgetSpentLinks()).toBe(2);
    expect(await service.forgetSpentLinks()).toBe(0);
    expect(await lifecycle.findRecoveryLink('still-usable', now)).not.toBeNull();
    // The kept spent links are still there (the next sweeps forget them), and still unusable.
    expect(await lifecycle.deleteSpentRecoveryLinks(now)).toBe(2);
    expect(await lifecycle.findRecoveryLink('still-usable', now)).not.toBeNull();
  });
});
