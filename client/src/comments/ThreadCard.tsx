/**
 * One comment thread: the passage it is about (a button selects it in the text), its comments
 * oldest first, the last resolve or reopen, a reply form and the resolve / reopen button.
 * Focusing or clicking the thread highlights its passage in the text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CommentThread } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { showPassage } from '../panels/decisions/anchors';
import { usePanelScope } from '../panels/panelScope';
import { errorMessage } from '../ui/errorMessage';
import { FormAlert } from '../ui/FormAlert';
import { plural } from '../panels/plural';
import { commentsApi } from './commentsApi';
import { CommentForm } from './CommentForm';
import { useComments } from './CommentsContext';
import { CommentView, When } from './CommentView';
import { EditCommentForm } from './EditCommentForm';
import { mayChangeStatus } from './threadFilter';

export function threadHeading(thread: CommentThread, t: ReturnType<typeof useI18n>['t']): string {
  const quote = thread.anchor?.quote;
  if (quote) return t('comments.aboutQuote', { quote });
  return thread.anchor ? t('comments.aboutPassage') : t('comments.aboutDocument');
}

export function ThreadCard({ thread }: { thread: CommentThread }) {
  const { t, language } = useI18n();
  const { info, permission, selfId, editor } = usePanelScope();
  const { activeId, setActiveId, threads, mayComment } = useComments();
  const headingId = useId();
  const article = useRef<HTMLElement>(null);
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const [busy, setBusy] = useState(false);
  const active = activeId === thread.id;
  const open = thread.status === 'open';
  const lastChange = thread.statusHistory.at(-1);
  const first = thread.comments[0];

  useEffect(() => {
    if (active) article.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const changeStatus = async () => {
    if (!first) return;
    setBusy(true);
    setProblem(null);
    try {
      await (open ? commentsApi.resolve(first.id) : commentsApi.reopen(first.id));
      threads.reload();
    } catch (failure) {
      setProblem(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const reply = async (body: string, mentions: string[]) => {
    if (!first) return;
    await commentsApi.comment(info.id, { body, parentId: first.id, ...(mentions.length > 0 ? { mentions } : {}) });
    setReplying(false);
    threads.reload();
  };

  return (
    <article
      ref={article}
      className={`thread thread--${thread.status}${active ? ' thread--active' : ''}`}
      aria-labelledby={headingId}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-status={thread.status}
      onFocus={() => setActiveId(thread.id)}
      onClick={() => setActiveId(thread.id)}
    >
      <h4 id={headingId} className="thread__title">
        {threadHeading(thread, t)}
      </h4>
      <p className={`thread-status thread-status--${thread.status}`}>
        <span className="visually-hidden">{t('comments.statusLabel')} </span>
        {open ? t('comments.status.open') : t('comments.status.resolved')}
      </p>
      {thread.anchor && editor && (
        <p>
          <button type="button" className="link-button" onClick={() => setGone(!showPassage(editor, thread.anchor!))}>
            {t('comments.showPassage')}
          </button>
          {gone && <span className="muted"> {t('comments.passageGone')}</span>}
        </p>
      )}
      <ol className="thread__comments" aria-label={plural(t, language, 'comments.threadComments', thread.comments.length)}>
        {thread.comments.map((comment) => (
          <li key={comment.id}>
            {editing === comment.id ? (
              <EditCommentForm
                comment={comment}
                onDone={(changed) => {
                  setEditing(null);
                  if (changed) threads.reload();
                }}
              />
            ) : (
              <CommentView comment={comment} onEdit={open && mayComment && comment.author.userId === selfId ? () => setEditing(comment.id) : undefined} />
            )}
          </li>
        ))}
      </ol>
      {lastChange && (
        <p className="thread__change muted">
          {t(lastChange.status === 'resolved' ? 'comments.resolvedBy' : 'comments.reopenedBy', { name: lastChange.by.displayName })}{' '}
          <When at={lastChange.at} />
        </p>
      )}
      <FormAlert message={problem} />
      {open && mayComment && replying && (
        <CommentForm
          title={t('comments.replyTitle')}
          titleHidden
          label={t('comments.replyLabel')}
          submitLabel={t('comments.sendReply')}
          autoFocus
          onSubmit={reply}
          onCancel={() => setReplying(false)}
          testId="reply-form"
        />
      )}
      <div className="thread__actions">
        {open && mayComment && !replying && (
          <button type="button" className="button" onClick={() => setReplying(true)}>
            {t('comments.reply')}
          </button>
        )}
        {mayChangeStatus(thread, permission, selfId) && (
          <button type="button" className="button" disabled={busy} data-testid={open ? 'resolve-thread' : 'reopen-thread'} onClick={() => void changeStatus()}>
            {open ? t('comments.resolve') : t('comments.reopen')}
          </button>
        )}
      </div>
    </article>
  );
}
