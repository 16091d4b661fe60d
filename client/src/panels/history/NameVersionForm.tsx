/** "Name this version": keeps the current text as a named point of the history (owners and editors). */
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { TextField } from '../../ui/Field';
import { FormAlert, StatusNote } from '../../ui/FormAlert';
import { panelsApi } from '../panelsApi';
import { usePanelScope } from '../panelScope';
import { useNamedVersionsState } from './namedVersionsState';

export function NameVersionForm() {
  const { t } = useI18n();
  const { info } = usePanelScope();
  const versions = useNamedVersionsState();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (!name.trim()) {
      setError(t('versions.nameRequired'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const created = await panelsApi.nameVersion(info.id, name.trim());
      setDone(t('versions.named', { name: created.name }));
      setName('');
      versions.reload();
    } catch (failure) {
      setProblem(errorMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form panel-form" aria-label={t('versions.nameThis')} noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem} />
      <TextField label={t('versions.nameLabel')} hint={t('versions.nameHint')} value={name} maxLength={200} error={error} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {t('versions.nameThis')}
      </button>
      <StatusNote message={done} />
    </form>
  );
}
