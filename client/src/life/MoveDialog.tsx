/** Move a document to another workspace the caller owns; its text, history and decisions go with it. */
import { useState } from 'react';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { SelectField } from '../ui/Field';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { errorMessage } from '../ui/errorMessage';
import { useLoad } from '../ui/useLoad';
import { FormDialog } from './FormDialog';
import { lifeApi } from './lifeApi';
import type { LifeDocument } from './documentActions';

interface MoveDialogProps {
  document: LifeDocument;
  onDone: (workspaceName: string) => void;
  onClose: () => void;
  fallbackFocus?: () => void;
}

export function MoveDialog({ document: doc, onDone, onClose, fallbackFocus }: MoveDialogProps) {
  const { t } = useI18n();
  const workspaces = useLoad(() => api.listWorkspaces(), []);
  const targets = workspaces.status === 'ready' ? workspaces.data.workspaces.filter((w) => w.permission === 'owner' && w.id !== doc.workspaceId) : [];
  const [chosen, setChosen] = useState<string>('');
  const target = targets.find((w) => w.id === chosen) ?? targets[0];

  const submit = async (): Promise<string | null> => {
    if (!target) return t('life.move.none');
    try {
      await lifeApi.moveDocument(doc.id, target.id);
    } catch (error) {
      return errorMessage(error, t);
    }
    onDone(target.name);
    return null;
  };

  return (
    <FormDialog
      title={t('life.move.title', { title: doc.title })}
      intro={<p>{t('life.move.intro')}</p>}
      submitLabel={t('life.move.submit')}
      onSubmit={targets.length > 0 ? submit : undefined}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      {workspaces.status === 'loading' && <Loading />}
      {workspaces.status === 'failed' && <LoadFailure error={workspaces.error} onRetry={workspaces.reload} />}
      {workspaces.status === 'ready' && targets.length === 0 && <p className="note">{t('life.move.none')}</p>}
      {target && (
        <SelectField
          label={t('life.move.label')}
          value={target.id}
          onChange={(event) => setChosen(event.target.value)}
          options={targets.map((w) => ({ value: w.id, label: w.name }))}
        />
      )}
    </FormDialog>
  );
}
