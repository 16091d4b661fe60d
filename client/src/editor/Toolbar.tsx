/**
 * A small formatting toolbar. One tab stop; arrow keys move between buttons (WAI-ARIA toolbar
 * pattern). Buttons keep the editor's selection by not taking focus on mouse down.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';

interface ToolbarProps {
  editor: Editor;
}

interface Tool {
  id: string;
  label: MessageKey;
  glyph: string;
  /** Formatting tools are toggles (aria-pressed); an insertion is a plain button. */
  isActive: ((editor: Editor) => boolean) | null;
  run: (editor: Editor) => void;
}

const TOOLS: Tool[] = [
  { id: 'bold', label: 'editor.bold', glyph: 'B', isActive: (e) => e.isActive('bold'), run: (e) => e.chain().focus().toggleBold().run() },
  { id: 'italic', label: 'editor.italic', glyph: 'I', isActive: (e) => e.isActive('italic'), run: (e) => e.chain().focus().toggleItalic().run() },
  {
    id: 'heading',
    label: 'editor.heading',
    glyph: 'H',
    isActive: (e) => e.isActive('heading', { level: 2 }),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
  },
  {
    id: 'bulletList',
    label: 'editor.bulletList',
    glyph: '•',
    isActive: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run(),
  },
  { id: 'goal', label: 'editor.addGoal', glyph: '◎', isActive: null, run: (e) => e.chain().focus().insertNegotiatedGoal().run() },
];

export function Toolbar({ editor }: ToolbarProps) {
  const { t } = useI18n();
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => TOOLS.map((tool) => (current && tool.isActive ? tool.isActive(current) : false)),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = TOOLS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: focusIndex === last ? 0 : focusIndex + 1,
      ArrowLeft: focusIndex === 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} onKeyDown={onKeyDown}>
      {TOOLS.map((tool, index) => (
        <button
          key={tool.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`toolbar__button toolbar__button--${tool.id}`}
          tabIndex={index === focusIndex ? 0 : -1}
          aria-pressed={tool.isActive ? (active?.[index] ?? false) : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setFocusIndex(index)}
          onClick={() => tool.run(editor)}
        >
          <span className="toolbar__glyph" aria-hidden="true">
            {tool.glyph}
          </span>
          <span className="toolbar__label">{t(tool.label)}</span>
        </button>
      ))}
    </div>
  );
}
