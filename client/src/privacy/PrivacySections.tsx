/**
 * The profile's data-rights part: "Your data" (a copy of everything held about you), the copies
 * kept on this device, and leaving Ensemble (erasure under a pseudonym). See docs/privacy.md.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { DeviceCopiesSection } from './DeviceCopiesSection';
import { EraseDialog } from './EraseDialog';
import { MyDataSection } from './MyDataSection';
import '../life/life.css';

export function PrivacySections() {
  const { t } = useI18n();
  return (
    <div className="privacy-sections" role="group" aria-label={t('life.privacy.label')}>
      <MyDataSection />
      <DeviceCopiesSection />
      <LeaveEnsemble />
    </div>
  );
}

function LeaveEnsemble() {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card" aria-labelledby="leave-title">
      <h2 id="leave-title">{t('life.leave.title')}</h2>
      <p>{t('life.leave.body')}</p>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('life.leave.button')}
      </button>
      {confirming && <EraseDialog onClose={() => setConfirming(false)} />}
    </section>
  );
}
