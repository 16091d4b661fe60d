/**
 * For the suggestion-mode tests only (not used by the application): a room whose updates from
 * commenters go through the server's real `validateSuggestion`, and people whose real Tiptap
 * editors (with the app's extensions, no DOM) are kept in step with their own Y.Doc the way
 * the editor's plugin views do it in the browser: the suggestion writer, then y-tiptap's own
 * `updateYFragment`. Remote changes are read back with y-tiptap too.
 */
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { validateSuggestion } from '../../../../server/src/suggestions/validateSuggestion';
import type { UpdateVerdict } from '../../../../server/src/sync/hooks';
import { NEGOTIATED_GOAL_EXTENSIONS } from '../goal/goalNodes';
import { Suggestion } from './suggestionMark';
import { SuggestionMode, suggestionModeKey, type SuggestionNotice } from './suggestionMode';

export type TestPermission = 'editor' | 'commenter';

export class TestRoom {
  readonly doc = new Y.Doc();
  private readonly owners = new Map<number, string>();
  readonly people: TestPerson[] = [];
  /** Every verdict the room gave, in order. */
  readonly verdicts: Array<{ member: string; verdict: UpdateVerdict; update: Uint8Array }> = [];

  constructor(paragraphs: string[]) {
    const seed = new Y.Doc();
    seed.clientID = 1;
    this.owners.set(1, 'seed');
    seed.getXmlFragment('default').insert(
      0,
      paragraphs.map((text) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        return paragraph;
      }),
    );
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(seed));
  }

  join(memberId: string, permission: TestPermission, clientId: number): TestPerson {
    this.owners.set(clientId, memberId);
    const person = new TestPerson(this, memberId, permission, clientId);
    this.people.push(person);
    return person;
  }

  /** What the server does with one update: commenters' go through validateSuggestion. */
  receive(person: TestPerson, update: Uint8Array): UpdateVerdict {
    const verdict: UpdateVerdict =
      person.permission === 'commenter'
        ? validateSuggestion(
            {
              documentId: 'doc',
              access: { memberId: person.memberId, sessionId: `s-${person.memberId}`, canWrite: false, canSuggest: true, identity: {} },
              clientOwner: (client) => this.owners.get(client),
            },
            update,
            this.doc,
          )
        : { kind: 'accept' };
    this.verdicts.push({ member: person.memberId, verdict, update });
    if (verdict.kind === 'accept') Y.applyUpdate(this.doc, update);
    return verdict;
  }

  /** Everyone sends what they have, then everyone receives the room's state. */
  sync(): void {
    for (const person of this.people) person.send();
    for (const person of this.people) person.receive(Y.encodeStateAsUpdate(this.doc));
  }

  refusals(): string[] {
    return this.verdicts.flatMap(({ verdict }) => (verdict.kind === 'reject' ? [verdict.reason] : []));
  }
}

export class TestPerson {
  readonly ydoc = new Y.Doc();
  readonly editor: Editor;
  readonly notices: SuggestionNotice[] = [];
  private readonly dispatch: (tr: Transaction) => void;
  private pending: Uint8Array[] = [];

  constructor(
    readonly room: TestRoom,
    readonly memberId: string,
    readonly permission: TestPermission,
    clientId: number,
  ) {
    this.ydoc.clientID = clientId;
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.pending.push(update);
    });
    Y.applyUpdate(this.ydoc, Y.encodeStateAsUpdate(room.doc), 'remote');
    this.editor = new Editor({
      element: null,
      // Content comes from the Y.Doc below; JSON here because HTML parsing needs a DOM.
      content: { type: 'doc', content: [{ type: 'paragraph' }] },
      // The keyboard map asks the browser which platform it runs on; keys are not pressed here.
      enableCoreExtensions: { keymap: false },
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] } }),
        ...NEGOTIATED_GOAL_EXTENSIONS,
        Suggestion,
        SuggestionMode,
        Collaboration.configure({ document: this.ydoc, field: 'default' }),
      ],
    });
    this.editor.storage.suggestionMode.settings = {
      memberId,
      mayEdit: permission === 'editor',
      onlySuggest: permission === 'commenter',
      onNotice: (notice) => this.notices.push(notice),
      describe: (mark) => `${mark.author} ${mark.kind}`,
    };
    // Without a DOM the editor is not mounted, so its plugins are installed here, as mounting does.
    this.editor.view.updateState(this.editor.state.reconfigure({ plugins: this.editor.extensionManager.plugins }));
    // What the view's dispatch is in the browser: the extensions' hooks, then the editor.
    this.dispatch = this.editor.extensionManager.dispatchTransaction((tr) => this.applyLocally(tr));
    this.readFromY();
  }

  get state(): EditorState {
    return this.editor.state;
  }

  get text(): string {
    return this.state.doc.textContent;
  }

  /** Runs a transaction as if the person's keyboard or mouse had made it. */
  act(build: (state: EditorState) => Transaction): void {
    this.dispatch(build(this.state));
  }

  /** Runs a Tiptap command as the person would (its transaction goes through the hooks). */
  command(run: (editor: Editor) => void): void {
    const tr = this.editor.captureTransaction(() => run(this.editor));
    if (tr) this.dispatch(tr);
  }

  setSuggesting(on: boolean): void {
    this.command((editor) => editor.commands.setSuggesting(on));
  }

  send(): UpdateVerdict[] {
    const updates = this.pending;
    this.pending = [];
    return updates.map((update) => this.room.receive(this, update));
  }

  receive(update: Uint8Array): void {
    Y.applyUpdate(this.ydoc, update, 'remote');
    this.readFromY();
  }

  private applyLocally(tr: Transaction): void {
    const previous = this.editor.state;
    this.editor.view.updateState(previous.apply(tr));
    if (this.editor.state.doc === previous.doc) return;
    // The plugin views in the browser's order: suggestion mode's writer, then y-tiptap.
    const view = { state: this.editor.state, composing: false } as unknown as EditorView;
    const writer = this.editor.state.plugins.find((plugin) => plugin.spec.key === suggestionModeKey);
    writer?.spec.view?.(view).update?.(view, previous);
    const sync = ySyncPluginKey.getState(this.editor.state) as { binding: Parameters<typeof updateYFragment>[3]; type: Y.XmlFragment };
    this.ydoc.transact(() => updateYFragment(this.ydoc, sync.type, this.editor.state.doc, sync.binding), ySyncPluginKey);
  }

  /** Reads the Y.Doc into the editor, as y-tiptap does after a remote change. */
  private readFromY(): void {
    const sync = ySyncPluginKey.getState(this.editor.state) as { type: Y.XmlFragment };
    const doc = yXmlFragmentToProseMirrorRootNode(sync.type, this.editor.schema);
    const state = this.editor.state;
    const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    this.editor.view.updateState(state.apply(tr));
  }
}
