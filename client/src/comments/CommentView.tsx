/** One comment: who wrote it (name, perspective, role at the time), when, the text and whom it mentions. */
import type { Comment, PersonRef } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { roleKey } from '../i18n/labels';
import { formatDateTime } from '../panels/decisions/decisionLabels';
import { PerspectiveBadge } from '../people/PerspectiveBadge';
import { relativeTime } from '../ui/relativeTime';

export function When({ at }: { at: string }) {
  const { t, language } = useI18n();
  return (
    <time dateTime={at} title={formatDateTime(at, language)}>
      {relativeTime(at, language, t)}
    </time>
  );
}

export function PersonLine({ person }: { person: PersonRef }) {
  const { t } = useI18n();
  return (
    <>
      <strong className="comment__author">{person.displayName}</strong>
      {person.role && <span className="muted"> · {t(roleKey(person.role))}</span>}
      {person.perspective && (
        <>
          {' '}
          <PerspectiveBadge perspective={person.perspective} />
        </>
      )}
    </>
  );
}

/** `onEdit`: offered to the author while they may still change the text. */
export function CommentView({ comment, onEdit }: { comment: Comment; onEdit?: (() => void) | undefined }) {
  const { t } = useI18n();
  return (
    <div className="comment" data-testid="comment" data-comment-id={comment.id}>
      <p className="comment__meta">
        <PersonLine person={comment.author} /> <When at={comment.createdAt} />
        {comment.editedAt && <span className="muted"> · {t('comments.edited')}</span>}
      </p>
      <p className="comment__body">{comment.body}</p>
      {comment.mentions.length > 0 && (
        <p className="comment__mentions muted">{t('comments.mentions', { names: comment.mentions.map((m) => m.displayName).join(', ') })}</p>
      )}
      {onEdit && (
        <button type="button" className="link-button" onClick={onEdit}>
          {t('comments.edit')}
        </button>
      )}
    </div>
  );
}
