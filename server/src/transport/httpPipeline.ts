/**
 * The HTTP route pipeline: match -> authenticate -> check origin -> validate body (zod) -> thin
 * handler calling a service. Every failure becomes `{ error: { code, message } }`.
 */
import type http from 'node:http';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { UserRecord } from '../storage/store';
import { readCookie, SESSION_COOKIE } from './cookies';

export interface RequestContext {
  req: http.IncomingMessage;
  params: Record<string, string>;
  clientAddress: string;
  body: unknown;
}

export interface AuthedContext extends RequestContext {
  user: UserRecord;
  token: string;
}

export interface MaybeAuthedContext extends RequestContext {
  user: UserRecord | null;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** A non-JSON body (exports), sent as is; its Content-Type comes from `headers`. */
  raw?: string;
  headers?: Record<string, string | string[]>;
}

interface RouteBase {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  schema?: z.ZodType;
  /** Reads this route's body instead of the JSON reader (a large upload with its own cap). */
  readBody?: (req: http.IncomingMessage) => Promise<unknown>;
}
export type Route =
  | (RouteBase & { auth: false; handler: (ctx: RequestContext) => Promise<Reply> })
  | (RouteBase & { auth: true; handler: (ctx: AuthedContext) => Promise<Reply> })
  | (RouteBase & { auth: 'optional'; handler: (ctx: MaybeAuthedContext) => Promise<Reply> });

export interface PipelineDeps {
  authenticate(token: string): Promise<UserRecord | null>;
  allowedOrigins(req: http.IncomingMessage): Set<string>;
  readBody(req: http.IncomingMessage): Promise<unknown>;
}

export interface CompiledRoute {
  route: Route;
  regex: RegExp;
  keys: string[];
}

export function compileRoutes(routes: Route[]): CompiledRoute[] {
  return routes.map((route) => {
    const keys: string[] = [];
    const pattern = route.path.replace(/:(\w+)/g, (_, key: string) => {
      keys.push(key);
      return '([^/]+)';
    });
    return { route, regex: new RegExp(`^${pattern}$`), keys };
  });
}

export function matchRoute(routes: CompiledRoute[], method: string, pathname: string) {
  let pathMatched = false;
  for (const compiled of routes) {
    const m = compiled.regex.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (compiled.route.method !== method) continue;
    const params: Record<string, string> = {};
    compiled.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1] ?? '')));
    return { compiled, params };
  }
  if (pathMatched) throw new AppError('method_not_allowed', `Method ${method} is not allowed here.`);
  throw new AppError('not_found', 'No such API route.');
}

/** Bearer header first (automation), then the browser's session cookie. */
export function sessionToken(req: http.IncomingMessage): { token: string; via: 'bearer' | 'cookie' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = readCookie(req.headers.cookie, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

export async function runRoute(
  deps: PipelineDeps,
  route: Route,
  req: http.IncomingMessage,
  params: Record<string, string>,
  clientAddress: string,
): Promise<Reply> {
  const credentials = sessionToken(req);
  if (route.method !== 'GET' && credentials?.via === 'cookie') {
    const origin = req.headers.origin;
    if (!origin || !deps.allowedOrigins(req).has(origin)) {
      throw new AppError('forbidden', 'This request did not come from Ensemble itself, so it was refused.');
    }
  }
  const user = route.auth !== false && credentials ? await deps.authenticate(credentials.token) : null;
  if (route.auth === true && !user) throw new AppError('unauthenticated', 'You are not signed in, or your session has ended. Sign in again.');
  const rawBody = route.method === 'GET' ? undefined : await (route.readBody ?? deps.readBody)(req);
  let body: unknown = rawBody;
  if (route.schema) {
    const parsed = route.schema.safeParse(rawBody ?? {});
    if (!parsed.success) throw new AppError('validation_failed', formatIssues(parsed.error.issues));
    body = parsed.data;
  }
  const base: RequestContext = { req, params, clientAddress, body };
  if (route.auth === false) return route.handler(base);
  if (route.auth === 'optional') return route.handler({ ...base, user });
  if (!user || !credentials) throw new AppError('unauthenticated', 'You are not signed in, or your session has ended. Sign in again.');
  return route.handler({ ...base, user, token: credentials.token });
}

function formatIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.join('.');
      if (issue.code === 'unrecognized_keys') return `Unknown field(s): ${issue.keys.join(', ')}.`;
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join(' ');
}
