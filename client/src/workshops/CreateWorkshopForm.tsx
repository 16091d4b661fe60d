/**
 * Setting up a workshop: a title, the question people answer, how many votes each person has,
 * whether names may ever be shown beside ideas (fixed here, on purpose), and a co-facilitator.
 */
import { useRef, useState, type FormEvent } from 'react';
import { WORKSHOP_LIMITS } from '../../../shared/src/index';
import { api } from '../api';
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths } from '../router';
import { SelectField, TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { workshopApi } from './workshopApi';

export function CreateWorkshopForm({ workspaceId }: { workspaceId: string }) {
  const { t, language } = useI18n();
  const { state: session } = useSession();
  const me = session.status === 'signedIn' ? session.me.user.id : '';
  const members = useLoad(() => api.listMembers(workspaceId), [workspaceId]);
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [votes, setVotes] = useState('3');
  const [allowAuthorship, setAllowAuthorship] = useState(false);
  const [coFacilitator, setCoFacilitator] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = members.status === 'ready' ? members.data.members.filter((m) => m.userId !== me && (m.role === 'facilitator' || m.permission === 'owner')) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const problem = trimmed.length === 0 ? t('workshops.form.titleRequired') : undefined;
    setTitleError(problem);
    if (problem) {
      setAlert(problem);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const created = await workshopApi.create(workspaceId, {
        title: trimmed,
        language,
        votesPerPerson: Number(votes),
        allowAuthorshipReveal: allowAuthorship,
        ...(prompt.trim() ? { columns: [prompt.trim()] } : {}),
        ...(coFacilitator ? { coFacilitatorId: coFacilitator } : {}),
      });
      navigate(paths.workshop(workspaceId, created.id, 'facilitate'));
    } catch (error) {
      setAlert(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="form" noValidate onSubmit={submit}>
      <FormAlert message={alert} />
      <TextField label={t('workshops.form.title')} error={titleError} maxLength={WORKSHOP_LIMITS.title} value={title} onChange={(e) => setTitle(e.target.value)} />
      <TextField
        label={t('workshops.form.prompt')}
        hint={t('workshops.form.promptHint')}
        maxLength={WORKSHOP_LIMITS.prompt}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
      />
      <SelectField
        label={t('workshops.form.votes')}
        hint={t('workshops.form.votesHint')}
        value={votes}
        onChange={(e) => setVotes(e.target.value)}
        options={[1, 2, 3, 4, 5, 6, 8, 10].map((n) => ({ value: String(n), label: String(n) }))}
      />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={allowAuthorship} onChange={(e) => setAllowAuthorship(e.target.checked)} aria-describedby="authorship-hint" />
          {t('workshops.form.allowAuthorship')}
        </label>
        <p className="field__hint" id="authorship-hint">
          {t('workshops.form.allowAuthorshipHint')}
        </p>
      </div>
      {candidates.length > 0 && (
        <SelectField
          label={t('workshops.form.coFacilitator')}
          value={coFacilitator}
          onChange={(e) => setCoFacilitator(e.target.value)}
          options={[{ value: '', label: t('workshops.form.noCoFacilitator') }, ...candidates.map((m) => ({ value: m.userId, label: m.displayName }))]}
        />
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('workshops.form.submit')}
      </button>
    </form>
  );
}
