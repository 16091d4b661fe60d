/**
 * Routes for operators (docs/operations.md): readiness for load balancers and orchestrators,
 * and metrics for Prometheus. GET /api/health (routes.ts) stays the liveness check.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { AppError } from '../errors';
import type { Gauges, Metrics } from '../ops/metrics';
import type { Route } from './httpPipeline';

export interface OpsRouteServices {
  /** Throws when storage cannot answer. */
  ping(): Promise<void>;
  isClosing(): boolean;
  metrics: Metrics;
  gauges(): Gauges;
  /** When set, GET /api/metrics requires `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  now(): number;
}

export function opsRoutes(s: OpsRouteServices): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/ready',
      auth: false,
      handler: async () => {
        if (s.isClosing()) throw new AppError('unavailable', 'The server is stopping.');
        try {
          await s.ping();
        } catch {
          throw new AppError('unavailable', 'Storage is not reachable.');
        }
        return { status: 200, body: { ready: true } };
      },
    },
    {
      method: 'GET',
      path: '/api/metrics',
      auth: false,
      handler: async (ctx) => {
        if (!metricsAllowed(ctx.req, s.metricsToken)) {
          throw new AppError(
            'forbidden',
            s.metricsToken ? 'Metrics need the metrics token (Authorization: Bearer …).' : 'Metrics are only served to this machine (loopback). Set METRICS_TOKEN to scrape from elsewhere.',
          );
        }
        return {
          status: 200,
          raw: s.metrics.render(s.gauges(), s.now()),
          headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' },
        };
      },
    },
  ];
}

/**
 * With a token: only requests that present it. Without: only requests from this machine that
 * did not pass through a proxy, since a reverse proxy on the same host would otherwise make
 * every visitor look local.
 */
export function metricsAllowed(req: http.IncomingMessage, token: string | null): boolean {
  if (token !== null) {
    const header = req.headers.authorization ?? '';
    const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
    const expected = Buffer.from(token);
    return presented.length === expected.length && crypto.timingSafeEqual(presented, expected);
  }
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined) return false;
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
