/**
 * A version compared with now: text added since is underlined and labelled "added by …",
 * text removed since is struck through and labelled "removed by …" (words, not colour alone).
 */
import type { CompareResponse } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { useLoad } from '../../ui/useLoad';
import { panelsApi } from '../panelsApi';
import { usePanelScope } from '../panelScope';

type Segment = CompareResponse['segments'][number];

function paragraphs(segments: Segment[]): Segment[][] {
  const blocks: Segment[][] = [[]];
  for (const segment of segments) {
    if (segment.kind === 'break') blocks.push([]);
    else blocks.at(-1)?.push(segment);
  }
  return blocks.filter((block) => block.length > 0);
}

export function CompareView({ seq }: { seq: number }) {
  const { t } = useI18n();
  const { info } = usePanelScope();
  const compare = useLoad(() => panelsApi.compare(info.id, seq), [info.id, seq]);
  if (compare.status === 'loading') return <Loading />;
  if (compare.status === 'failed') return <LoadFailure error={compare.error} onRetry={compare.reload} />;
  const { segments, people } = compare.data;
  const nameOf = (userId: string | null) => people.find((p) => p.userId === userId)?.displayName || t('common.someone');
  const added = segments.filter((s) => s.kind === 'inserted').length;
  const removed = segments.filter((s) => s.kind === 'deleted').length;

  return (
    <div className="compare">
      <p className="compare__summary">{added + removed === 0 ? t('history.noChanges') : t('history.changeCounts', { added, removed })}</p>
      <div className="compare__text" role="document" aria-label={t('history.compareText')}>
        {paragraphs(segments).map((block, index) => (
          <p key={index}>
            {block.map((segment, i) =>
              segment.kind === 'inserted' ? (
                <ins key={i} className="change change--added">
                  <span className="change__tag">{t('history.addedBy', { name: nameOf(segment.userId) })}</span>
                  {segment.text}
                </ins>
              ) : segment.kind === 'deleted' ? (
                <del key={i} className="change change--removed">
                  <span className="change__tag">{t('history.removedBy', { name: nameOf(segment.userId) })}</span>
                  {segment.text}
                </del>
              ) : (
                <span key={i}>{segment.text}</span>
              ),
            )}
          </p>
        ))}
      </div>
    </div>
  );
}
