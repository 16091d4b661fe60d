/**
 * The side panel's "Suggestions" tab: every open suggestion, read live from the editor's
 * document in document order, with its kind, author, time and text. Editors and owners accept or
 * reject each one, or all at once (after a confirmation); everyone can jump to one in the text.
 */
import { useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import { canEditContent, type SuggestionAction } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { plural } from '../../panels/plural';
import { usePanelScope } from '../../panels/panelScope';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { suggestionAuthor, suggestionTime } from './describe';
import { useSuggestionPeople } from './suggestionPeople';
import { openSuggestions, type OpenSuggestion } from './suggestionRuns';
import './suggestions.css';

function sameList(a: OpenSuggestion[] | null, b: OpenSuggestion[] | null): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((s, i) => s.mark.id === b[i]?.mark.id && s.text === b[i]?.text && s.ranges[0]?.from === b[i]?.ranges[0]?.from);
}

export function SuggestionsTab() {
  const { editor } = usePanelScope();
  const { t } = useI18n();
  if (!editor) return <p>{t('suggestions.empty')}</p>;
  return <SuggestionList editor={editor} />;
}

function SuggestionList({ editor }: { editor: Editor }) {
  const { t, language } = useI18n();
  const { info, permission, selfId, session } = usePanelScope();
  const people = useSuggestionPeople(info.id, { id: selfId, name: session.localUser.name });
  const mayDecide = canEditContent(permission);
  const [confirming, setConfirming] = useState<SuggestionAction | null>(null);
  const suggestions = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? openSuggestions(current.state.doc) : []),
    equalityFn: sameList,
  });

  const show = (suggestion: OpenSuggestion) => {
    const range = suggestion.ranges[0];
    if (!range) return;
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, range.from, range.to)).scrollIntoView());
    editor.view.focus();
  };
  const decide = (suggestion: OpenSuggestion, action: SuggestionAction) => {
    if (action === 'accept') editor.commands.acceptSuggestion(suggestion.mark.id);
    else editor.commands.rejectSuggestion(suggestion.mark.id);
  };

  return (
    <div className="suggestions-tab">
      <h3>{t('suggestions.heading')}</h3>
      <p aria-live="polite">{suggestions.length === 0 ? t('suggestions.empty') : plural(t, language, 'suggestions.count', suggestions.length)}</p>
      {!mayDecide && suggestions.length > 0 && <p className="suggestions-tab__meta">{t('suggestions.readOnly')}</p>}
      {mayDecide && suggestions.length > 1 && (
        <div className="suggestions-tab__all">
          <button type="button" className="button" onClick={() => setConfirming('accept')}>
            {t('suggestions.acceptAll')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setConfirming('reject')}>
            {t('suggestions.rejectAll')}
          </button>
        </div>
      )}
      <ul className="suggestions-tab__list">
        {suggestions.map((suggestion) => {
          const { mark } = suggestion;
          const descriptionId = `suggestion-${mark.id}`;
          const Text = mark.kind === 'insert' ? 'ins' : 'del';
          return (
            <li key={mark.id} className="suggestions-tab__item" data-testid="suggestion-item">
              <p className="suggestions-tab__meta" id={descriptionId}>
                {t(mark.kind === 'insert' ? 'suggestions.kind.insert' : 'suggestions.kind.delete')} · {suggestionAuthor(mark, selfId, people.nameOf, t)} ·{' '}
                <time dateTime={mark.at}>{suggestionTime(mark.at, language)}</time>
              </p>
              <p className="suggestions-tab__text">
                <Text>{suggestion.text}</Text>
              </p>
              <div className="suggestions-tab__actions">
                {mayDecide && (
                  <>
                    <button type="button" className="button" aria-describedby={descriptionId} onClick={() => decide(suggestion, 'accept')}>
                      {t('suggestions.accept')}
                    </button>
                    <button type="button" className="button button--quiet" aria-describedby={descriptionId} onClick={() => decide(suggestion, 'reject')}>
                      {t('suggestions.reject')}
                    </button>
                  </>
                )}
                <button type="button" className="button button--quiet" aria-describedby={descriptionId} onClick={() => show(suggestion)}>
                  {t('suggestions.show')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {confirming && (
        <ConfirmDialog
          title={t(confirming === 'accept' ? 'suggestions.acceptAllTitle' : 'suggestions.rejectAllTitle')}
          confirmLabel={t(confirming === 'accept' ? 'suggestions.acceptAll' : 'suggestions.rejectAll')}
          onConfirm={async () => {
            editor.commands.decideAllSuggestions(confirming);
            setConfirming(null);
            return null;
          }}
          onCancel={() => setConfirming(null)}
        >
          <p>{t(confirming === 'accept' ? 'suggestions.acceptAllBody' : 'suggestions.rejectAllBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
