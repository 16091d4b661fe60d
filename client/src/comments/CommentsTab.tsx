/**
 * The Comments tab (issue 9): start a thread about the selected passage (or the whole text),
 * filter the threads, and read, answer, resolve or reopen them. Viewers read but are not offered
 * the forms (the server refuses them anyway). Threads reload on every `comments` notice.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { anchorFromSelection } from '../panels/decisions/anchors';
import { usePanelScope } from '../panels/panelScope';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { commentsApi } from './commentsApi';
import { CommentForm } from './CommentForm';
import { useComments } from './CommentsContext';
import { ThreadCard } from './ThreadCard';
import { ThreadFilters } from './ThreadFilters';
import { DEFAULT_FILTER, filterThreads, type ThreadFilter } from './threadFilter';

export function CommentsTab() {
  const { t } = useI18n();
  const { info, selfId, editor } = usePanelScope();
  const { threads, draft, startDraft, endDraft, mayComment, activeId } = useComments();
  const [filter, setFilter] = useState<ThreadFilter>(DEFAULT_FILTER);
  const headingId = useId();

  const create = async (body: string, mentions: string[]) => {
    await commentsApi.comment(info.id, { body, ...(draft?.anchor ? { anchor: draft.anchor } : {}), ...(mentions.length > 0 ? { mentions } : {}) });
    endDraft();
    setFilter((current) => (current.status === 'resolved' ? { ...current, status: 'open' } : current));
    threads.reload();
  };

  const shown = threads.status === 'ready' ? filterThreads(threads.data.threads, filter, selfId) : [];
  // A thread brought into focus (by a link or its passage) gets listed: the filter widens if
  // needed, once; a thread already in focus that someone resolves leaves the list as usual.
  const activeHidden = threads.status === 'ready' && activeId !== null && !shown.some((t) => t.id === activeId) && threads.data.threads.some((t) => t.id === activeId);
  const widenedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!activeHidden || widenedFor.current === activeId) return;
    widenedFor.current = activeId;
    setFilter({ status: 'all', mine: false, perspective: null });
  }, [activeHidden, activeId]);
  useEffect(() => {
    if (threads.status === 'ready' && activeId !== null && !activeHidden) widenedFor.current = activeId;
  }, [threads.status, activeId, activeHidden]);

  return (
    <section aria-labelledby={headingId} className="panel-section comments-tab" data-testid="comments-tab">
      <div className="panel-section__head">
        <h3 id={headingId}>{t('comments.title')}</h3>
        {mayComment && !draft && (
          <button
            type="button"
            className="button button--quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => startDraft(editor ? anchorFromSelection(editor) : null)}
          >
            {t('comments.new')}
          </button>
        )}
      </div>
      {!mayComment && <p className="muted">{t('comments.viewerNote')}</p>}
      {draft && (
        <CommentForm
          title={draft.anchor ? t('comments.newAboutPassage') : t('comments.newAboutDocument')}
          label={t('comments.bodyLabel')}
          submitLabel={t('comments.send')}
          autoFocus
          onSubmit={create}
          onCancel={endDraft}
          testId="new-comment-form"
        >
          {draft.anchor?.quote && <blockquote className="decision__quote">{draft.anchor.quote}</blockquote>}
        </CommentForm>
      )}
      {threads.status === 'loading' && <Loading />}
      {threads.status === 'failed' && <LoadFailure error={threads.error} onRetry={threads.reload} />}
      {threads.status === 'ready' && (
        <>
          <ThreadFilters filter={filter} onChange={setFilter} counts={threads.data.counts} />
          {shown.length === 0 ? (
            <p className="muted">{threads.data.threads.length === 0 ? t('comments.none') : t('comments.noneForFilter')}</p>
          ) : (
            <ul className="thread-list" aria-label={t('comments.listLabel')} data-testid="comment-threads">
              {shown.map((thread) => (
                <li key={thread.id}>
                  <ThreadCard thread={thread} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
