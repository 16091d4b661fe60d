/**
 * A small formatting toolbar. One tab stop; arrow keys move between buttons (WAI-ARIA toolbar
 * pattern). Buttons keep the editor's selection by not taking focus on mouse down.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import { requestComment } from '../comments/commentRequests';
import { SUGGEST_TOOL_ID, isSuggestingIn, toggleSuggesting } from './suggestions/suggestTool';

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
  // Opens the side panel's comment form about the selected passage (the whole text if none).
  { id: 'comment', label: 'comments.toolbar', glyph: '✎', isActive: null, run: requestComment },
  { id: SUGGEST_TOOL_ID, label: 'suggestions.toggle', glyph: '±', isActive: isSuggestingIn, run: toggleSuggesting },
];

/** While suggesting, formatting and new blocks cannot be suggested (ADR 0005): their tools go. */
const SUGGESTING_TOOLS = TOOLS.filter((tool) => tool.id === 'comment' || tool.id === SUGGEST_TOOL_ID);

export function Toolbar({ editor }: ToolbarProps) {
  const { t } = useI18n();
  const [focusId, setFocusId] = useState(TOOLS[0]!.id);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const suggesting = useEditorState({ editor, selector: ({ editor: current }) => (current ? isSuggestingIn(current) : false) });
  const tools = suggesting ? SUGGESTING_TOOLS : TOOLS;
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => TOOLS.map((tool) => (current && tool.isActive ? tool.isActive(current) : false)),
  });
  // The roving tab stop follows a tool, not a position: the list changes with suggestion mode.
  const focused = Math.max(0, tools.findIndex((tool) => tool.id === focusId));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = tools.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: focused === last ? 0 : focused + 1,
      ArrowLeft: focused === 0 ? last : focused - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusId(tools[next]!.id);
    buttons.current[next]?.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')} onKeyDown={onKeyDown}>
      {tools.map((tool, index) => (
        <button
          key={tool.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className={`toolbar__button toolbar__button--${tool.id}`}
          tabIndex={index === focused ? 0 : -1}
          aria-pressed={tool.isActive ? (active?.[TOOLS.indexOf(tool)] ?? false) : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setFocusId(tool.id)}
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
