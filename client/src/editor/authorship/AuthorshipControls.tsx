/**
 * The authorship view's switch (off / by person / by perspective), its legend, and a line that
 * says who wrote the text at the caret, so the view works with the keyboard and a screen reader
 * and never relies on colour alone.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { PERSPECTIVES } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalog';
import { PerspectiveBadge } from '../../people/PerspectiveBadge';
import { authorAt, authorshipKey, authorshipPlugin, setAuthorshipConfig, type AuthorInfo, type AuthorshipMode } from './authorshipPlugin';
import { useAuthors } from './useAuthors';
import './authorship.css';

const MODES: Array<{ mode: AuthorshipMode; label: MessageKey }> = [
  { mode: 'off', label: 'authorship.off' },
  { mode: 'person', label: 'authorship.byPerson' },
  { mode: 'perspective', label: 'authorship.byPerspective' },
];

export function AuthorshipControls({ editor, documentId }: { editor: Editor | null; documentId: string }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<AuthorshipMode>('off');
  const authors = useAuthors(documentId, mode !== 'off');
  const legendId = useId();

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(authorshipPlugin());
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(authorshipKey);
    };
  }, [editor]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setAuthorshipConfig(editor.state, { mode, authorOf: authors.authorOf }));
  }, [editor, mode, authors.authorOf]);

  const view = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current || mode === 'off') return { atCaret: null, shown: [] as AuthorInfo[] };
      const decorations = authorshipKey.getState(current.state)?.decorations;
      const shown = new Map<string, AuthorInfo>();
      for (const decoration of decorations?.find() ?? []) {
        const author = (decoration.spec as { author?: AuthorInfo }).author;
        if (author) shown.set(author.userId, author);
      }
      return { atCaret: authorAt(current.state, current.state.selection.from), shown: [...shown.values()] };
    },
    equalityFn: (a, b) =>
      a?.atCaret?.userId === b?.atCaret?.userId && a?.shown.map((p) => p.userId).join() === b?.shown.map((p) => p.userId).join(),
  });

  const shown = useMemo(() => view?.shown ?? [], [view]);
  const perspectives = PERSPECTIVES.filter((p) => shown.some((person) => person.perspective === p));

  return (
    <div className="authorship-controls">
      <div role="group" aria-label={t('authorship.label')} className="segmented">
        <span className="segmented__label" aria-hidden="true">
          {t('authorship.label')}
        </span>
        {MODES.map((option) => (
          <button
            key={option.mode}
            type="button"
            className="segmented__button"
            aria-pressed={mode === option.mode}
            aria-describedby={mode !== 'off' && option.mode === mode ? legendId : undefined}
            onClick={() => setMode(option.mode)}
          >
            {t(option.label)}
          </button>
        ))}
      </div>
      {mode !== 'off' && (
        <div id={legendId} className="authorship-legend">
          {authors.failed && <p className="field__error">{t('authorship.failed')}</p>}
          {shown.length === 0 && !authors.failed && <p className="muted">{t('authorship.nobody')}</p>}
          <ul className="authorship-legend__list" aria-label={t('authorship.legend')}>
            {mode === 'person'
              ? shown.map((person) => (
                  <li key={person.userId} className={`authorship-legend__item authorship--${person.perspective ?? 'unknown'}`}>
                    <span className="authorship-legend__swatch" style={{ backgroundColor: `${person.color}2e`, borderColor: person.color }} aria-hidden="true" />
                    <span className="authorship-legend__name">{person.name}</span>
                    <span className="muted">{person.roleLabel}</span>
                  </li>
                ))
              : perspectives.map((perspective) => (
                  <li key={perspective} className={`authorship-legend__item authorship--${perspective} authorship--by-perspective`}>
                    <span className="authorship-legend__sample">{t('authorship.sample')}</span>
                    <PerspectiveBadge perspective={perspective} />
                  </li>
                ))}
          </ul>
          <p className="authorship-legend__caret" aria-live="polite">
            {view?.atCaret
              ? t('authorship.atCaret', { name: view.atCaret.name, role: view.atCaret.roleLabel })
              : t('authorship.atCaretNone')}
          </p>
          <p className="authorship-legend__hint muted">{t('authorship.hint')}</p>
        </div>
      )}
    </div>
  );
}
