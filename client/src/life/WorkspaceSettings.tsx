/**
 * Workspace settings (owners): close the workspace when the collaboration ends, choose how
 * long a closed workspace is kept before it is deleted with everything in it (docs/privacy.md,
 * "Retention of closed workspaces"), and export it to another installation (archive/, ADR 0007).
 * Nothing is deleted while the workspace is open.
 */
import { useState, type FormEvent } from 'react';
import type { Workspace, WorkspaceRetention } from '../../../shared/src/index';
import { useI18n, type Translate } from '../i18n/I18nProvider';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SelectField } from '../ui/Field';
import { FormAlert, StatusNote } from '../ui/FormAlert';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { formatDate } from '../workspace/DocumentList';
import { lifeApi } from './lifeApi';
import { ExportWorkspaceSection } from '../archive/ExportWorkspaceSection';
import './life.css';

const PRESETS = [30, 90, 365, 730, 1825, 3650, 7300];

function periodLabel(days: number, t: Translate): string {
  if (days === 365) return t('life.retention.oneYear');
  if (days % 365 === 0) return t('life.retention.years', { count: days / 365 });
  return t('life.retention.days', { count: days });
}

export function WorkspaceSettings({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const retention = useLoad(() => lifeApi.getRetention(workspace.id), [workspace.id]);
  if (workspace.permission !== 'owner') return <p className="card">{t('life.settings.ownersOnly')}</p>;
  return (
    <section className="card settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('life.settings.title')}</h2>
      <p>{t('life.settings.intro')}</p>
      {retention.status === 'loading' && <Loading />}
      {retention.status === 'failed' && <LoadFailure error={retention.error} onRetry={retention.reload} />}
      {retention.status === 'ready' && <RetentionForm workspace={workspace} retention={retention.data} onSaved={retention.reload} />}
      <ExportWorkspaceSection workspace={workspace} />
    </section>
  );
}

function RetentionForm({ workspace, retention, onSaved }: { workspace: Workspace; retention: WorkspaceRetention; onSaved: () => void }) {
  const { t, language } = useI18n();
  const [days, setDays] = useState<string>(retention.retentionDays === null ? '' : String(retention.retentionDays));
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const closed = retention.closedAt !== null;
  const presets = retention.retentionDays === null || PRESETS.includes(retention.retentionDays) ? PRESETS : [...PRESETS, retention.retentionDays].sort((a, b) => a - b);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    try {
      await lifeApi.updateWorkspace(workspace.id, { retentionDays: days === '' ? null : Number(days) });
      setDone(t('life.retention.saved'));
      onSaved();
    } catch (error) {
      setAlert(errorMessage(error, t));
    }
  };

  const toggleClosed = async (): Promise<string | null> => {
    try {
      await lifeApi.updateWorkspace(workspace.id, { closed: !closed });
    } catch (error) {
      return errorMessage(error, t);
    }
    setConfirming(false);
    onSaved();
    return null;
  };

  const status = closed
    ? t('life.settings.closedOn', { date: formatDate(retention.closedAt ?? '', language) })
    : t('life.settings.open');
  const fate = retention.deleteAfter
    ? t('life.settings.deleteOn', { date: formatDate(retention.deleteAfter, language) })
    : closed
      ? t('life.settings.keptClosed')
      : retention.retentionDays !== null
        ? t('life.settings.willDelete', { period: periodLabel(retention.retentionDays, t) })
        : t('life.settings.keptOpen');

  return (
    <>
      <div className={closed ? 'note note--warning' : 'note'} role="status">
        <p>
          <strong>{status}</strong> {fate}
        </p>
      </div>
      <form className="form settings__form" noValidate onSubmit={save} aria-labelledby="retention-title">
        <h3 id="retention-title">{t('life.retention.title')}</h3>
        <FormAlert message={alert} />
        <StatusNote message={done} />
        <SelectField
          label={t('life.retention.label')}
          hint={t('life.retention.hint')}
          value={days}
          onChange={(event) => setDays(event.target.value)}
          options={[{ value: '', label: t('life.retention.none') }, ...presets.map((d) => ({ value: String(d), label: periodLabel(d, t) }))]}
        />
        <button type="submit" className="button button--primary">
          {t('life.retention.save')}
        </button>
      </form>
      <div className="settings__close">
        <h3>{closed ? t('life.settings.reopenTitle') : t('life.settings.closeTitle')}</h3>
        <p>{closed ? t('life.settings.reopenBody') : t('life.settings.closeBody')}</p>
        <button type="button" className={closed ? 'button' : 'button button--danger-quiet'} onClick={() => setConfirming(true)}>
          {closed ? t('life.settings.reopen') : t('life.settings.close')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={closed ? t('life.settings.reopenConfirmTitle', { name: workspace.name }) : t('life.settings.closeConfirmTitle', { name: workspace.name })}
          confirmLabel={closed ? t('life.settings.reopen') : t('life.settings.close')}
          onConfirm={toggleClosed}
          onCancel={() => setConfirming(false)}
        >
          <p>{closed ? t('life.settings.reopenBody') : t('life.settings.closeBody')}</p>
          {!closed && (
            <p>
              {retention.retentionDays === null
                ? t('life.settings.closeKept')
                : t('life.settings.closeWillDelete', { period: periodLabel(retention.retentionDays, t) })}
            </p>
          )}
        </ConfirmDialog>
      )}
    </>
  );
}
