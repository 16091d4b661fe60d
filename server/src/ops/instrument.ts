/**
 * Where the metrics come from, without touching the sync core: the structured log (every
 * `error` event, and the `http_request` event written once per API answer), the sync hooks'
 * `afterAppend`, and a timing wrapper around the store the rooms append through.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import type { SyncHooks } from '../sync/hooks';
import type { Metrics } from './metrics';

/** The logger everyone uses, counting errors and HTTP answers before the level filter. */
export function meteredLogger(log: Logger, metrics: Metrics): Logger {
  return {
    debug: (event, fields) => log.debug(event, fields),
    info: (event, fields) => {
      // Written by transport/httpServer.ts after each API answer, with its final status.
      if (event === 'http_request' && typeof fields?.status === 'number') metrics.httpResponse(fields.status);
      log.info(event, fields);
    },
    warn: (event, fields) => log.warn(event, fields),
    error: (event, fields) => {
      metrics.error(event);
      log.error(event, fields);
    },
  };
}

/** An `afterAppend` hook that counts appended updates, then calls the one it replaces (if any). */
export function countAppends(metrics: Metrics, next?: SyncHooks['afterAppend']): NonNullable<SyncHooks['afterAppend']> {
  return (entries) => {
    metrics.updatesAppended(entries.length, entries.reduce((sum, e) => sum + e.update.byteLength, 0));
    next?.(entries);
  };
}

/** The store as the rooms see it: each group-commit append is timed. */
export function timedAppends(store: Store, metrics: Metrics): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'appendUpdates') {
        return async (...args: Parameters<Store['appendUpdates']>) => {
          const started = performance.now();
          try {
            return await target.appendUpdates(...args);
          } finally {
            metrics.appendDuration((performance.now() - started) / 1000);
          }
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
