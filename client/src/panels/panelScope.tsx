/**
 * What every part of the side panel needs to know about the open document: who is looking,
 * with which permission, the realtime session (live notices, the Y.Doc) and the editor.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import type { DocumentInfo, Permission, RecordEvent } from '../../../shared/src/index';
import type { CollabSession } from '../collab/session';
import { useLoad } from '../ui/useLoad';

export interface PanelScope {
  info: DocumentInfo;
  /** The caller's permission now (it can change while the document is open). */
  permission: Permission;
  selfId: string;
  session: CollabSession;
  /** Null until the editor exists. */
  editor: Editor | null;
}

const PanelScopeContext = createContext<PanelScope | null>(null);

export function PanelScopeProvider({ scope, children }: { scope: PanelScope; children: ReactNode }) {
  return <PanelScopeContext.Provider value={scope}>{children}</PanelScopeContext.Provider>;
}

export function usePanelScope(): PanelScope {
  const scope = useContext(PanelScopeContext);
  if (!scope) throw new Error('usePanelScope must be used inside <PanelScopeProvider>');
  return scope;
}

/** Calls `listener` for the document's record notices of the given kinds. */
export function useRecordNotices(kinds: ReadonlyArray<RecordEvent['kind']>, listener: (event: RecordEvent) => void): void {
  const { session, info } = usePanelScope();
  const latest = useRef(listener);
  latest.current = listener;
  const key = kinds.join(',');
  useEffect(
    () =>
      session.onRecord((event) => {
        if (event.documentId === info.id && key.split(',').includes(event.kind)) latest.current(event);
      }),
    [session, info.id, key],
  );
}

/** Calls `listener` once the document's text has stopped changing for `delayMs`. */
export function useTextSettled(delayMs: number, listener: () => void, enabled = true): void {
  const { session } = usePanelScope();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), delayMs);
    };
    session.ydoc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      session.ydoc.off('update', onUpdate);
    };
  }, [session, delayMs, enabled]);
}

/** Loads data for the document and loads it again on the given record notices. */
export function useLiveLoad<T>(load: () => Promise<T>, kinds: ReadonlyArray<RecordEvent['kind']>, deps: readonly unknown[] = []) {
  const { info } = usePanelScope();
  const state = useLoad(load, [info.id, ...deps]);
  useRecordNotices(kinds, state.reload);
  return state;
}
