/** The HTTP request handler: security headers, API routes, then the built client. */
import type http from 'node:http';
import { AppError } from '../errors';
import type { Logger } from '../log';
import { compileRoutes, matchRoute, runRoute, type PipelineDeps, type Route } from './httpPipeline';
import { serveStatic } from './staticFiles';

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function createRequestHandler(options: {
  routes: Route[];
  deps: Omit<PipelineDeps, 'readBody'>;
  clientDir: string;
  maxBodyBytes: number;
  trustProxy: boolean;
  log: Logger;
}): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const routes = compileRoutes(options.routes);
  const deps: PipelineDeps = { ...options.deps, readBody: (req) => readJsonBody(req, options.maxBodyBytes) };
  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/') && url.pathname !== '/api') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { error: { code: 'bad_request', message: 'Only GET is allowed here.' } });
        return;
      }
      serveStatic(options.clientDir, url.pathname, res);
      return;
    }
    const started = Date.now();
    const clientAddress = clientAddressOf(req, options.trustProxy);
    void (async () => {
      try {
        const { compiled, params } = matchRoute(routes, req.method ?? 'GET', url.pathname);
        const reply = await runRoute(deps, compiled.route, req, params, clientAddress);
        for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
        if (reply.raw !== undefined) {
          res.writeHead(reply.status, { 'Cache-Control': 'no-store' });
          res.end(reply.raw);
        } else if (reply.body === undefined) {
          res.writeHead(reply.status, { 'Cache-Control': 'no-store' });
          res.end();
        } else {
          sendJson(res, reply.status, reply.body);
        }
      } catch (error) {
        const appError = error instanceof AppError ? error : null;
        if (!appError) options.log.error('http_error', { method: req.method, path: url.pathname, error: String(error) });
        const status = appError?.status ?? 500;
        if (status === 429) res.setHeader('Retry-After', '60');
        sendJson(res, status, {
          error: { code: appError?.code ?? 'internal', message: appError?.message ?? 'Something went wrong on the server. Try again.' },
        });
      } finally {
        options.log.info('http_request', { method: req.method, path: url.pathname, status: res.statusCode, ms: Date.now() - started });
      }
    })();
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

async function readJsonBody(req: http.IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    req.resume();
    throw new AppError('payload_too_large', `The request body is too large (limit ${maxBytes} bytes).`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new AppError('payload_too_large', `The request body is too large (limit ${maxBytes} bytes).`);
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json')) throw new AppError('bad_request', 'Send the request body as JSON (Content-Type: application/json).');
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}

/** The client's address; behind a trusted reverse proxy, the first X-Forwarded-For entry. */
export function clientAddressOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0]!.trim();
  return req.socket.remoteAddress ?? 'unknown';
}
