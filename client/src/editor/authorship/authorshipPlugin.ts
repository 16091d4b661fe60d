/**
 * The authorship view as a ProseMirror decoration plugin: text is tinted by person or by
 * knowledge perspective, underlined in the perspective's style, and titled with the author's
 * name and role. Decorations are rebuilt when the view is switched on or its people change, and
 * after the text has been still for a moment; in between they are mapped through each change.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { Perspective } from '../../../../shared/src/index';
import { clientRuns, type BindingMapping } from './authorshipRuns';

export type AuthorshipMode = 'off' | 'person' | 'perspective';

export interface AuthorInfo {
  userId: string;
  name: string;
  /** Role (and perspective) in words, e.g. "Clinician · Professional knowledge". */
  roleLabel: string;
  perspective: Perspective | null;
  color: string;
}

export interface AuthorshipConfig {
  mode: AuthorshipMode;
  /** The author of a Yjs client id, or null when not known (yet). */
  authorOf: (client: number) => AuthorInfo | null;
}

export interface AuthorSpec {
  author: AuthorInfo;
}

interface AuthorshipState {
  config: AuthorshipConfig | null;
  decorations: DecorationSet;
}

export const authorshipKey = new PluginKey<AuthorshipState>('ensembleAuthorship');

/** How long the text must be still before decorations are rebuilt from the Yjs items. */
const REBUILD_DELAY_MS = 150;

export function authorshipPlugin(): Plugin<AuthorshipState> {
  return new Plugin<AuthorshipState>({
    key: authorshipKey,
    state: {
      init: () => ({ config: null, decorations: DecorationSet.empty }),
      apply(tr, value) {
        const meta = tr.getMeta(authorshipKey) as Partial<AuthorshipState> | undefined;
        if (meta) return { ...value, ...meta };
        return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => authorshipKey.getState(state)?.decorations,
    },
    view() {
      let timer: ReturnType<typeof setTimeout> | undefined;
      return {
        update(view, previous) {
          const now = authorshipKey.getState(view.state);
          const before = authorshipKey.getState(previous);
          if (!now?.config || now.config.mode === 'off') return;
          const configChanged = now.config !== before?.config;
          if (!configChanged && view.state.doc === previous.doc) return;
          clearTimeout(timer);
          // Never dispatch from inside an update: rebuild on the next turn.
          timer = setTimeout(
            () => {
              const current = authorshipKey.getState(view.state)?.config;
              if (!current || current.mode === 'off' || view.isDestroyed) return;
              view.dispatch(view.state.tr.setMeta(authorshipKey, { decorations: buildDecorations(view.state, current) }).setMeta('addToHistory', false));
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

/** Switches the view (or changes its people); off clears the tints at once. */
export function setAuthorshipConfig(state: EditorState, config: AuthorshipConfig) {
  const meta: Partial<AuthorshipState> = config.mode === 'off' ? { config, decorations: DecorationSet.empty } : { config };
  return state.tr.setMeta(authorshipKey, meta).setMeta('addToHistory', false);
}

export function buildDecorations(state: EditorState, config: AuthorshipConfig): DecorationSet {
  const sync = ySyncPluginKey.getState(state) as { type?: Y.XmlFragment; binding?: { mapping: BindingMapping } } | undefined;
  if (!sync?.binding || !sync.type) return DecorationSet.empty;
  return decorationsFor(state.doc, sync.type, sync.binding.mapping, config);
}

/** One decoration per stretch of text by the same person (consecutive clients of one person merge). */
export function decorationsFor(doc: PMNode, fragment: Y.XmlFragment, mapping: BindingMapping, config: AuthorshipConfig): DecorationSet {
  const runs = clientRuns(fragment, mapping);
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  let open: { from: number; to: number; author: AuthorInfo } | null = null;
  const close = () => {
    if (open && open.to > open.from) decorations.push(decorationFor(open.from, open.to, open.author, config.mode));
    open = null;
  };
  for (const run of runs) {
    const author = config.authorOf(run.client);
    const from = Math.min(run.from, size);
    const to = Math.min(run.to, size);
    if (!author) {
      close();
      continue;
    }
    if (open && open.author.userId === author.userId && open.to === from) open.to = to;
    else {
      close();
      open = { from, to, author };
    }
  }
  close();
  return DecorationSet.create(doc, decorations);
}

/** Attributes and spec are shared by all of one person's decorations (fewer objects, faster diffing). */
const shared = new WeakMap<AuthorInfo, Map<AuthorshipMode, { attrs: Record<string, string>; spec: AuthorSpec }>>();

function decorationFor(from: number, to: number, author: AuthorInfo, mode: AuthorshipMode): Decoration {
  let byMode = shared.get(author);
  if (!byMode) shared.set(author, (byMode = new Map()));
  let parts = byMode.get(mode);
  if (!parts) {
    const attrs: Record<string, string> = {
      class: `authorship authorship--${author.perspective ?? 'unknown'} authorship--by-${mode}`,
      title: `${author.name} — ${author.roleLabel}`,
      'data-author': author.name,
    };
    // By person: a light tint of the person's own colour (hex + alpha); by perspective the class does it.
    if (mode === 'person') attrs.style = `background-color: ${author.color}2e`;
    parts = { attrs, spec: { author } };
    byMode.set(mode, parts);
  }
  return Decoration.inline(from, to, parts.attrs, parts.spec);
}

/** The author of the text at `pos` (for the caret readout), if the view is on. */
export function authorAt(state: EditorState, pos: number): AuthorInfo | null {
  const decorations = authorshipKey.getState(state)?.decorations;
  if (!decorations) return null;
  const found = decorations.find(Math.max(0, pos - 1), pos);
  const spec = (found.at(-1)?.spec ?? null) as AuthorSpec | null;
  return spec?.author ?? null;
}
