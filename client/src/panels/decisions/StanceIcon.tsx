/**
 * One shape per position, always next to its words: a tick (agree), a tick with a dash
 * (reservations), an open circle (abstain), a cross (disagree), an octagon with a bar (block).
 */
import type { Stance } from '../../../../shared/src/index';

const PATHS: Record<Stance, string> = {
  agree: 'M3 8.5 6.5 12 13 4.5',
  reservations: 'M2.5 7.5 5.5 10.5 11 4M9 12.5h5',
  abstain: 'M8 2.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11M5.5 8h5',
  disagree: 'M4 4l8 8M12 4l-8 8',
  block: 'M5.5 2h5L14 5.5v5L10.5 14h-5L2 10.5v-5zM5 8h6',
};

export function StanceIcon({ stance }: { stance: Stance }) {
  return (
    <svg className={`stance-icon stance-icon--${stance}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[stance]} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
