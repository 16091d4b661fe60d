/**
 * "Make a recovery link" on a member's row (owners): for someone who lost their device or their
 * password. The link signs them back in as the same member, once, within 48 hours; it is shown
 * once, with Copy, and an explanation of who should receive it.
 */
import { useState } from 'react';
import type { Member } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { FormAlert, StatusNote } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { formatDate } from '../workspace/DocumentList';
import { FormDialog } from './FormDialog';
import { lifeApi } from './lifeApi';

export function RecoveryLinkButton({ workspaceId, member }: { workspaceId: string; member: Member }) {
  const { t } = useI18n();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const make = async () => {
    setBusy(true);
    setAlert(null);
    try {
      setLink(await lifeApi.issueRecovery(workspaceId, member.userId));
    } catch (error) {
      setAlert(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button--quiet" disabled={busy} onClick={() => void make()}>
        {t('life.recovery.make')}
        <span className="visually-hidden"> ({member.displayName})</span>
      </button>
      <FormAlert message={alert} />
      {link && <RecoveryLinkDialog name={member.displayName} url={link.url} expiresAt={link.expiresAt} onClose={() => setLink(null)} />}
    </>
  );
}

function RecoveryLinkDialog({ name, url, expiresAt, onClose }: { name: string; url: string; expiresAt: string; onClose: () => void }) {
  const { t, language } = useI18n();
  const [copyNote, setCopyNote] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyNote(t('invite.copied'));
    } catch {
      setCopyNote(t('invite.copyFailed'));
    }
  };
  return (
    <FormDialog
      title={t('life.recovery.title', { name })}
      intro={
        <>
          <p>{t('life.recovery.what', { name })}</p>
          <p>{t('life.recovery.once', { date: formatDate(expiresAt, language) })}</p>
          <p className="note note--warning">{t('life.recovery.careful', { name })}</p>
        </>
      }
      onClose={onClose}
    >
      <div className="field">
        <label className="field__label" htmlFor="recovery-link">
          {t('life.recovery.link')}
        </label>
        <div className="copy-row">
          <input id="recovery-link" className="field__control" readOnly value={url} onFocus={(event) => event.target.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            {t('invite.copy')}
          </button>
        </div>
      </div>
      <StatusNote message={copyNote} />
    </FormDialog>
  );
}
