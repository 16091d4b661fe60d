/** Which threads to show: open / resolved / all (with counts), only mine, and by perspective. */
import { useId } from 'react';
import { PERSPECTIVES, type Perspective } from '../../../shared/src/index';
import { useI18n } from '../i18n/I18nProvider';
import { perspectiveKey } from '../i18n/labels';
import { SelectField } from '../ui/Field';
import { STATUS_FILTERS, type StatusFilter, type ThreadFilter } from './threadFilter';

interface ThreadFiltersProps {
  filter: ThreadFilter;
  onChange: (filter: ThreadFilter) => void;
  counts: { open: number; resolved: number };
}

export function ThreadFilters({ filter, onChange, counts }: ThreadFiltersProps) {
  const { t } = useI18n();
  const mineId = useId();
  const statusLabel = (status: StatusFilter) =>
    status === 'open'
      ? t('comments.filter.open', { count: counts.open })
      : status === 'resolved'
        ? t('comments.filter.resolved', { count: counts.resolved })
        : t('comments.filter.all', { count: counts.open + counts.resolved });
  return (
    <fieldset className="thread-filters" data-testid="comment-filters">
      <legend className="thread-filters__legend">{t('comments.filter.legend')}</legend>
      <SelectField
        label={t('comments.filter.status')}
        value={filter.status}
        options={STATUS_FILTERS.map((status) => ({ value: status, label: statusLabel(status) }))}
        onChange={(event) => onChange({ ...filter, status: event.target.value as StatusFilter })}
      />
      <SelectField
        label={t('comments.filter.perspective')}
        value={filter.perspective ?? 'any'}
        options={[
          { value: 'any', label: t('comments.filter.anyPerspective') },
          ...PERSPECTIVES.map((perspective) => ({ value: perspective, label: t(perspectiveKey(perspective)) })),
        ]}
        onChange={(event) => onChange({ ...filter, perspective: event.target.value === 'any' ? null : (event.target.value as Perspective) })}
      />
      <div className="thread-filters__mine">
        <input id={mineId} type="checkbox" checked={filter.mine} onChange={(event) => onChange({ ...filter, mine: event.target.checked })} />
        <label htmlFor={mineId}>{t('comments.filter.mine')}</label>
      </div>
    </fieldset>
  );
}
