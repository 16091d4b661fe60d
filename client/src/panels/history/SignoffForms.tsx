/** Asking members to approve a named version (owners), and answering when one is asked. */
import { useState, type FormEvent } from 'react';
import type { NamedVersion } from '../../../../shared/src/index';
import { api } from '../../api';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { FormAlert } from '../../ui/FormAlert';
import { useLoad } from '../../ui/useLoad';
import { ParticipantsField } from '../decisions/ParticipantsField';
import { panelsApi } from '../panelsApi';
import { usePanelScope } from '../panelScope';
import { TextAreaField } from '../../ui/Field';
import { useNamedVersionsState } from './namedVersionsState';

export function SignoffRequestForm({ version }: { version: NamedVersion }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('versions.askSignoff')}
        <span className="visually-hidden"> ({t('versions.which', { name: version.name })})</span>
      </button>
    );
  }
  return <SignoffRequestFields version={version} onDone={() => setOpen(false)} />;
}

function SignoffRequestFields({ version, onDone }: { version: NamedVersion; onDone: () => void }) {
  const { t } = useI18n();
  const { info } = usePanelScope();
  const versions = useNamedVersionsState();
  const members = useLoad(() => api.listMembers(info.workspaceId), [info.workspaceId]);
  const [signers, setSigners] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (signers.length === 0) {
      setError(t('versions.signersRequired'));
      return;
    }
    try {
      await panelsApi.askSignoff(version.id, { signers, ...(message.trim() ? { message: message.trim() } : {}) });
      versions.reload();
      onDone();
    } catch (failure) {
      setProblem(errorMessage(failure, t));
    }
  };

  return (
    <form className="form panel-form" aria-label={t('versions.askSignoffFor', { name: version.name })} noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={problem} />
      {members.status === 'ready' && (
        <ParticipantsField members={members.data.members} chosen={signers} onChange={setSigners} legend={t('versions.whoSigns')} error={error} />
      )}
      <TextAreaField label={t('versions.signoffMessage')} rows={2} value={message} maxLength={2000} onChange={(e) => setMessage(e.target.value)} />
      <div className="form__row">
        <button type="submit" className="button button--primary">
          {t('versions.sendSignoff')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function SignoffAnswerForm({ version }: { version: NamedVersion }) {
  const { t } = useI18n();
  const versions = useNamedVersionsState();
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const answer = async (choice: 'approve' | 'decline') => {
    setBusy(true);
    setProblem(null);
    try {
      await panelsApi.answerSignoff(version.id, { answer: choice, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      versions.reload();
    } catch (failure) {
      setProblem(errorMessage(failure, t));
      setBusy(false);
    }
  };

  return (
    <form className="form panel-form" aria-label={t('versions.answerFor', { name: version.name })} onSubmit={(event) => event.preventDefault()}>
      <p>{t('versions.youAreAsked')}</p>
      <FormAlert message={problem} />
      <TextAreaField label={t('versions.answerComment')} rows={2} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      <div className="form__row">
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void answer('approve')}>
          {t('versions.approve')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void answer('decline')}>
          {t('versions.decline')}
        </button>
      </div>
    </form>
  );
}
