/** Name a new workspace and say what it is for; the creator becomes its owner. */
import { useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS, WORKSPACE_PURPOSES, type WorkspacePurpose } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { purposeKey } from '../i18n/labels';
import { SelectField, TextField } from '../ui/Field';
import { FormAlert, StatusNote, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';

export function CreateWorkspaceForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<WorkspacePurpose>('care-trajectory');
  const [nameError, setNameError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    const problem =
      trimmed.length === 0
        ? t('field.workspaceName.required')
        : trimmed.length > FIELD_LIMITS.workspaceName
          ? t('field.workspaceName.tooLong', { max: FIELD_LIMITS.workspaceName })
          : undefined;
    setNameError(problem);
    setDone(null);
    if (problem) {
      setAlert(problem);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const created = await api.createWorkspace({ name: trimmed, purpose });
      setName('');
      setDone(t('createWorkspace.created', { name: created.name }));
      onCreated(created.id);
    } catch (error) {
      setAlert(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="card form" noValidate onSubmit={submit} aria-labelledby="create-workspace-title">
      <h2 id="create-workspace-title">{t('createWorkspace.title')}</h2>
      <FormAlert message={alert} />
      <StatusNote message={done} />
      <TextField
        label={t('createWorkspace.name')}
        hint={t('createWorkspace.nameHint')}
        error={nameError}
        maxLength={FIELD_LIMITS.workspaceName}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        label={t('createWorkspace.purpose')}
        value={purpose}
        onChange={(event) => setPurpose(event.target.value as WorkspacePurpose)}
        options={WORKSPACE_PURPOSES.map((value) => ({ value, label: t(purposeKey(value)) }))}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('createWorkspace.submit')}
      </button>
    </form>
  );
}
