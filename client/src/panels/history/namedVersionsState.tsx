/**
 * Named versions and their sign-off, loaded once for the document screen: the History tab lists
 * them and the banner above the text says when the text has changed since the last approval.
 * There is no live notice for sign-offs yet, so the list is loaded again on `document` notices,
 * after one's own actions, and (only while an approval still matches the text) once the text
 * has been still for a few seconds.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { NamedVersionList } from '../../../../shared/src/index';
import { useLoad, type Load } from '../../ui/useLoad';
import { panelsApi } from '../panelsApi';
import type { PanelScope } from '../panelScope';

export type NamedVersionsState = Load<NamedVersionList> & { reload: () => void };

const NamedVersionsContext = createContext<NamedVersionsState | null>(null);

const SETTLE_MS = 4000;

export function useNamedVersions(scope: Pick<PanelScope, 'info' | 'session'>): NamedVersionsState {
  const { info, session } = scope;
  const state = useLoad(() => panelsApi.namedVersions(info.id), [info.id]);
  const { reload } = state;
  const watchText = state.status === 'ready' && state.data.approval !== null && !state.data.approval.changedSince;

  useEffect(
    () =>
      session.onRecord((event) => {
        if (event.documentId === info.id && event.kind === 'document') reload();
      }),
    [session, info.id, reload],
  );

  useEffect(() => {
    if (!watchText) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(reload, SETTLE_MS);
    };
    session.ydoc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      session.ydoc.off('update', onUpdate);
    };
  }, [watchText, session, reload]);

  return state;
}

export function NamedVersionsProvider({ value, children }: { value: NamedVersionsState; children: ReactNode }) {
  return <NamedVersionsContext.Provider value={value}>{children}</NamedVersionsContext.Provider>;
}

export function useNamedVersionsState(): NamedVersionsState {
  const value = useContext(NamedVersionsContext);
  if (!value) throw new Error('useNamedVersionsState must be used inside <NamedVersionsProvider>');
  return value;
}
