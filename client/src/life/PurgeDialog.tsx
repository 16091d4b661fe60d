/** "Delete for good": the document must be in the trash, and its title typed again, as the server asks. */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { TextField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { FormDialog } from './FormDialog';
import { lifeApi } from './lifeApi';

interface PurgeDialogProps {
  document: { id: string; title: string };
  onDone: () => void;
  onClose: () => void;
  fallbackFocus?: () => void;
}

export function PurgeDialog({ document: doc, onDone, onClose, fallbackFocus }: PurgeDialogProps) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = async (): Promise<string | null> => {
    if (typed.trim() !== doc.title) {
      const problem = t('life.purge.mismatch');
      setError(problem);
      return problem;
    }
    setError(undefined);
    try {
      await lifeApi.purgeDocument(doc.id, typed.trim());
    } catch (failure) {
      return errorMessage(failure, t);
    }
    onDone();
    return null;
  };

  return (
    <FormDialog
      title={t('life.purge.title', { title: doc.title })}
      intro={
        <>
          <p>{t('life.purge.body')}</p>
          <p>
            {t('life.purge.typeTitle')} <strong className="purge-title">{doc.title}</strong>
          </p>
        </>
      }
      submitLabel={t('life.purge.submit')}
      tone="danger"
      onSubmit={submit}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <TextField label={t('life.purge.label')} error={error} autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
    </FormDialog>
  );
}
