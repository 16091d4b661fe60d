/**
 * Profile → "Copies kept on this device": how many documents this browser keeps for offline
 * work, and a button that removes them (for anyone; a shared device does it at every sign-out).
 */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { StatusNote } from '../ui/FormAlert';
import { useLoad } from '../ui/useLoad';
import { forgetLocalDocuments } from '../collab/localCopies';
import { countLocalCopies, isSharedDevice } from '../life/deviceData';
import { plural } from '../panels/plural';

export function DeviceCopiesSection() {
  const { t, language } = useI18n();
  const count = useLoad(() => countLocalCopies(), []);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const clear = async () => {
    setBusy(true);
    await forgetLocalDocuments();
    setBusy(false);
    setDone(t('life.copies.cleared'));
    count.reload();
  };

  return (
    <section className="card" aria-labelledby="copies-title">
      <h2 id="copies-title">{t('life.copies.title')}</h2>
      <p>{t('life.copies.intro')}</p>
      {count.status === 'ready' && count.data !== null && (
        <p>{count.data === 0 ? t('life.copies.none') : plural(t, language, 'life.copies.count', count.data)}</p>
      )}
      {isSharedDevice() && <p className="note">{t('life.copies.shared')}</p>}
      <p className="muted">{t('life.copies.unsent')}</p>
      <StatusNote message={done} />
      <button type="button" className="button" disabled={busy} onClick={() => void clear()}>
        {t('life.copies.clear')}
      </button>
    </section>
  );
}
