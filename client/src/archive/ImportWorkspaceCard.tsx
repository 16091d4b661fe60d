/**
 * Home → "Import a workspace": choose an archive made by "Export this workspace" on any
 * installation; it becomes a new workspace you own, its people placeholders you can invite
 * back with a recovery link (ADR 0007). The server checks everything before creating anything.
 */
import { useState, type FormEvent } from 'react';
import type { ImportedWorkspace } from '../../../shared/src/index';
import { ApiRequestError } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths } from '../router';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { importWorkspaceArchive } from './archiveApi';
import './archive.css';

export function ImportWorkspaceCard({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  // A new key empties the file field after a successful import.
  const [resetKey, setResetKey] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [result, setResult] = useState<ImportedWorkspace | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    setResult(null);
    if (!file) {
      setFileError(t('archive.import.chooseFirst'));
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    setBusy(true);
    try {
      setResult(await importWorkspaceArchive(file));
      setFile(null);
      setResetKey((k) => k + 1);
      onImported();
    } catch (error) {
      // The server says precisely what is wrong with the file (in English); lead with our own words.
      const refused = error instanceof ApiRequestError && (error.code === 'validation_failed' || error.code === 'bad_request');
      setAlert(refused ? `${t('archive.import.refused')} ${error.message}` : errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card archive-import" aria-labelledby="archive-import-title">
      <h2 id="archive-import-title">{t('archive.import.title')}</h2>
      <p>{t('archive.import.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert message={alert} />
        <TextField
          key={resetKey}
          label={t('archive.import.fileLabel')}
          hint={t('archive.import.fileHint')}
          type="file"
          accept=".json,.gz,application/json,application/gzip"
          error={fileError}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileError(undefined);
          }}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('archive.import.button')}
        </button>
        <p className="muted" role="status">
          {busy ? t('archive.import.checking') : ''}
        </p>
      </form>
      {result && (
        <div className="note archive-import__result" role="status">
          <p>
            <strong>{t('archive.import.done', { name: result.name })}</strong>{' '}
            {t('archive.import.summary', { documents: result.documents, people: result.members, decisions: result.decisionEntries, comments: result.comments })}
          </p>
          <p>{t('archive.import.placeholders')}</p>
          <button type="button" className="button" onClick={() => navigate(paths.workspace(result.workspaceId))}>
            {t('archive.import.open', { name: result.name })}
          </button>
        </div>
      )}
    </section>
  );
}
