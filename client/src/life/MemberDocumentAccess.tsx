/**
 * In the People panel (owners): under each member, the documents where their access differs
 * from the workspace — "Crisis plan: cannot open it", "Care plan: can comment". Loaded from the
 * owners' overview (GET /api/workspaces/:id/document-access); nothing is shown for a member
 * whose access is the same everywhere.
 */
import type { Member, Permission, WorkspaceAccessOverview } from '../../../shared/src/index';
import { exceptionsFor } from './documentExceptions';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { lowerFirst } from '../i18n/labels';
import { Link, paths } from '../router';
import { useLoad } from '../ui/useLoad';
import { lifeApi } from './lifeApi';

/** The overview for owners (null for everyone else, who may not see it). */
export function useAccessOverview(workspaceId: string, isOwner: boolean) {
  return useLoad(() => (isOwner ? lifeApi.accessOverview(workspaceId) : Promise.resolve(null)), [workspaceId, isOwner]);
}

const CAN: Record<Permission, MessageKey> = {
  owner: 'life.memberAccess.owner',
  editor: 'life.memberAccess.editor',
  commenter: 'life.memberAccess.commenter',
  viewer: 'life.memberAccess.viewer',
};

export function MemberDocumentAccess({ member, overview }: { member: Member; overview: WorkspaceAccessOverview }) {
  const { t } = useI18n();
  const exceptions = exceptionsFor(overview, member);
  if (exceptions.length === 0) return null;
  return (
    <div className="member-documents">
      <p className="member-documents__title">{t('life.memberAccess.title')}</p>
      <ul className="member-documents__list" aria-label={t('life.memberAccess.listLabel', { name: member.displayName })}>
        {exceptions.map((e) => (
          <li key={e.documentId}>
            <Link to={paths.document(e.documentId)}>{e.title}</Link>
            {e.archived && ` (${lowerFirst(t('life.badge.archived'))})`}
            {t('life.memberAccess.separator')}
            <span className={e.permission === null ? 'member-documents__none' : undefined}>
              {e.permission === null ? t('life.memberAccess.none') : t(CAN[e.permission])}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
