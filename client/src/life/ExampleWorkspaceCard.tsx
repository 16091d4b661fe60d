/**
 * First run: "Explore with an example" makes a demo workspace in the interface language (a
 * fictional care trajectory, a guide in review and a past workshop, with people, decisions and
 * history: POST /api/demo) and opens it, so a newcomer sees what Ensemble is for in one click.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { navigate, paths } from '../router';
import { FormAlert } from '../ui/FormAlert';
import { errorMessage } from '../ui/errorMessage';
import { lifeApi } from './lifeApi';
import './life.css';

export function ExampleWorkspaceCard() {
  const { t, language } = useI18n();
  const [busy, setBusy] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  const explore = async () => {
    setBusy(true);
    setAlert(null);
    try {
      const demo = await lifeApi.createDemo(language);
      navigate(paths.workspace(demo.workspaceId));
    } catch (error) {
      setAlert(errorMessage(error, t));
      setBusy(false);
    }
  };

  return (
    <section className="card example-card" aria-labelledby="example-title">
      <h2 id="example-title">{t('life.example.title')}</h2>
      <p>{t('life.example.body')}</p>
      <FormAlert message={alert} />
      <button type="button" className="button button--primary" disabled={busy} onClick={() => void explore()}>
        {t('life.example.button')}
      </button>
      <p className="muted" role="status">
        {busy ? t('life.example.preparing') : ''}
      </p>
    </section>
  );
}
