/**
 * The document screen's side panel and the tools above the text. On wide screens (1100 px and
 * more) the panel sits beside the text; below that it is a sheet over the lower part of the
 * screen. Open or closed, and the tab shown, are remembered on this device.
 */
import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Editor } from '@tiptap/react';
import type { DocumentInfo, Permission } from '../../../shared/src/index';
import type { CollabSession } from '../collab/session';
import { AuthorshipControls } from '../editor/authorship/AuthorshipControls';
import { useI18n } from '../i18n/I18nProvider';
import { ApprovalBanner } from './history/ApprovalBanner';
import { useNamedVersions, NamedVersionsProvider } from './history/namedVersionsState';
import { PanelScopeProvider, type PanelScope } from './panelScope';
import { PANEL_TABS, SidePanel, type PanelTab } from './SidePanel';
import { ProposeFromSelection } from './decisions/ProposeFromSelection';
import { CommentsProvider } from '../comments/CommentsContext';
import { CommentFromSelection } from '../comments/CommentFromSelection';
import type { DecisionAnchor } from '../../../shared/src/index';
import { useRemembered, useWideScreen } from './layout';
import './panels.css';
import './decisions/decisions.css';
import './history/history.css';

interface DocumentPanelsProps {
  info: DocumentInfo;
  permission: Permission;
  selfId: string;
  session: CollabSession;
  /** The document column; receives the callback that hands the editor over. */
  children: (onEditor: (editor: Editor | null) => void) => ReactNode;
}

const OPEN_STATES = ['open', 'closed'] as const;

export function DocumentPanels({ info, permission, selfId, session, children }: DocumentPanelsProps) {
  const { t } = useI18n();
  const [editor, setEditor] = useState<Editor | null>(null);
  const wide = useWideScreen();
  const [wideOpen, setWideOpen] = useRemembered('ensemble.panel.wide', OPEN_STATES, 'open');
  const [narrowOpen, setNarrowOpen] = useRemembered('ensemble.panel.narrow', OPEN_STATES, 'closed');
  const [tab, setTab] = useRemembered<PanelTab>('ensemble.panel.tab', PANEL_TABS, 'decisions');
  const [proposal, setProposal] = useState<{ anchor: DecisionAnchor | null } | null>(null);
  const open = (wide ? wideOpen : narrowOpen) === 'open';
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);

  const setOpen = useCallback(
    (next: boolean) => (wide ? setWideOpen : setNarrowOpen)(next ? 'open' : 'closed'),
    [wide, setWideOpen, setNarrowOpen],
  );
  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => toggle.current?.focus());
  }, [setOpen]);
  const proposeAbout = useCallback(
    (anchor: DecisionAnchor | null) => {
      setProposal({ anchor });
      setTab('decisions');
      setOpen(true);
    },
    [setOpen, setTab],
  );
  const showComments = useCallback(() => {
    setTab('comments');
    setOpen(true);
  }, [setOpen, setTab]);

  const scope: PanelScope = useMemo(() => ({ info, permission, selfId, session, editor }), [info, permission, selfId, session, editor]);
  const namedVersions = useNamedVersions(scope);

  return (
    <PanelScopeProvider scope={scope}>
      <NamedVersionsProvider value={namedVersions}>
        <CommentsProvider onShow={showComments}>
        <div className={`doc-layout${wide && open ? ' doc-layout--beside' : ''}`}>
          <div className="doc-layout__text">
            <ApprovalBanner />
            <div className="doc-tools">
              <button
                ref={toggle}
                type="button"
                className="button button--quiet doc-tools__panel"
                aria-expanded={open}
                aria-controls={open ? panelId : undefined}
                onClick={() => setOpen(!open)}
              >
                {open ? t('panel.hide') : t('panel.show')}
              </button>
              <ProposeFromSelection editor={editor} onPropose={proposeAbout} />
              <CommentFromSelection editor={editor} />
              <AuthorshipControls editor={editor} documentId={info.id} />
            </div>
            {children(setEditor)}
          </div>
          {open && (
            <SidePanel
              id={panelId}
              mode={wide ? 'beside' : 'sheet'}
              tab={tab}
              onTab={setTab}
              onClose={close}
              proposal={proposal}
              onProposalDone={() => setProposal(null)}
              onPropose={proposeAbout}
            />
          )}
        </div>
        </CommentsProvider>
      </NamedVersionsProvider>
    </PanelScopeProvider>
  );
}
