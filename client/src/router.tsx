/**
 * A small History API router: `navigate()` pushes a path, `useLocation()` re-renders on change,
 * `matchRoute()` turns the path into a typed route. The server answers index.html for any page.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'signin' }
  | { name: 'setup' }
  | { name: 'workspace'; workspaceId: string; section: WorkspaceSection }
  | { name: 'document'; documentId: string }
  | { name: 'workshops'; workspaceId: string }
  | { name: 'workshop'; workspaceId: string; workshopId: string; view: WorkshopView }
  | { name: 'join'; invitation: string | null }
  | { name: 'profile' }
  | { name: 'recover'; token: string }
  | { name: 'notFound' };

/** The parts of the workspace screen, each with its own address so it can be linked and reloaded. */
export const WORKSPACE_SECTIONS = ['documents', 'people', 'activity', 'trash', 'settings'] as const;
export type WorkspaceSection = (typeof WORKSPACE_SECTIONS)[number];

/** A workshop seen by a participant, run by a facilitator, or shown on the room's screen. */
export type WorkshopView = 'participant' | 'facilitate' | 'projector';

const listeners = new Set<() => void>();
let navigationCount = 0;

function notify(): void {
  navigationCount += 1;
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (path === current) return;
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): { pathname: string; search: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const url = new URL(href, location.origin);
  return { pathname: url.pathname, search: url.search };
}

/** How many client-side navigations happened; screens move focus to their heading after one. */
export function navigationsSoFar(): number {
  return navigationCount;
}

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'home' };
  if (pathname === '/signin') return { name: 'signin' };
  if (pathname === '/setup') return { name: 'setup' };
  if (pathname === '/profile') return { name: 'profile' };
  const recover = /^\/recover\/([^/]+)\/?$/.exec(pathname);
  if (recover?.[1]) return { name: 'recover', token: decodeURIComponent(recover[1]) };
  if (pathname === '/join' || pathname === '/join/') return { name: 'join', invitation: null };
  const join = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (join?.[1]) return { name: 'join', invitation: decodeURIComponent(join[1]) };
  const workspace = /^\/w\/([^/]+)(?:\/(people|activity|trash|settings))?\/?$/.exec(pathname);
  if (workspace?.[1]) {
    const section = (workspace[2] ?? 'documents') as WorkspaceSection;
    return { name: 'workspace', workspaceId: decodeURIComponent(workspace[1]), section };
  }
  const workshops = /^\/w\/([^/]+)\/workshops(?:\/([^/]+)(?:\/(facilitate|projector))?)?\/?$/.exec(pathname);
  if (workshops?.[1]) {
    const workspaceId = decodeURIComponent(workshops[1]);
    if (!workshops[2]) return { name: 'workshops', workspaceId };
    return { name: 'workshop', workspaceId, workshopId: decodeURIComponent(workshops[2]), view: (workshops[3] ?? 'participant') as WorkshopView };
  }
  const document = /^\/d\/([^/]+)\/?$/.exec(pathname);
  if (document?.[1]) return { name: 'document', documentId: decodeURIComponent(document[1]) };
  return { name: 'notFound' };
}

/** A same-origin path to come back to after signing in; anything else is ignored. */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export const paths = {
  home: () => '/',
  signin: (next?: string) => (next && next !== '/' ? `/signin?next=${encodeURIComponent(next)}` : '/signin'),
  setup: () => '/setup',
  workspace: (id: string, section: WorkspaceSection = 'documents') =>
    `/w/${encodeURIComponent(id)}${section === 'documents' ? '' : `/${section}`}`,
  join: (invitation?: string) => (invitation ? `/join/${encodeURIComponent(invitation)}` : '/join'),
  profile: () => '/profile',
  recover: (token: string) => `/recover/${encodeURIComponent(token)}`,
  document: (id: string) => `/d/${encodeURIComponent(id)}`,
  workshops: (workspaceId: string) => `/w/${encodeURIComponent(workspaceId)}/workshops`,
  workshop: (workspaceId: string, id: string, view: WorkshopView = 'participant') =>
    `/w/${encodeURIComponent(workspaceId)}/workshops/${encodeURIComponent(id)}${view === 'participant' ? '' : `/${view}`}`,
};

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link that navigates without a page load (modified clicks keep browser behaviour). */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handleClick} {...rest} />;
}
