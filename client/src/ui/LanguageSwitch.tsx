/** Two buttons, each named in its own language, the current one pressed. */
import { LANGUAGES } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { useSession } from '../auth/SessionProvider';

export function LanguageSwitch() {
  const { t, language } = useI18n();
  const { changeLanguage } = useSession();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.group')}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="language-switch__button"
          aria-pressed={language === code}
          onClick={() => changeLanguage(code)}
        >
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}
