/**
 * What the comment parts of the document screen share: every thread of the document (reloaded
 * on each `comments` notice), the workspace's members (for mentions and reviewers), the comment
 * being started, and the thread in focus. It also keeps the editor's highlights in step and
 * takes "Comment" requests from the editor's toolbar.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CommentList, DecisionAnchor, Member } from '../../../shared/src/index';
import { api } from '../api';
import { resolveAnchor } from '../panels/decisions/anchors';
import { useLiveLoad, usePanelScope } from '../panels/panelScope';
import type { Load } from '../ui/useLoad';
import { useLoad } from '../ui/useLoad';
import { commentsApi } from './commentsApi';
import { commentHighlightKey, commentHighlightPlugin, setHighlightConfig, type AnchoredThread } from './commentHighlights';
import { listenForCommentRequests } from './commentRequests';
import { mayComment } from './threadFilter';
import './comments.css';

export interface CommentsValue {
  threads: Load<CommentList> & { reload: () => void };
  /** The workspace's members, once loaded (empty before). */
  members: Member[];
  /** The new thread being written, about a passage or the whole text. */
  draft: { anchor: DecisionAnchor | null } | null;
  startDraft: (anchor: DecisionAnchor | null) => void;
  endDraft: () => void;
  /** The thread in focus: its passage is highlighted more strongly. */
  activeId: string | null;
  setActiveId: (id: string | null) => void;
  mayComment: boolean;
}

const CommentsContext = createContext<CommentsValue | null>(null);

export function useComments(): CommentsValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments must be used inside <CommentsProvider>');
  return value;
}

/** `onShow` opens the side panel on the Comments tab. */
export function CommentsProvider({ onShow, children }: { onShow: () => void; children: ReactNode }) {
  const { info, permission, editor } = usePanelScope();
  const threads = useLiveLoad(() => commentsApi.threads(info.id), ['comments']);
  const memberList = useLoad(() => api.listMembers(info.workspaceId), [info.workspaceId]);
  const [draft, setDraft] = useState<{ anchor: DecisionAnchor | null } | null>(null);
  // A link from a notification names the thread: `/d/<id>?thread=<threadId>`.
  const [activeId, setActiveId] = useState<string | null>(() => threadFromAddress());
  const allowed = mayComment(permission);

  const startDraft = useCallback(
    (anchor: DecisionAnchor | null) => {
      if (!allowed) return;
      setDraft({ anchor });
      onShow();
    },
    [allowed, onShow],
  );
  const endDraft = useCallback(() => setDraft(null), []);

  const linked = useRef(activeId !== null);
  useEffect(() => {
    if (!linked.current) return;
    linked.current = false;
    onShow();
  }, [onShow]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    return listenForCommentRequests(editor, startDraft);
  }, [editor, startDraft]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.registerPlugin(commentHighlightPlugin());
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightKey);
    };
  }, [editor]);

  const loaded = threads.status === 'ready' ? threads.data : null;
  // When the thread in focus gets resolved (by anyone), its passage stops being highlighted.
  const activeStatus = loaded?.threads.find((t) => t.id === activeId)?.status;
  const seen = useRef<{ id: string | null; status: string | undefined }>({ id: null, status: undefined });
  useEffect(() => {
    if (seen.current.id === activeId && seen.current.status === 'open' && activeStatus === 'resolved') setActiveId(null);
    seen.current = { id: activeId, status: activeStatus };
  }, [activeId, activeStatus]);

  const anchored = useMemo<AnchoredThread[]>(
    () => (loaded?.threads ?? []).flatMap((t) => (t.anchor ? [{ threadId: t.id, anchor: t.anchor, open: t.status === 'open' }] : [])),
    [loaded],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // Readers open the thread by clicking its passage; editors click into text to write, so for
    // them the thread is only marked (the panel stays on the tab they chose).
    const pick = (id: string) => {
      setActiveId(id);
      if (!editor.isEditable) onShow();
    };
    editor.view.dispatch(setHighlightConfig(editor.state, { threads: anchored, activeId, resolve: (anchor) => resolveAnchor(editor, anchor), onPick: pick }));
  }, [editor, anchored, activeId, onShow]);

  const memberData = memberList.status === 'ready' ? memberList.data.members : null;
  const members = useMemo(() => memberData ?? [], [memberData]);
  const value = useMemo<CommentsValue>(
    () => ({ threads, members, draft, startDraft, endDraft, activeId, setActiveId, mayComment: allowed }),
    [threads, members, draft, startDraft, endDraft, activeId, allowed],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

/** The thread named in the page's address, for links that lead to one comment. */
export function threadFromAddress(): string | null {
  return new URLSearchParams(location.search).get('thread');
}

export function threadLink(documentPath: string, threadId: string): string {
  return `${documentPath}?thread=${encodeURIComponent(threadId)}`;
}
