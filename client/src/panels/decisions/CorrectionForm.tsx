/** A correction: a new entry pointing at the one it corrects, which stays as it was written. */
import { useState, type FormEvent } from 'react';
import { DECISION_LIMITS, type DecisionEntry } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { panelsApi } from '../panelsApi';
import { TextAreaField } from '../../ui/Field';

export function CorrectionForm({ decisionId, entry, onDone }: { decisionId: string; entry: DecisionEntry; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('decisions.correctionRequired'));
      return;
    }
    setBusy(true);
    try {
      await panelsApi.correctEntry(decisionId, { corrects: entry.id, text: text.trim() });
      onDone(true);
    } catch (failure) {
      setProblem(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="form panel-form" aria-label={t('decisions.correct', { seq: entry.seq })} noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem} />
      <TextAreaField
        label={t('decisions.correctionText')}
        hint={t('decisions.correctionHint')}
        value={text}
        maxLength={DECISION_LIMITS.correction}
        error={error}
        autoFocus
        onChange={(event) => setText(event.target.value)}
      />
      <FormActions submitLabel={t('decisions.saveCorrection')} busy={busy} onCancel={() => onDone(false)} />
    </form>
  );
}
