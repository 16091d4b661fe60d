/** Rename a document (owners and editors). The old title stays in the workspace's activity. */
import { useState } from 'react';
import { FIELD_LIMITS } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { TextField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { FormDialog } from './FormDialog';
import { lifeApi } from './lifeApi';
import type { LifeDocument } from './documentActions';

interface RenameDialogProps {
  document: LifeDocument;
  onDone: (title: string) => void;
  onClose: () => void;
  fallbackFocus?: () => void;
}

export function RenameDialog({ document: doc, onDone, onClose, fallbackFocus }: RenameDialogProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState(doc.title);
  const [error, setError] = useState<string | undefined>();

  const submit = async (): Promise<string | null> => {
    const trimmed = title.trim();
    const problem =
      trimmed.length === 0
        ? t('field.documentTitle.required')
        : trimmed.length > FIELD_LIMITS.documentTitle
          ? t('field.documentTitle.tooLong', { max: FIELD_LIMITS.documentTitle })
          : undefined;
    setError(problem);
    if (problem) return problem;
    if (trimmed === doc.title) {
      onClose();
      return null;
    }
    try {
      await lifeApi.updateDocument(doc.id, { title: trimmed });
    } catch (failure) {
      return errorMessage(failure, t);
    }
    onDone(trimmed);
    return null;
  };

  return (
    <FormDialog
      title={t('life.rename.title', { title: doc.title })}
      intro={<p>{t('life.rename.intro')}</p>}
      submitLabel={t('life.rename.submit')}
      onSubmit={submit}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
    >
      <TextField
        label={t('life.rename.label')}
        error={error}
        maxLength={FIELD_LIMITS.documentTitle}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
    </FormDialog>
  );
}
