/**
 * A round's one-step actions with an optional text: a reviewer marks their review done (with a
 * note), an owner closes the round (with a summary). A refusal is shown in the form.
 */
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { TextAreaField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { FormAlert } from '../ui/FormAlert';
import { FormActions } from '../ui/FormActions';

interface RoundActionFormProps {
  title: string;
  label: string;
  maxLength: number;
  submitLabel: string;
  onSubmit: (text: string | undefined) => Promise<void>;
  onCancel?: () => void;
  testId: string;
}

export function RoundActionForm({ title, label, maxLength, submitLabel, onSubmit, onCancel, testId }: RoundActionFormProps) {
  const { t } = useI18n();
  const headingId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await onSubmit(text.trim() || undefined);
    } catch (failure) {
      setProblem(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="form panel-form" aria-labelledby={headingId} noValidate data-testid={testId} onSubmit={(event) => void submit(event)}>
      <h6 id={headingId} className="panel-form__title">
        {title}
      </h6>
      <FormAlert message={problem} />
      <TextAreaField label={label} value={text} maxLength={maxLength} onChange={(event) => setText(event.target.value)} />
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
