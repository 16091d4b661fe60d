/**
 * Suggestion mode end to end without a browser: real Tiptap editors with the app's extensions,
 * their Y.Docs, y-tiptap's own diff, and the server's real validateSuggestion on every update a
 * commenter sends. A refusal would close a commenter's connection (4422), so every test also
 * checks that none happened unless it is the point of the test. Accepting and rejecting are in
 * acceptReject.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Fragment, Slice } from '@tiptap/pm/model';
import { CLOSE_CODES, SUGGESTION_MARK } from '../../../../shared/src/index';
import { backspace, caret, forwardDelete, ids, select, shown, at, typeText } from './testEdits';
import { TestRoom } from './testRoom';

describe('the suggestion mark', () => {
  it('is declared as ADR 0005 says, and stored under the attribute key `suggestion`', () => {
    const room = new TestRoom(['Hello']);
    const jean = room.join('jean', 'commenter', 20);
    const type = jean.editor.schema.marks[SUGGESTION_MARK]!;
    expect(type.spec.inclusive).toBe(false);
    expect(type.spec.excludes).toBeUndefined(); // the default: a mark excludes marks of its own type
    expect(type.excludes(type)).toBe(true);
    expect(Object.keys(type.spec.attrs ?? {}).sort()).toEqual(['at', 'author', 'id', 'kind']);
    jean.act(caret(at(jean, 'llo')));
    jean.act(typeText('e'));
    const text = (jean.ydoc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const attributes = (text.toDelta() as Array<{ attributes?: Record<string, unknown> }>).flatMap((op) => Object.keys(op.attributes ?? {}));
    expect(attributes).toEqual([SUGGESTION_MARK]);
  });

  it('ignores a malformed suggestion value written by a faulty client, without failing', () => {
    const room = new TestRoom(['Hello world']);
    const faulty = new Y.Doc();
    Y.applyUpdate(faulty, Y.encodeStateAsUpdate(room.doc));
    ((faulty.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 5, { suggestion: { id: 'x', kind: 'sideways' } });
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(faulty));
    const roy = room.join('roy', 'editor', 30);
    expect(roy.text).toBe('Hello world');
    expect(roy.editor.commands.decideAllSuggestions('accept')).toBe(false);
    roy.act(caret(at(roy, ' world')));
    roy.act(typeText('!'));
    room.sync();
    expect(roy.text).toBe('Hello! world');
  });
});

describe('suggestion mode for a commenter', () => {
  it('turns typing into an insertion suggestion the server accepts, even next to identical characters', () => {
    const room = new TestRoom(['Hello world, is good.']);
    const jean = room.join('jean', 'commenter', 20);
    // "l" typed before "l" and " very" typed before a space: a plain-string diff would pick the neighbour.
    jean.act(caret(at(jean, 'llo')));
    jean.act(typeText('l'));
    jean.act(caret(at(jean, ' good')));
    for (const char of ' very') jean.act(typeText(char));
    expect(jean.send().map((v) => v.kind)).not.toContain('reject');
    expect(shown(jean)).toBe('He[+l|jean]llo world, is[+ very|jean] good.');
    room.sync();
    expect(room.refusals()).toEqual([]);
    expect(room.doc.getXmlFragment('default').toString()).toContain('very');
    expect(shown(jean)).toBe('He[+l|jean]llo world, is[+ very|jean] good.');
    // Characters typed one after another make one proposal; a new place starts another.
    expect(ids(jean).size).toBe(2);
  });

  it('marks deleted text instead of deleting it, for Backspace, Delete, a replaced selection and a cut', () => {
    const room = new TestRoom(['The plan is reviewed every year by the team.']);
    const jean = room.join('jean', 'commenter', 20);
    const other = room.join('roy', 'editor', 30);
    jean.act(caret(at(jean, ' year')));
    for (let i = 0; i < 5; i += 1) jean.act(backspace); // "every" then nothing more: caret moves left
    jean.act(caret(at(jean, 'the team')));
    jean.act(forwardDelete);
    jean.act(forwardDelete);
    expect(shown(jean)).toBe('The plan is reviewed [-every|jean] year by [-th|jean]e team.');
    const plan = at(jean, 'plan');
    jean.act(select(plan, plan + 4));
    jean.act(typeText('project'));
    const reviewed = at(jean, 'reviewed');
    jean.act(select(reviewed, reviewed + 8));
    jean.act((state) => state.tr.deleteSelection()); // a cut
    room.sync();
    expect(room.refusals()).toEqual([]);
    expect(shown(jean)).toBe('The [-plan|jean][+project|jean] is [-reviewed|jean] [-every|jean] year by [-th|jean]e team.');
    // Everyone sees the same proposals; the text itself is untouched until someone decides.
    expect(shown(other)).toBe(shown(jean));
    expect(other.text).toBe('The planproject is reviewed every year by the team.');
    // Five Backspaces over "every" are one proposal, as are two Deletes.
    expect(ids(jean).size).toBe(5);
  });

  it('withdraws one’s own pending text for real, and leaves other people’s suggestions alone', () => {
    const room = new TestRoom(['Care at home.']);
    const jean = room.join('jean', 'commenter', 20);
    const sam = room.join('sam', 'commenter', 21);
    jean.act(caret(at(jean, ' home')));
    jean.act(typeText(' mostly'));
    room.sync();
    // Sam tries to delete Jean's proposal: nothing changes, Sam is told why.
    sam.act(select(at(sam, ' mostly'), at(sam, ' mostly') + 7));
    sam.act(forwardDelete);
    expect(sam.notices).toEqual(['othersSuggestion']);
    // Jean takes back "ly" and part of it again with Backspace: those characters really go.
    jean.act(caret(at(jean, ' home')));
    jean.act(backspace);
    jean.act(backspace);
    room.sync();
    expect(room.refusals()).toEqual([]);
    expect(shown(sam)).toBe('Care at[+ most|jean] home.');
    expect(shown(jean)).toBe(shown(sam));
  });

  it('blocks new paragraphs, formatting and new nodes without sending anything', () => {
    const room = new TestRoom(['First line.', 'Second line.']);
    const jean = room.join('jean', 'commenter', 20);
    const before = Y.encodeStateAsUpdate(room.doc);
    jean.act(caret(at(jean, 'line.')));
    jean.command((editor) => editor.commands.splitBlock());
    jean.act(select(at(jean, 'First'), at(jean, 'First') + 5));
    jean.command((editor) => editor.commands.toggleBold());
    jean.act(caret(at(jean, 'line.')));
    jean.command((editor) => editor.commands.setHardBreak());
    jean.act((state) => state.tr.replaceSelection(new Slice(Fragment.fromArray([state.schema.node('paragraph', null, state.schema.text('a')), state.schema.node('paragraph', null, state.schema.text('b'))]), 1, 1)));
    expect(jean.notices).toEqual(['structure', 'formatting', 'structure', 'structure']);
    // Backspace at the start of a paragraph does not join it to the one before: the caret moves there.
    jean.act(caret(at(jean, 'Second', 1)));
    jean.command((editor) => editor.commands.joinBackward());
    expect(jean.state.selection.from).toBe(at(jean, 'First line.') + 'First line.'.length);
    expect(jean.notices).toHaveLength(4);
    expect(jean.send()).toEqual([]);
    expect(jean.text).toBe('First line.Second line.');
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
  });

  it('marks a deletion across paragraphs in each of them, keeping the paragraphs', () => {
    const room = new TestRoom(['Walk every day.', 'Swim on Sundays.']);
    const jean = room.join('jean', 'commenter', 20);
    jean.act(select(at(jean, 'day.'), at(jean, ' on Sundays', 1)));
    jean.act(backspace);
    room.sync();
    expect(room.refusals()).toEqual([]);
    expect(shown(jean, 0)).toBe('Walk every [-day.|jean]');
    expect(shown(jean, 1)).toBe('[-Swim|jean] on Sundays.');
    expect(ids(jean).size).toBe(1);
  });

  it('never writes what other plugins add on their own (an empty last line after a heading)', () => {
    const room = new TestRoom(['Plan']);
    const seed = new Y.Doc();
    Y.applyUpdate(seed, Y.encodeStateAsUpdate(room.doc));
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Next steps')]);
    seed.getXmlFragment('default').push([heading]);
    Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(seed));
    const jean = room.join('jean', 'commenter', 20);
    jean.act(caret(at(jean, 'Plan') + 4));
    jean.act(typeText(' of care'));
    room.sync();
    expect(room.refusals()).toEqual([]);
    expect(shown(jean)).toBe('Plan[+ of care|jean]');
    // Tiptap adds an empty last line after a heading; a commenter's editor does not.
    expect(jean.state.doc.lastChild?.type.name).toBe('heading');
  });

  it('accepts pasted text inside a paragraph as one insertion, without the pasted formatting', () => {
    const room = new TestRoom(['Meet on Monday.']);
    const jean = room.join('jean', 'commenter', 20);
    jean.act(caret(at(jean, '.')));
    jean.act((state) => {
      const bold = state.schema.marks.bold!.create();
      const pasted = state.schema.node('paragraph', null, [state.schema.text(' or ', [bold]), state.schema.text('Tuesday')]);
      return state.tr.replaceSelection(new Slice(Fragment.from(pasted), 1, 1));
    });
    room.sync();
    expect(room.refusals()).toEqual([]);
    expect(shown(jean)).toBe('Meet on Monday[+ or Tuesday|jean].');
  });

  it('would be refused by the server if the same typing went in as a direct edit (4422)', () => {
    const room = new TestRoom(['Hello world']);
    const jean = room.join('jean', 'commenter', 20);
    // Suggestion mode switched off behind the editor's back: the typing goes in unmarked.
    jean.editor.storage.suggestionMode.settings = { ...jean.editor.storage.suggestionMode.settings!, onlySuggest: false };
    jean.act(caret(at(jean, ' world')));
    jean.act(typeText(' dear'));
    const [verdict] = jean.send();
    expect(verdict).toMatchObject({ kind: 'reject', code: CLOSE_CODES.suggestionRefused });
    expect(room.doc.getXmlFragment('default').toString()).not.toContain('dear');
  });
});

describe('suggestion mode for editors', () => {
  it('is a toggle: suggestions while on, direct edits while off, and direct typing never joins a suggestion', () => {
    const room = new TestRoom(['Walk every day.']);
    const roy = room.join('roy', 'editor', 30);
    roy.setSuggesting(true);
    roy.act(caret(at(roy, ' day')));
    roy.act(typeText(' other'));
    roy.setSuggesting(false);
    roy.act(caret(at(roy, 'her')));
    roy.act(typeText('X'));
    roy.act(caret(at(roy, ' day')));
    roy.act(typeText('!'));
    expect(shown(roy)).toBe('Walk every[+ ot|roy]X[+her|roy]! day.');
  });
});

describe('writing edits to the shared document', () => {
  it('puts each typed or deleted character where it was typed, so it is credited to the right person', () => {
    const room = new TestRoom(['hello', 'a  b']);
    const roy = room.join('roy', 'editor', 30);
    roy.act(caret(at(roy, 'llo')));
    roy.act(typeText('l')); // before an identical "l"
    roy.act(caret(at(roy, ' b', 1)));
    roy.act(backspace); // one of two identical spaces
    room.sync();
    const clientsOf = (paragraph: number) => {
      const text = (room.doc.getXmlFragment('default').get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
      const out: string[] = [];
      for (let item = text._start; item !== null; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentString) for (const char of item.content.str) out.push(`${char}${item.id.client === 30 ? '*' : ''}`);
      }
      return out.join('');
    };
    expect(clientsOf(0)).toBe('hel*llo');
    // The first space was deleted, as the caret was after it: the deleted item is the seed's first.
    expect(clientsOf(1)).toBe('a b');
    const second = (room.doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const deletedClock = [...Y.createDeleteSetFromStructStore(room.doc.store).clients.get(1) ?? []].map((r) => r.clock);
    expect(deletedClock).toContain((second._start as Y.Item).id.clock + 1);
  });
});
