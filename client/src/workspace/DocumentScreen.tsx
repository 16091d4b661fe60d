/**
 * The document screen: a top bar (back, title, workspace, status, who is here, language) and the
 * collaborative editor at a readable width. Permission and refusals decide whether it is editable.
 */
import { useEffect, useState } from 'react';
import { CLOSE_CODES, canEditContent, type AwarenessUser, type DocumentInfo, type MeResponse } from '../../../shared/src/index';
import { api, ApiRequestError } from '../api';
import { useSession } from '../auth/SessionProvider';
import { useCollabSession } from '../collab/useCollabSession';
import { SaveStatusText, useSaveStatus } from '../collab/SaveStatusView';
import { PresenceList } from '../collab/PresenceList';
import type { CollabSession } from '../collab/session';
import { CollaborativeEditor } from '../editor/CollaborativeEditor';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';
import { Link, paths } from '../router';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { LoadFailure, Loading } from '../ui/LoadFailure';
import { Page } from '../ui/Page';
import { ScreenHeading } from '../ui/ScreenHeading';
import { useLoad } from '../ui/useLoad';
import { ExportMenu } from './ExportMenu';
import { DocumentPanels } from '../panels/DocumentPanels';
import { DocumentMenu } from '../life/DocumentMenu';
import '../collab/collab.css';
import '../editor/editor.css';
import './document.css';

function NotFound() {
  const { t } = useI18n();
  return (
    <Page>
      <ScreenHeading pageTitle={t('notFound.pageTitle')}>{t('notFound.title')}</ScreenHeading>
      <p>{t('doc.notFound')}</p>
      <p>
        <Link to={paths.home()}>{t('common.backHome')}</Link>
      </p>
    </Page>
  );
}

export function DocumentScreen({ documentId }: { documentId: string }) {
  // The caller is loaded again: memberships (hence the role shown to others) may be newer than sign-in.
  const info = useLoad(() => Promise.all([api.getDocument(documentId), api.getMe()]), [documentId]);
  if (info.status === 'ready') return <OpenDocument info={info.data[0]} me={info.data[1]} />;
  if (info.status === 'failed' && info.error instanceof ApiRequestError && info.error.code === 'not_found') {
    return <NotFound />;
  }
  return <Page>{info.status === 'loading' ? <Loading /> : <LoadFailure error={info.error} onRetry={info.reload} />}</Page>;
}

function OpenDocument({ info, me }: { info: DocumentInfo; me: MeResponse }) {
  const role = me.memberships.find((m) => m.workspaceId === info.workspaceId)?.role ?? null;
  const localUser: AwarenessUser = { id: me.user.id, name: me.user.displayName, color: me.user.color, role };
  const session = useCollabSession(info.id, localUser);
  if (!session) return <Page><Loading /></Page>;
  return <DocumentView info={info} session={session} selfId={me.user.id} />;
}

function LockIcon() {
  return (
    <svg className="note__icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M4 7.5h8v6H4zM5.5 7.5V5a2.5 2.5 0 0 1 5 0v2.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
    </svg>
  );
}

const REFUSALS: Partial<Record<number, MessageKey>> = {
  [CLOSE_CODES.notFound]: 'doc.notFound',
  [CLOSE_CODES.accessEnded]: 'doc.accessEnded',
};

function DocumentView({ info, session, selfId }: { info: DocumentInfo; session: CollabSession; selfId: string }) {
  const { t } = useI18n();
  const { requireSignIn } = useSession();
  const status = useSaveStatus(session.status);
  const stopped = status.state === 'stopped';

  useEffect(() => {
    if (stopped && status.closeCode === CLOSE_CODES.unauthenticated) requireSignIn();
  }, [stopped, status.closeCode, requireSignIn]);

  // The server tells this connection when its own permission changes (record notice `access`).
  const [permission, setPermission] = useState(info.permission);
  useEffect(
    () =>
      session.onRecord((event) => {
        if (event.kind === 'access') api.getDocument(info.id).then((fresh) => setPermission(fresh.permission), () => undefined);
      }),
    [session, info.id],
  );
  const mayEdit = canEditContent(permission);
  // Commenters write only suggestions (ADR 0005); viewers read.
  const suggestOnly = permission === 'commenter';
  const readOnlyNote: MessageKey | null = mayEdit ? null : suggestOnly ? 'suggestions.commenterNote' : 'doc.readOnlyViewer';
  const refusal: MessageKey | null = stopped ? (REFUSALS[status.closeCode ?? 0] ?? 'doc.connectionRefused') : null;

  // The workspace name is a link inside the sentence, wherever the language puts it.
  const [inWorkspaceBefore = '', inWorkspaceAfter = ''] = t('doc.inWorkspace').split('{name}');

  const header = (
    <header className="doc-bar">
      <div className="doc-bar__inner">
        <nav aria-label={t('nav.label')} className="doc-bar__nav">
          <Link to={paths.home()} className="back-link">
            <span aria-hidden="true">←</span>
            {t('common.backHome')}
          </Link>
        </nav>
        <div className="doc-bar__titles">
          <ScreenHeading pageTitle={info.title}>{info.title}</ScreenHeading>
          <p className="doc-bar__workspace">
            {inWorkspaceBefore}
            <Link to={paths.workspace(info.workspaceId)}>{info.workspaceName}</Link>
            {inWorkspaceAfter}
          </p>
        </div>
        <div className="doc-bar__tools">
          <SaveStatusText tracker={session.status} />
          <DocumentMenu document={info} session={session} />
          <ExportMenu document={info} />
          <LanguageSwitch />
        </div>
        <PresenceList awareness={session.provider.awareness} selfId={selfId} />
      </div>
    </header>
  );

  return (
    <Page header={header}>
      <DocumentPanels info={info} permission={permission} selfId={selfId} session={session}>
        {(onEditor) => (
          <div className="document">
            {refusal && (
              <div role="alert" className="alert alert--error">
                <p>{t(refusal)}</p>
                <p>
                  <Link to={paths.home()}>{t('doc.accessEndedLink')}</Link>
                </p>
              </div>
            )}
            {readOnlyNote && !refusal && (
              <p id="read-only-note" className="note note--read-only">
                {!suggestOnly && <LockIcon />}
                {t(readOnlyNote)}
              </p>
            )}
            <CollaborativeEditor
              session={session}
              editable={(mayEdit || suggestOnly) && !stopped}
              suggestOnly={suggestOnly}
              describedBy={readOnlyNote && !refusal ? 'read-only-note' : undefined}
              onEditor={onEditor}
            />
          </div>
        )}
      </DocumentPanels>
    </Page>
  );
}
