/**
 * Highlights the passages comment threads are about, as a ProseMirror decoration plugin. Anchors
 * are Yjs relative positions (the same as decisions'), turned into positions in the current text
 * whenever the threads change and after the text has been still for a moment; in between, the
 * highlights are mapped through each change. Clicking a highlighted passage picks its thread.
 */
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { DecisionAnchor } from '../../../shared/src/index';

export interface AnchoredThread {
  threadId: string;
  anchor: DecisionAnchor;
  /** Resolved threads are only highlighted while they are the active one. */
  open: boolean;
}

export interface HighlightRange {
  threadId: string;
  from: number;
  to: number;
  active: boolean;
}

export interface HighlightConfig {
  threads: AnchoredThread[];
  activeId: string | null;
  /** Where an anchor is in the current text, or null when its passage is gone. */
  resolve: (anchor: DecisionAnchor) => { from: number; to: number } | null;
  onPick: (threadId: string) => void;
}

interface HighlightState {
  config: HighlightConfig | null;
  decorations: DecorationSet;
}

export const commentHighlightKey = new PluginKey<HighlightState>('ensembleCommentHighlights');

const REBUILD_DELAY_MS = 120;

/** The ranges to highlight: open threads and the active one, inside the text, in document order. */
export function highlightRanges(config: Pick<HighlightConfig, 'threads' | 'activeId' | 'resolve'>, docSize: number): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  for (const thread of config.threads) {
    const active = thread.threadId === config.activeId;
    if (!thread.open && !active) continue;
    const range = config.resolve(thread.anchor);
    if (!range) continue;
    const from = Math.max(0, Math.min(range.from, docSize));
    const to = Math.max(0, Math.min(range.to, docSize));
    if (to <= from) continue;
    ranges.push({ threadId: thread.threadId, from, to, active });
  }
  return ranges.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The highlights of the given document (one inline decoration per range, carrying its thread id). */
export function highlightDecorations(doc: PMNode, config: Pick<HighlightConfig, 'threads' | 'activeId' | 'resolve'>): DecorationSet {
  const decorations = highlightRanges(config, doc.content.size).map((range) =>
    Decoration.inline(
      range.from,
      range.to,
      { class: range.active ? 'comment-anchor comment-anchor--active' : 'comment-anchor', 'data-thread-id': range.threadId },
      { threadId: range.threadId, active: range.active },
    ),
  );
  return DecorationSet.create(doc, decorations);
}

export function commentHighlightPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightKey,
    state: {
      init: () => ({ config: null, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(commentHighlightKey) as Partial<HighlightState> | undefined;
        if (meta) return { ...value, ...meta };
        return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => commentHighlightKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const value = commentHighlightKey.getState(view.state);
        const found = value?.decorations.find(pos, pos) ?? [];
        const picked = found.find((d) => (d.spec as { threadId?: string }).threadId);
        if (picked && value?.config) value.config.onPick((picked.spec as { threadId: string }).threadId);
        return false;
      },
    },
    view() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return {
        update(view, previous) {
          const now = commentHighlightKey.getState(view.state)?.config;
          const before = commentHighlightKey.getState(previous)?.config;
          if (!now) return;
          const configChanged = now !== before;
          if (!configChanged && view.state.doc === previous.doc) return;
          clearTimeout(timer);
          // Never dispatch from inside an update; after a local edit the Yjs mapping catches up first.
          timer = setTimeout(
            () => {
              const current = commentHighlightKey.getState(view.state)?.config;
              if (!current || view.isDestroyed) return;
              view.dispatch(view.state.tr.setMeta(commentHighlightKey, { decorations: highlightDecorations(view.state.doc, current) }).setMeta('addToHistory', false));
            },
            configChanged ? 0 : REBUILD_DELAY_MS,
          );
        },
        destroy() {
          clearTimeout(timer);
        },
      };
    },
  });
}

export function setHighlightConfig(state: EditorState, config: HighlightConfig) {
  return state.tr.setMeta(commentHighlightKey, { config }).setMeta('addToHistory', false);
}
