/**
 * What suggestion mode adds around the text: it hands the editor the member's settings (who is
 * suggesting, whether they may accept), says politely why an edit could not be suggested, and,
 * when the caret is in a suggestion, names its author and time (for screen readers too, in a
 * polite live region) with Accept and Reject for editors and owners.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import type { SuggestionMark } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/catalog';
import { describeSuggestion } from './describe';
import { refreshSuggestionTitles, type SuggestionNotice } from './suggestionMode';
import { useSuggestionPeople } from './suggestionPeople';
import { suggestionAtSelection } from './suggestionRuns';
import './suggestions.css';

const NOTICES: Record<SuggestionNotice, MessageKey> = {
  structure: 'suggestions.blocked.structure',
  formatting: 'suggestions.blocked.formatting',
  emptyLine: 'suggestions.blocked.emptyLine',
  othersSuggestion: 'suggestions.blocked.othersSuggestion',
};

interface SuggestionLayerProps {
  editor: Editor;
  documentId: string;
  self: { id: string; name: string };
  /** Owners and editors: accept, reject, and switch suggestion mode off. */
  mayEdit: boolean;
  /** Commenters: every edit is a suggestion. */
  onlySuggest: boolean;
}

export function SuggestionLayer({ editor, documentId, self, mayEdit, onlySuggest }: SuggestionLayerProps) {
  const { t, language } = useI18n();
  const people = useSuggestionPeople(documentId, self);
  const [notice, setNotice] = useState<SuggestionNotice | null>(null);
  const describe = useCallback((mark: SuggestionMark) => describeSuggestion(mark, self.id, people.nameOf, t, language), [self.id, people, t, language]);

  // Before any keystroke can reach the editor (layout effects run before input is handled).
  useLayoutEffect(() => {
    editor.storage.suggestionMode.settings = { memberId: self.id, mayEdit, onlySuggest, onNotice: setNotice, describe };
    if (!editor.isDestroyed) editor.view.dispatch(refreshSuggestionTitles(editor.state));
  }, [editor, self.id, mayEdit, onlySuggest, describe]);

  useEffect(() => {
    const clear = () => setNotice(null);
    editor.on('update', clear);
    return () => {
      editor.off('update', clear);
    };
  }, [editor]);

  const here = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? suggestionAtSelection(current.state) : null),
    equalityFn: (a, b) => a?.mark.id === b?.mark.id && a?.text === b?.text,
  });

  return (
    <div className="suggestion-layer">
      <p className="suggestion-layer__notice" role="status" aria-live="polite">
        {notice && (
          <>
            {t(NOTICES[notice])}
            {mayEdit && notice !== 'othersSuggestion' ? ` ${t('suggestions.blocked.editorHint')}` : ''}
          </>
        )}
      </p>
      <AtCursor editor={editor} here={here} describe={describe} mayEdit={mayEdit} />
    </div>
  );
}

function AtCursor({
  editor,
  here,
  describe,
  mayEdit,
}: {
  editor: Editor;
  here: ReturnType<typeof suggestionAtSelection>;
  describe: (mark: SuggestionMark) => string;
  mayEdit: boolean;
}) {
  const { t } = useI18n();
  const labelId = useId();
  // The live region stays in place (empty when the caret is elsewhere) so changes are announced.
  return (
    <div className={`suggestion-bar${here ? '' : ' suggestion-bar--empty'}`} data-testid="suggestion-at-cursor">
      <p id={labelId} className="suggestion-bar__text" aria-live="polite">
        {here ? describe(here.mark) : ''}
      </p>
      {here && mayEdit && (
        <div className="suggestion-bar__actions" role="group" aria-label={t('suggestions.atCursor')}>
          <button
            type="button"
            className="button"
            aria-describedby={labelId}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => editor.chain().focus().acceptSuggestion(here.mark.id).run()}
          >
            {t('suggestions.accept')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            aria-describedby={labelId}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => editor.chain().focus().rejectSuggestion(here.mark.id).run()}
          >
            {t('suggestions.reject')}
          </button>
        </div>
      )}
    </div>
  );
}
