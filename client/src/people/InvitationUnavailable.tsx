/** An invitation that is unknown, expired, used up or revoked: a kind message and ways forward. */
import { useSession } from '../auth/SessionProvider';
import { useI18n } from '../i18n/I18nProvider';
import { Link, paths } from '../router';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';

export function InvitationUnavailable() {
  const { t } = useI18n();
  const { state } = useSession();
  return (
    <Page width="narrow">
      <ScreenHeading pageTitle={t('join.unavailableTitle')}>{t('join.unavailableTitle')}</ScreenHeading>
      <p className="lead">{t('join.unavailableBody')}</p>
      <ul className="link-list">
        <li>
          <Link to={paths.join()}>{t('join.tryCode')}</Link>
        </li>
        <li>
          {state.status === 'signedIn' ? (
            <Link to={paths.home()}>{t('common.backHome')}</Link>
          ) : (
            <Link to={paths.signin()}>{t('join.signIn')}</Link>
          )}
        </li>
      </ul>
    </Page>
  );
}
