/**
 * "Leave Ensemble and erase my account": what is erased, what stays under a pseudonym and what
 * cannot be removed (docs/privacy.md, ADR 0004), an explicit "I understand", and the password
 * when the account has one. The last owner of a workspace is told which ones need another owner.
 */
import { useState } from 'react';
import type { Workspace } from '../../../shared/src/index';
import { ApiRequestError } from '../api';
import { useMe, useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { TextField } from '../ui/Field';
import { errorMessage } from '../ui/errorMessage';
import { clearDeviceData } from '../life/deviceData';
import { FormDialog } from '../life/FormDialog';
import { lifeApi } from '../life/lifeApi';
import { soleOwnerships } from './soleOwnerships';

export function EraseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { user } = useMe();
  const { requireSignIn } = useSession();
  const [understood, setUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ understood?: string; password?: string }>({});
  const [soleOwner, setSoleOwner] = useState<Workspace[]>([]);

  const submit = async (): Promise<string | null> => {
    const found = {
      understood: understood ? undefined : t('life.erase.mustUnderstand'),
      password: user.hasPassword && password.length === 0 ? t('field.password.required') : undefined,
    };
    setErrors(found);
    if (found.understood || found.password) return t('error.fixFields');
    try {
      await lifeApi.eraseMe({ confirm: true, ...(user.hasPassword && { password }) });
    } catch (error) {
      const code = error instanceof ApiRequestError ? error.code : null;
      if (code === 'forbidden') {
        setErrors({ password: t('life.erase.wrongPassword') });
        return t('life.erase.wrongPassword');
      }
      if (code === 'last_owner') {
        setSoleOwner(await soleOwnerships().catch(() => []));
        return t('life.erase.lastOwner');
      }
      return errorMessage(error, t);
    }
    await clearDeviceData({ everything: true });
    requireSignIn('life.erase.done');
    return null;
  };

  return (
    <FormDialog
      title={t('life.erase.title')}
      intro={<p>{t('life.erase.intro')}</p>}
      submitLabel={t('life.erase.submit')}
      tone="danger"
      onSubmit={submit}
      onClose={onClose}
      initialFocus="title"
      wide
    >
      <div className="erase-facts">
        <h3>{t('life.erase.goneTitle')}</h3>
        <ul>
          <li>{t('life.erase.gone1')}</li>
          <li>{t('life.erase.gone2')}</li>
          <li>{t('life.erase.gone3')}</li>
        </ul>
        <h3>{t('life.erase.staysTitle')}</h3>
        <ul>
          <li>{t('life.erase.stays1')}</li>
          <li>{t('life.erase.stays2')}</li>
          <li>{t('life.erase.stays3')}</li>
        </ul>
        <h3>{t('life.erase.cannotTitle')}</h3>
        <ul>
          <li>{t('life.erase.cannot1')}</li>
          <li>{t('life.erase.cannot2')}</li>
          <li>{t('life.erase.cannot3')}</li>
        </ul>
        <p className="note">
          {t('life.erase.downloadFirst')}{' '}
          <a href={lifeApi.myDataUrl('json')} download>
            {t('life.myData.json')}
          </a>
        </p>
      </div>
      {soleOwner.length > 0 && (
        <div className="note note--warning">
          <p>{t('life.erase.lastOwnerList')}</p>
          <ul>
            {soleOwner.map((w) => (
              <li key={w.id}>
                <Link to={paths.workspace(w.id, 'people')}>{w.name}</Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={`checkbox-field${errors.understood ? ' field--invalid' : ''}`}>
        <input
          id="erase-understood"
          type="checkbox"
          checked={understood}
          aria-invalid={errors.understood ? true : undefined}
          aria-describedby={errors.understood ? 'erase-understood-error' : undefined}
          onChange={(event) => setUnderstood(event.target.checked)}
        />
        <label htmlFor="erase-understood">{t('life.erase.understand')}</label>
        {errors.understood && (
          <p id="erase-understood-error" className="field__error">
            {errors.understood}
          </p>
        )}
      </div>
      {user.hasPassword && (
        <TextField
          label={t('life.erase.password')}
          hint={t('credentials.currentPasswordHint')}
          error={errors.password}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      )}
    </FormDialog>
  );
}
