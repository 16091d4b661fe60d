/**
 * Tabs after the WAI-ARIA tab pattern: one tab stop for the tab list, Left/Right (and Up/Down)
 * move between tabs and show them at once, Home/End go to the first and last. Only the shown
 * panel is rendered; the others keep their place so later tabs (Comments) slot in.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
  /** A short count or mark shown after the label (part of the name). */
  badge?: string | undefined;
}

interface TabsProps<T extends string> {
  label: string;
  tabs: Array<TabItem<T>>;
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
}

export function Tabs<T extends string>({ label, tabs, selected, onSelect, children }: TabsProps<T>) {
  const base = useId();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const index = Math.max(0, tabs.findIndex((tab) => tab.id === selected));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = tabs.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowDown: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const next = tabs[moves[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    refs.current.get(next.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) refs.current.set(tab.id, element);
                else refs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab.id}`}
              aria-selected={active}
              aria-controls={active ? `${base}-panel-${tab.id}` : undefined}
              tabIndex={active ? 0 : -1}
              className="tabs__tab"
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
              {tab.badge && <span className="tabs__badge">{tab.badge}</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${base}-panel-${selected}`} aria-labelledby={`${base}-tab-${selected}`} tabIndex={0} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
