/** Name, colour (with a preview of the caret label) and language, saved together. */
import { useRef, useState, type FormEvent } from 'react';
import { FIELD_LIMITS, LANGUAGES, type Language } from '../../../shared/src/index';
import { api } from '../api';
import { useMe, useSession } from '../auth/SessionProvider';
import { checkDisplayName } from '../auth/validate';
import { useI18n } from '../i18n/I18nProvider';
import { readableTextOn, safeColor } from '../ui/color';
import { TextField } from '../ui/Field';
import { FormAlert, StatusNote, focusFirstInvalid } from '../ui/FormAlert';
import { RadioGroup } from '../ui/RadioGroup';
import { errorMessage } from '../ui/errorMessage';
import { ColorChoice } from './ColorChoice';

export function ProfileForm() {
  const { t, language: shownLanguage, setLanguage } = useI18n();
  const { updateUser } = useSession();
  const { user } = useMe();
  const form = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [color, setColor] = useState(user.color);
  const [language, setChosenLanguage] = useState<Language>(user.language ?? shownLanguage);
  const [nameError, setNameError] = useState<string | undefined>();
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const previewName = displayName.trim() || user.displayName;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkDisplayName(displayName, t);
    setNameError(problem);
    setSaved(false);
    if (problem) {
      setAlert(problem);
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const saved = await api.updateMe({ displayName: displayName.trim(), color, language });
      updateUser(saved.user);
      setLanguage(language);
      setSaved(true);
    } catch (error) {
      setAlert(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} className="card form" noValidate onSubmit={submit} aria-labelledby="profile-about-title">
      <h2 id="profile-about-title">{t('profile.aboutTitle')}</h2>
      <FormAlert message={alert} />
      <StatusNote message={saved ? t('profile.saved') : null} />
      <TextField
        label={t('profile.displayName')}
        hint={t('profile.displayNameHint')}
        error={nameError}
        autoComplete="name"
        maxLength={FIELD_LIMITS.displayName}
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <ColorChoice value={color} onChange={setColor} />
      <div className="caret-preview">
        <p className="field__hint">{t('profile.preview')}</p>
        <p className="caret-preview__sample" aria-hidden="true">
          <span className="caret-preview__text">{t('profile.sample')}</span>
          <span className="caret-preview__caret" style={{ borderColor: safeColor(color) }}>
            <span className="caret-preview__label" style={{ backgroundColor: safeColor(color), color: readableTextOn(color) }}>
              {previewName}
            </span>
          </span>
        </p>
      </div>
      <RadioGroup
        legend={t('profile.language')}
        value={language}
        onChange={setChosenLanguage}
        options={LANGUAGES.map((code) => ({ value: code, label: t(`lang.${code}`) }))}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('profile.save')}
      </button>
    </form>
  );
}
