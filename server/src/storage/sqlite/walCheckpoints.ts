/**
 * WAL checkpoints off the event loop. By default SQLite copies the write-ahead log back into
 * the database file inside whichever commit crosses ~1,000 pages, and syncs the file there:
 * 20-40 ms during which the server relays nothing (measured under load, docs/performance.md).
 * Here the serving connection never checkpoints; a worker thread with its own connection runs
 * a PASSIVE checkpoint (it never blocks writers) every `intervalMs`, and the serving
 * connection goes back to automatic checkpoints if the worker cannot run.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** The worker's whole program (plain JavaScript: it runs without the TypeScript loader). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ type: 'stopped' });
  parentPort.close();
});
parentPort.postMessage({ type: 'ready' });
`;

/** SQLite's own default: a checkpoint inside the commit that takes the log past 1,000 pages. */
const AUTOMATIC_CHECKPOINT_PAGES = 1000;

export interface WalCheckpoints {
  /** Runs a last checkpoint and ends the worker (before the serving connection closes). */
  stop(): Promise<void>;
}

export function checkpointWalInBackground(
  db: Database.Database,
  options: { filename: string; durability: 'normal' | 'full'; intervalMs?: number; onError?: (message: string) => void },
): WalCheckpoints {
  db.pragma('wal_autocheckpoint = 0');
  const fallBack = (message: string): void => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOMATIC_CHECKPOINT_PAGES}`);
    options.onError?.(message);
  };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      filename: options.filename,
      synchronous: options.durability === 'full' ? 'FULL' : 'NORMAL',
      intervalMs: options.intervalMs ?? 1000,
    },
  });
  worker.unref();
  let running = true;
  const ended = new Promise<void>((resolve) => {
    worker.on('message', (message: { type: string; message?: string }) => {
      if (message.type === 'error') options.onError?.(message.message ?? 'checkpoint failed');
    });
    worker.on('error', (error) => {
      running = false;
      fallBack(`WAL checkpoint worker failed: ${error.message}`);
    });
    worker.on('exit', () => {
      if (running) fallBack('WAL checkpoint worker stopped');
      running = false;
      resolve();
    });
  });
  return {
    stop: async () => {
      if (running) {
        running = false;
        // Unreferenced, the worker would not keep a shutting-down process alive until it is done.
        worker.ref();
        worker.postMessage('stop');
      }
      await ended;
    },
  };
}
