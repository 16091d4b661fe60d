/**
 * Suggestion mode in the editor (ADR 0005). Editors and owners switch it on and off;
 * commenters are always in it, so their editor is editable but every change goes through the
 * rewrite in suggestTransaction.ts, and what cannot be a suggestion is blocked (with a message)
 * rather than sent for the server to refuse. Its pieces:
 *   - the `dispatchTransaction` hook that rewrites or blocks local edits;
 *   - typed text goes straight to a plain text insertion (so input rules such as "- " for a
 *     list do not turn a keystroke into a structural change);
 *   - a plugin view, placed before y-tiptap's, that writes text edits (anyone's, in or out of
 *     suggestion mode) to the Y.Doc exactly as made (yTextWriter.ts);
 *   - names and times of suggestions as hover titles (decorations).
 * Outside suggestion mode, text typed inside someone's suggestion does not join it.
 */
import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { SUGGESTION_MARK, type SuggestionAction, type SuggestionMark } from '../../../../shared/src/index';
import { newSuggestionId, suggestionOf } from './suggestionMark';
import { DIRECT_EDIT, decideSuggestions, openSuggestions, type OpenSuggestion } from './suggestionRuns';
import { suggestTransaction, type BlockReason } from './suggestTransaction';
import { canWriteSteps, writeSteps, type AppliedStep } from './yTextWriter';

export type SuggestionNotice = BlockReason | 'othersSuggestion';

export interface SuggestionSettings {
  memberId: string;
  /** Owners and editors: may switch the mode off (and keep pasted formatting). */
  mayEdit: boolean;
  /** Commenters: always suggesting. */
  onlySuggest: boolean;
  onNotice: (notice: SuggestionNotice) => void;
  /** A suggestion's author and time in words, for hover titles. */
  describe: (mark: SuggestionMark) => string;
}

export interface SuggestionModeStorage {
  settings: SuggestionSettings | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestionMode: {
      /** Switches suggestion mode on or off (editors and owners). */
      setSuggesting: (on: boolean) => ReturnType;
      /** Accepts one suggestion (editors and owners): an ordinary, attributed edit. */
      acceptSuggestion: (id: string) => ReturnType;
      rejectSuggestion: (id: string) => ReturnType;
      /** Accepts or rejects every open suggestion at once. */
      decideAllSuggestions: (action: SuggestionAction) => ReturnType;
    };
  }
  interface Storage {
    suggestionMode: SuggestionModeStorage;
  }
}

interface ModeState {
  on: boolean;
  titles: DecorationSet;
}

export const suggestionModeKey = new PluginKey<ModeState>('ensembleSuggestionMode');
/** Meta on an edit rewritten as a suggestion by the hook below. */
const SUGGESTED = 'ensembleSuggested';
/** Meta asking to rebuild the hover titles (names arrived). */
const REFRESH_TITLES = 'ensembleSuggestionTitles';

/** Whether the next local edit will be a suggestion. */
export function isSuggesting(state: EditorState, settings: SuggestionSettings | null): boolean {
  if (!settings) return false;
  return settings.onlySuggest || (suggestionModeKey.getState(state)?.on ?? false);
}

export function refreshSuggestionTitles(state: EditorState): Transaction {
  return state.tr.setMeta(REFRESH_TITLES, true).setMeta('addToHistory', false);
}

interface SyncState {
  binding?: { mux: (fn: () => void) => void };
  doc?: Y.Doc;
  type?: Y.XmlFragment;
  isChangeOrigin?: boolean;
  addToHistory?: boolean;
}

export const SuggestionMode = Extension.create<Record<string, never>, SuggestionModeStorage>({
  name: 'suggestionMode',
  // Before Collaboration (1000): this plugin view must write to the Y.Doc before y-tiptap's.
  priority: 1100,

  addStorage() {
    return { settings: null };
  },

  addCommands() {
    return {
      setSuggesting:
        (on) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestionModeKey, { on }).setMeta('addToHistory', false);
          return true;
        },
      acceptSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          decide(state, this.storage.settings, dispatch, (s) => s.mark.id === id, 'accept'),
      rejectSuggestion:
        (id) =>
        ({ state, dispatch }) =>
          decide(state, this.storage.settings, dispatch, (s) => s.mark.id === id, 'reject'),
      decideAllSuggestions:
        (action) =>
        ({ state, dispatch }) =>
          decide(state, this.storage.settings, dispatch, () => true, action),
    };
  },

  dispatchTransaction({ transaction, next }) {
    const settings = this.storage.settings;
    const state = this.editor.state;
    if (!settings || !transaction.docChanged || transaction.getMeta(ySyncPluginKey) !== undefined || transaction.getMeta(DIRECT_EDIT)) {
      next(transaction);
      return;
    }
    if (!isSuggesting(state, settings)) {
      next(withoutJoinedSuggestions(transaction));
      return;
    }
    const outcome = suggestTransaction(state, transaction, {
      memberId: settings.memberId,
      mayFormat: settings.mayEdit,
      now: () => new Date().toISOString(),
      newId: newSuggestionId,
    });
    if (outcome.kind === 'block') {
      settings.onNotice(outcome.reason);
      return;
    }
    if (outcome.skippedOthers) settings.onNotice('othersSuggestion');
    next(outcome.tr.setMeta(SUGGESTED, true));
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    // Local edits applied since the plugin views last ran, for the Yjs writer.
    let queue: Array<{ before: PMNode; after: PMNode; steps: AppliedStep[] }> = [];
    return [
      new Plugin<ModeState>({
        key: suggestionModeKey,
        state: {
          init: (_config, state) => ({ on: false, titles: titlesFor(state, storage.settings) }),
          apply(tr, value, old, state) {
            if (tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined) {
              queue.push({ before: old.doc, after: state.doc, steps: tr.steps.map((step, i) => ({ step, doc: tr.docs[i]! })) });
            }
            const meta = tr.getMeta(suggestionModeKey) as { on: boolean } | undefined;
            const on = meta ? meta.on : value.on;
            const titles = tr.docChanged || tr.getMeta(REFRESH_TITLES) ? titlesFor(state, storage.settings) : value.titles;
            return on === value.on && titles === value.titles ? value : { on, titles };
          },
        },
        // A commenter's document changes only by suggestions and by others' changes arriving:
        // what plugins add on their own (an empty last line, fixed-up ids) would be sent as a
        // direct edit, refused by the server.
        filterTransaction(tr) {
          if (!storage.settings?.onlySuggest || !tr.docChanged) return true;
          return tr.getMeta(SUGGESTED) === true || tr.getMeta(ySyncPluginKey) !== undefined;
        },
        props: {
          decorations: (state) => suggestionModeKey.getState(state)?.titles,
          handleTextInput(view, from, to, text) {
            if (!isSuggesting(view.state, storage.settings) || view.composing) return false;
            view.dispatch(view.state.tr.insertText(text, from, to));
            return true;
          },
        },
        view: () => ({
          update(view, previous) {
            const edits = queue;
            queue = [];
            if (view.state.doc === previous.doc || edits.length === 0) return;
            // Only a straight chain of local edits from the previous document to this one.
            const chained = edits.every((edit, i) => edit.before === (i === 0 ? previous.doc : edits[i - 1]!.after)) && edits.at(-1)!.after === view.state.doc;
            const steps = edits.flatMap((edit) => edit.steps);
            const sync = ySyncPluginKey.getState(view.state) as SyncState | undefined;
            if (!chained || !canWriteSteps(steps) || !sync?.binding || !sync.doc || !sync.type || sync.isChangeOrigin) return;
            const { doc, type } = sync;
            sync.binding.mux(() => {
              doc.transact((ytr) => {
                ytr.meta.set('addToHistory', sync.addToHistory !== false);
                writeSteps(type, steps);
              }, ySyncPluginKey);
            });
          },
        }),
      }),
    ];
  },
});

function decide(
  state: EditorState,
  settings: SuggestionSettings | null,
  dispatch: ((tr: Transaction) => void) | undefined,
  which: (suggestion: OpenSuggestion) => boolean,
  action: SuggestionAction,
): boolean {
  if (!settings?.mayEdit) return false;
  const chosen = openSuggestions(state.doc).filter(which);
  if (chosen.length === 0) return false;
  dispatch?.(decideSuggestions(state, chosen, action));
  return true;
}

/** Text typed or dropped inside a suggestion, outside suggestion mode, is ordinary text. */
function withoutJoinedSuggestions(tr: Transaction): Transaction {
  const type = tr.doc.type.schema.marks[SUGGESTION_MARK];
  if (!type) return tr;
  const ranges: Array<[number, number]> = [];
  tr.steps.forEach((step, i) => {
    if (!(step instanceof ReplaceStep) || step.slice.size === 0) return;
    const after = tr.mapping.slice(i + 1);
    ranges.push([after.map(step.from, -1), after.map(step.from + step.slice.size, 1)]);
  });
  for (const [from, to] of ranges) {
    if (from >= to) continue;
    let marked = false;
    tr.doc.nodesBetween(from, to, (node) => {
      if (node.isText && suggestionOf(node)) marked = true;
      return !marked;
    });
    if (marked) tr.removeMark(from, to, type);
  }
  return tr;
}

function titlesFor(state: EditorState, settings: SuggestionSettings | null): DecorationSet {
  if (!settings) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = suggestionOf(node);
    if (mark) decorations.push(Decoration.inline(pos, pos + node.nodeSize, { title: settings.describe(mark) }));
    return false;
  });
  return DecorationSet.create(state.doc, decorations);
}
