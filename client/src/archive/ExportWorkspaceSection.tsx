/**
 * Workspace settings → "Export this workspace" (owners): one file with the documents and their
 * history, decisions, comments, reviews, versions, workshops and members, to move the workspace
 * to another installation (ADR 0007). The owner chooses names or pseudonyms for the members.
 */
import { useState } from 'react';
import type { ArchiveMemberNames, Workspace } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { FormAlert } from '../ui/FormAlert';
import { RadioGroup } from '../ui/RadioGroup';
import { errorMessage } from '../ui/errorMessage';
import { downloadWorkspaceArchive } from './archiveApi';
import './archive.css';

export function ExportWorkspaceSection({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const [members, setMembers] = useState<ArchiveMemberNames>('pseudonyms');
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setAlert(null);
    setDone(null);
    try {
      await downloadWorkspaceArchive(workspace.id, members);
      setDone(t('archive.export.done'));
    } catch (error) {
      setAlert(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="archive-export" aria-labelledby="archive-export-title">
      <h3 id="archive-export-title">{t('archive.export.title')}</h3>
      <p>{t('archive.export.intro')}</p>
      <FormAlert message={alert} />
      <RadioGroup<ArchiveMemberNames>
        legend={t('archive.export.membersLegend')}
        value={members}
        onChange={setMembers}
        options={[
          { value: 'pseudonyms', label: t('archive.export.pseudonyms'), description: t('archive.export.pseudonymsHint') },
          { value: 'names', label: t('archive.export.names'), description: t('archive.export.namesHint') },
        ]}
      />
      <p className="muted">{t('archive.export.care')}</p>
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void download()}>
        {t('archive.export.button')}
      </button>
      <p className="muted" role="status">
        {busy ? t('archive.export.preparing') : (done ?? '')}
      </p>
    </section>
  );
}
