/**
 * Writing a comment (a new thread or a reply): the text, members to mention, and the server's
 * refusal shown in the form when there is one. The text is required, checked here first.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { COMMENT_LIMITS } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { TextAreaField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { FormActions } from '../ui/FormActions';
import { useComments } from './CommentsContext';
import { MentionPicker } from './MentionPicker';

interface CommentFormProps {
  /** The form's name (its heading, or a visually hidden one). */
  title: string;
  titleHidden?: boolean;
  label: string;
  submitLabel: string;
  onSubmit: (body: string, mentions: string[]) => Promise<void>;
  onCancel?: () => void;
  autoFocus?: boolean;
  /** Shown between the heading and the text box (the quoted passage). */
  children?: ReactNode;
  testId: string;
}

export function CommentForm({ title, titleHidden, label, submitLabel, onSubmit, onCancel, autoFocus, children, testId }: CommentFormProps) {
  const { t } = useI18n();
  const { members } = useComments();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t('comments.bodyRequired'));
      setProblem(t('error.fixFields'));
      focusFirstInvalid(form.current);
      return;
    }
    setError(undefined);
    setProblem(null);
    setBusy(true);
    try {
      await onSubmit(body.trim(), mentions);
      setBody('');
      setMentions([]);
    } catch (failure) {
      setProblem(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form panel-form comment-form" aria-labelledby={headingId} noValidate data-testid={testId} onSubmit={(event) => void submit(event)}>
      <h5 id={headingId} className={titleHidden ? 'visually-hidden' : 'panel-form__title'}>
        {title}
      </h5>
      {children}
      <FormAlert message={problem} />
      <TextAreaField
        label={label}
        value={body}
        maxLength={COMMENT_LIMITS.body}
        error={error}
        required
        autoFocus={autoFocus}
        onChange={(event) => setBody(event.target.value)}
      />
      <MentionPicker members={members} chosen={mentions} onChange={setMentions} />
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
