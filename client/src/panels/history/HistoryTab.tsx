/**
 * The History tab (issue 6): named versions with their sign-off, then the sessions of work
 * (who took part, when). Any version opens read-only, compares with now, and can be restored
 * by owners and editors; a restore is a new change attributed to the person restoring.
 */
import { useEffect, useId, useState } from 'react';
import { canEditContent } from '../../../../shared/src/index';
import { useI18n } from '../../i18n/I18nProvider';
import { errorMessage } from '../../ui/errorMessage';
import { StatusNote } from '../../ui/FormAlert';
import { LoadFailure, Loading } from '../../ui/LoadFailure';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { panelsApi } from '../panelsApi';
import { useLiveLoad, usePanelScope, useTextSettled } from '../panelScope';
import { NamedVersions } from './NamedVersions';
import { SessionList } from './SessionList';
import { VersionDialog, type VersionView } from './VersionDialog';
import { useNamedVersionsState } from './namedVersionsState';

export function HistoryTab() {
  const { t } = useI18n();
  const { info, permission } = usePanelScope();
  const headingId = useId();
  const history = useLiveLoad(() => panelsApi.history(info.id), ['document']);
  const namedVersions = useNamedVersionsState();
  useTextSettled(3000, history.reload);
  // Sign-offs have no live notice yet: look again whenever the tab is opened.
  const reloadVersions = namedVersions.reload;
  useEffect(reloadVersions, [reloadVersions]);
  const [viewing, setViewing] = useState<VersionView | null>(null);
  const [restoring, setRestoring] = useState<{ seq: number; which: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mayRestore = canEditContent(permission);

  const restore = async (seq: number): Promise<string | null> => {
    try {
      const answer = await panelsApi.restore(info.id, seq);
      setRestoring(null);
      setViewing(null);
      setDone(answer.seq === answer.restoredFrom ? t('history.restoreNothing') : t('history.restored'));
      history.reload();
      namedVersions.reload();
      return null;
    } catch (error) {
      return errorMessage(error, t);
    }
  };

  return (
    <section aria-labelledby={headingId} className="panel-section">
      <h3 id={headingId}>{t('history.title')}</h3>
      <StatusNote message={done} />
      <NamedVersions onView={setViewing} onRestore={mayRestore ? (seq, which) => setRestoring({ seq, which }) : undefined} />
      <h4 className="panel-subhead">{t('history.sessions')}</h4>
      <p className="field__hint">{t('history.sessionsHint')}</p>
      {history.status === 'loading' && <Loading />}
      {history.status === 'failed' && <LoadFailure error={history.error} onRetry={history.reload} />}
      {history.status === 'ready' && (
        <SessionList
          sessions={history.data.sessions}
          onView={setViewing}
          onRestore={mayRestore ? (seq, which) => setRestoring({ seq, which }) : undefined}
        />
      )}
      {viewing && (
        <VersionDialog
          view={viewing}
          onMode={(mode) => setViewing({ ...viewing, mode })}
          onClose={() => setViewing(null)}
          onRestore={mayRestore ? () => setRestoring({ seq: viewing.seq, which: viewing.which }) : undefined}
        />
      )}
      {restoring && (
        <ConfirmDialog
          title={t('history.restoreTitle', { which: restoring.which })}
          confirmLabel={t('history.restoreConfirm')}
          onConfirm={() => restore(restoring.seq)}
          onCancel={() => setRestoring(null)}
        >
          <p>{t('history.restoreExplain')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
