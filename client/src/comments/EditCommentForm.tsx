/** The author rewrites their comment; the server keeps the earlier text in the comment's history. */
import { useId, useState, type FormEvent } from 'react';
import { COMMENT_LIMITS, type Comment } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { TextAreaField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { FormAlert } from '../ui/FormAlert';
import { FormActions } from '../ui/FormActions';
import { commentsApi } from './commentsApi';

export function EditCommentForm({ comment, onDone }: { comment: Comment; onDone: (changed: boolean) => void }) {
  const { t } = useI18n();
  const headingId = useId();
  const [body, setBody] = useState(comment.body);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('comments.bodyRequired'));
      setProblem(t('error.fixFields'));
      return;
    }
    if (body.trim() === comment.body) return onDone(false);
    setBusy(true);
    setProblem(null);
    try {
      await commentsApi.edit(comment.id, { body: body.trim() });
      onDone(true);
    } catch (failure) {
      setProblem(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="form panel-form comment-form" aria-labelledby={headingId} noValidate data-testid="edit-comment-form" onSubmit={(event) => void submit(event)}>
      <h5 id={headingId} className="visually-hidden">
        {t('comments.editTitle')}
      </h5>
      <FormAlert message={problem} />
      <TextAreaField label={t('comments.editLabel')} value={body} maxLength={COMMENT_LIMITS.body} error={error} required autoFocus onChange={(e) => setBody(e.target.value)} />
      <FormActions submitLabel={t('comments.saveEdit')} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
