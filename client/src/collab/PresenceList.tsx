/** Who is here: colour dot, name and role label for each person (the dot is decoration only). */
import type { Awareness } from 'y-protocols/awareness';
import { useI18n } from '../i18n/I18nProvider';
import { roleKey } from '../i18n/labels';
import { safeColor } from '../ui/color';
import { usePresence } from './presence';

export function PresenceList({ awareness, selfId }: { awareness: Awareness; selfId: string }) {
  const { t } = useI18n();
  const people = usePresence(awareness, selfId);
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="presence__title">
        {t('doc.presence')}
      </h2>
      <ul className="presence__list">
        {people.map(({ key, user, isSelf }) => (
          <li key={key} className="presence__person">
            <span className="presence__dot" style={{ backgroundColor: safeColor(user.color) }} aria-hidden="true" />
            <span className="presence__name">
              {user.name}
              {isSelf && <span className="presence__you"> ({t('doc.presenceYou')})</span>}
            </span>
            <span className="presence__role">{t(roleKey(user.role))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
