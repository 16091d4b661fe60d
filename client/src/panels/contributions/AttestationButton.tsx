/** Opens the participation record: one's own, or (owners) any member's or a summary for everyone. */
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { AttestationDialog } from './AttestationDialog';

export function AttestationButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="attest-entry">
      <h4 className="panel-subhead">{t('attest.title')}</h4>
      <p className="field__hint">{t('attest.explain')}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('attest.open')}
      </button>
      {open && <AttestationDialog onClose={() => setOpen(false)} />}
    </div>
  );
}
