/**
 * What the throwaway test services (support/postgres.ts, support/redis.ts) share: a free port,
 * installing a missing Debian package once when running as root, a `describe` skipped with its
 * reason when the service cannot be had, and starting/stopping the service around a describe.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe } from 'vitest';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether a missing package can be installed here (as root, with apt-get). */
export const canAptInstall = (): boolean => isRoot && fs.existsSync('/usr/bin/apt-get');

/** `describe`, or `describe.skip` with the reason in its title and on the console when there is one. */
export function describeUnless(reason: string | null, name: string, body: () => void): void {
  if (reason) {
    console.warn(`Skipping "${name}": ${reason}`);
    describe.skip(`${name} (skipped: ${reason})`, body);
  } else {
    describe(name, body);
  }
}

export interface AptPackage {
  /** The Debian package, e.g. `postgresql`. */
  name: string;
  /** A shell test that succeeds when it is already there (checked again under the lock). */
  present: string;
  /** Whether its binaries are found, after installing. */
  found(): boolean;
  /** Said when it is missing and cannot be installed. */
  hint: string;
  /** The service's name in messages, e.g. `PostgreSQL`. */
  service: string;
  /** The lock file serialising the installation across test workers. */
  lock: string;
}

/** Installs a Debian package (serialised across test workers by a file lock), when running as root. */
export function aptInstall(pkg: AptPackage): void {
  if (!isRoot) throw new Error(`${pkg.service} is not installed: ${pkg.hint}.`);
  const result = spawnSync(
    'flock',
    [pkg.lock, 'sh', '-c', `${pkg.present} || (apt-get update && apt-get install -y ${pkg.name})`],
    { stdio: 'pipe', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 580_000 },
  );
  if (result.status !== 0 || !pkg.found()) {
    throw new Error(`Installing ${pkg.service} (apt-get install -y ${pkg.name}) failed: ${String(result.stderr ?? '').slice(-2000) || result.error?.message}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Inside a describe: starts a service before the tests and stops it after them. The returned
 * accessor gives the running service from the tests (and beforeEach) on; before, it throws `misuse`.
 */
export function useStarted<T extends { stop(): Promise<void> }>(start: () => Promise<T>, misuse: string): () => T {
  let running: T | null = null;
  beforeAll(async () => {
    running = await start();
  }, 600_000);
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (!running) throw new Error(misuse);
    return running;
  };
}
