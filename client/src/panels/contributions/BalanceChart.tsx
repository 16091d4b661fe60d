/**
 * The balance of knowledge at a glance: one bar split by perspective (hue, icon and words per
 * part, with the percentage written out), and a sentence that names the balance. A plan written
 * only by professionals is not co-produced, so that case gets its own words.
 */
import { PERSPECTIVES, type ContributionsResponse, type Perspective } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { PerspectiveBadge, PerspectiveIcon } from '../../people/PerspectiveBadge';

export function percent(share: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function BalanceChart({ contributions }: { contributions: ContributionsResponse }) {
  const { t, language } = useI18n();
  const shareOf = (perspective: Perspective | null) => contributions.perspectives.find((p) => p.perspective === perspective)?.share ?? 0;
  const parts = [...PERSPECTIVES, null]
    .map((perspective) => ({ perspective, share: shareOf(perspective) }))
    .filter((part) => part.share > 0);
  const experiential = shareOf('experiential');
  const professional = shareOf('professional');
  const total = contributions.totals.currentChars;

  return (
    <figure className="balance">
      <figcaption className="balance__caption">{t('contrib.balanceTitle')}</figcaption>
      {total === 0 ? (
        <p className="muted">{t('contrib.empty')}</p>
      ) : (
        <>
          <div className="balance__bar" aria-hidden="true">
            {parts.map((part) => (
              <span key={part.perspective ?? 'former'} className={`balance__part balance__part--${part.perspective ?? 'former'}`} style={{ flexGrow: part.share }}>
                {part.perspective && <PerspectiveIcon perspective={part.perspective} />}
                {part.share >= 0.12 && <span className="balance__value">{percent(part.share, language)}</span>}
              </span>
            ))}
          </div>
          <ul className="balance__legend">
            {parts.map((part) => (
              <li key={part.perspective ?? 'former'}>
                {part.perspective ? <PerspectiveBadge perspective={part.perspective} /> : <span>{t('contrib.formerMembers')}</span>}{' '}
                <strong>{percent(part.share, language)}</strong>
              </li>
            ))}
          </ul>
          <p className="balance__sentence">
            {t('contrib.balanceSentence', { experiential: percent(experiential, language), professional: percent(professional, language) })}
          </p>
          {experiential === 0 && <p className="note note--warning">{t('contrib.noExperiential')}</p>}
        </>
      )}
    </figure>
  );
}
