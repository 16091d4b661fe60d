/**
 * Opening a review round (owners): a title, who is asked to review, a date to review by and
 * questions for the reviewers, one per line. Checked here first, and by the server.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { COMMENT_LIMITS } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { ParticipantsField } from '../panels/decisions/ParticipantsField';
import { usePanelScope } from '../panels/panelScope';
import { TextAreaField, TextField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { FormActions } from '../ui/FormActions';
import { commentsApi } from './commentsApi';
import { useComments } from './CommentsContext';
import { questionsFromText } from './threadFilter';

export function OpenRoundForm({ onCancel, onOpened }: { onCancel: () => void; onOpened: () => void }) {
  const { t } = useI18n();
  const { info, selfId } = usePanelScope();
  const { members } = useComments();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState('');
  const [questions, setQuestions] = useState('');
  const [errors, setErrors] = useState<{ title?: string; reviewers?: string }>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!title.trim()) found.title = t('reviews.titleRequired');
    if (reviewers.length === 0) found.reviewers = t('reviews.reviewersRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setProblem(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    const asked = questionsFromText(questions);
    setBusy(true);
    setProblem(null);
    try {
      await commentsApi.openRound(info.id, {
        title: title.trim(),
        reviewers,
        ...(dueDate ? { dueDate } : {}),
        ...(asked.length > 0 ? { questions: asked } : {}),
      });
      onOpened();
    } catch (failure) {
      setProblem(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form panel-form" aria-labelledby={headingId} noValidate data-testid="open-round-form" onSubmit={(event) => void submit(event)}>
      <h4 id={headingId} ref={heading} tabIndex={-1} className="panel-form__title">
        {t('reviews.open')}
      </h4>
      <FormAlert message={problem} />
      <TextField label={t('reviews.titleLabel')} hint={t('reviews.titleHint')} value={title} maxLength={COMMENT_LIMITS.roundTitle} error={errors.title} onChange={(e) => setTitle(e.target.value)} />
      <ParticipantsField
        members={[...members].sort((a, b) => Number(a.userId === selfId) - Number(b.userId === selfId))}
        chosen={reviewers}
        onChange={setReviewers}
        legend={t('reviews.reviewersLegend')}
        error={errors.reviewers}
      />
      <TextField label={t('reviews.dueLabel')} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <TextAreaField
        label={t('reviews.questionsLabel')}
        hint={t('reviews.questionsHint')}
        value={questions}
        maxLength={COMMENT_LIMITS.questions * (COMMENT_LIMITS.question + 1)}
        onChange={(e) => setQuestions(e.target.value)}
      />
      <FormActions submitLabel={t('reviews.submitOpen')} busy={busy} onCancel={onCancel} />
    </form>
  );
}
