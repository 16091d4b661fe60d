/** The new-document form: a title and a template (blank by default). The document opens once created. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS, type TemplateId } from '../../../shared/src/index';
import { api } from '../api';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths } from '../router';
import { TextField } from '../ui/Field';
import { FormAlert, focusFirstInvalid } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { TemplatePicker } from './TemplatePicker';

export function CreateDocumentForm({ workspaceId, workspaceName }: { workspaceId: string; workspaceName: string }) {
  const { t, language } = useI18n();
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<TemplateId>('blank');
  const [titleError, setTitleError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    const problem =
      trimmed.length === 0
        ? t('field.documentTitle.required')
        : trimmed.length > FIELD_LIMITS.documentTitle
          ? t('field.documentTitle.tooLong', { max: FIELD_LIMITS.documentTitle })
          : undefined;
    setTitleError(problem);
    if (problem) {
      setAlert(problem);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const created = await api.createDocument(workspaceId, { title: trimmed, template, language });
      navigate(paths.document(created.id));
    } catch (error) {
      setAlert(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    // Not labelled as a landmark: two workspaces may share a name, and landmarks must differ.
    // The heading just above the field says which workspace the new document goes to.
    <form ref={form} className="form form--inline" noValidate onSubmit={submit}>
      <h3 id={headingId} className="visually-hidden">
        {t('createDocument.title')} — {workspaceName}
      </h3>
      <FormAlert message={alert} />
      <TextField
        label={t('createDocument.titleLabel')}
        error={titleError}
        maxLength={FIELD_LIMITS.documentTitle}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      <TemplatePicker value={template} onChange={setTemplate} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('createDocument.submit')}
      </button>
    </form>
  );
}
