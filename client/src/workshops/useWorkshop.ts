/**
 * A workshop's state for this screen, kept live: the state comes over HTTP (built by the server
 * for this person only), and the event stream only says when there is something new. Fetches
 * are coalesced, so a burst of notices during a vote costs at most one fetch in flight and one
 * after it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { WorkshopEventSchema, type WorkshopState } from '../../../shared/src/index';
import { workshopApi } from './workshopApi';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface WorkshopLoad {
  state: WorkshopState | null;
  /** `performance.now()` when the state arrived: the countdown runs from there. */
  receivedAt: number;
  error: unknown;
  live: LiveStatus;
  refresh(): void;
}

export function useWorkshop(workshopId: string, projector = false): WorkshopLoad {
  const [load, setLoad] = useState<{ state: WorkshopState | null; receivedAt: number; error: unknown }>({ state: null, receivedAt: 0, error: null });
  const [live, setLive] = useState<LiveStatus>('connecting');
  const fetching = useRef({ inFlight: false, again: false, revision: -1, active: true });

  const refresh = useCallback(() => {
    const f = fetching.current;
    if (f.inFlight) {
      f.again = true;
      return;
    }
    f.inFlight = true;
    workshopApi.state(workshopId, projector).then(
      (state) => {
        if (!f.active) return;
        f.revision = Math.max(f.revision, state.revision);
        setLoad({ state, receivedAt: performance.now(), error: null });
      },
      (error: unknown) => f.active && setLoad((previous) => ({ ...previous, error })),
    ).finally(() => {
      f.inFlight = false;
      if (f.again && f.active) {
        f.again = false;
        refresh();
      }
    });
  }, [workshopId, projector]);

  useEffect(() => {
    const f = fetching.current;
    f.active = true;
    refresh();
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const onNotice = (event: MessageEvent<string>) => {
      const notice = WorkshopEventSchema.safeParse(JSON.parse(event.data));
      if (notice.success && notice.data.revision > f.revision) refresh();
    };
    const open = () => {
      source = new EventSource(workshopApi.eventsUrl(workshopId));
      source.addEventListener('ready', (event) => {
        setLive('live');
        onNotice(event);
      });
      source.addEventListener('change', onNotice);
      source.onerror = () => {
        setLive('reconnecting');
        // EventSource retries by itself after a dropped stream, but gives up after a refusal
        // (a restart answering 503, say): then open a new one a little later.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(open, 5000);
          // A refused stream may mean the person was removed: the state fetch tells.
          refresh();
        }
      };
    };
    open();
    return () => {
      f.active = false;
      clearTimeout(retry);
      source?.close();
    };
  }, [workshopId, refresh]);

  return { ...load, live, refresh };
}
