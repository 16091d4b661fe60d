/**
 * A disclosure button that shows a short list of actions (the "Document" menu of the top bar,
 * each row's "Options"). Tab moves through the actions, Escape closes and returns to the button,
 * a click or focus elsewhere closes it. Choosing an action puts focus back on the button first,
 * so a dialog it opens returns focus there.
 */
import { useDisclosure } from '../ui/useDisclosure';
import './life.css';

export interface MenuAction {
  key: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
}

interface ActionMenuProps {
  label: string;
  /** A longer accessible name that starts with the visible label ("Options for “Plan”"). */
  accessibleName?: string;
  /** The name of the list of actions, for assistive technology. */
  listLabel: string;
  actions: MenuAction[];
}

export function ActionMenu({ label, accessibleName, listLabel, actions }: ActionMenuProps) {
  const { listId, open, setOpen, root, button, onKeyDown } = useDisclosure();

  const choose = (action: MenuAction) => {
    button.current?.focus();
    setOpen(false);
    action.onSelect();
  };

  return (
    <div className="action-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className="button button--quiet action-menu__button"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={accessibleName}
        onClick={() => setOpen((value) => !value)}
      >
        {label}
        <span aria-hidden="true" className="action-menu__chevron">
          ▾
        </span>
      </button>
      <ul id={listId} className="menu-popover action-menu__list" aria-label={listLabel} hidden={!open}>
        {actions.map((action) => (
          <li key={action.key}>
            <button
              type="button"
              className={`action-menu__item${action.danger ? ' action-menu__item--danger' : ''}`}
              onClick={() => choose(action)}
            >
              {action.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
