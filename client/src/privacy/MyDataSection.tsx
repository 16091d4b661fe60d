/**
 * Profile → "Your data": a copy of everything Ensemble holds about the person (docs/privacy.md),
 * as a readable page opened in a new tab, or as a JSON file for other software. The server sends
 * both as downloads; the readable page is fetched and shown from a blob, so it opens in place.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { ApiErrorSchema } from '../../../shared/src/index';
import { ApiRequestError } from '../api';
import { lifeApi } from '../life/lifeApi';

const BLOB_LIFETIME_MS = 10 * 60 * 1000;

async function fetchReadablePage(): Promise<string> {
  const response = await fetch(lifeApi.myDataUrl('html'), { credentials: 'same-origin' });
  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success) throw new ApiRequestError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiRequestError(response.status, response.status === 401 ? 'unauthenticated' : 'internal', response.statusText);
  }
  const blob = new Blob([await response.text()], { type: 'text/html;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), BLOB_LIFETIME_MS);
  return url;
}

export function MyDataSection() {
  const { t } = useI18n();
  const [alert, setAlert] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);

  const openPage = async () => {
    setAlert(null);
    setBlocked(null);
    // Opened within the click, so the browser does not take it for an unwanted pop-up.
    const opened = window.open('', '_blank');
    try {
      const url = await fetchReadablePage();
      if (opened) opened.location.href = url;
      else setBlocked(url);
    } catch (error) {
      opened?.close();
      setAlert(errorMessage(error, t));
    }
  };

  return (
    <section className="card" aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('life.myData.title')}</h2>
      <p>{t('life.myData.intro')}</p>
      <p className="muted">{t('life.myData.never')}</p>
      <FormAlert message={alert} />
      <div className="my-data__actions">
        <button type="button" className="button button--primary" onClick={() => void openPage()}>
          {t('life.myData.open')}
          <span className="visually-hidden"> {t('life.myData.newTab')}</span>
        </button>
        <a className="button" href={lifeApi.myDataUrl('json')} download>
          {t('life.myData.json')}
        </a>
      </div>
      <p className="field__hint">{t('life.myData.jsonHint')}</p>
      {blocked && (
        <p className="note">
          <a href={blocked} target="_blank" rel="noopener">
            {t('life.myData.ready')}
          </a>
        </p>
      )}
    </section>
  );
}
