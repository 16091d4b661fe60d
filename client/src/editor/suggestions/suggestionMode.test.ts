/**
 * Suggestion mode end to end without a browser: real Tiptap editors with the app's extensions,
 * their Y.Docs, y-tiptap's own diff, and the server's real validateSuggestion on every update a
 * commenter sends. A refusal would close a commenter's connection (4422), so every test also
 * checks that none happened unless it is the point of the test.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Fragment, Slice } from '@tiptap/pm/model';
import { TextSelection, type EditorState } from '@tiptap/pm/state';
import { CLOSE_CODES, SUGGESTION_MARK } from '../../../../shared/src/index';
import { TestRoom, type TestPerson } from './testRoom';

/** The text of the first paragraph as runs: plain text, [+inserted by author] and [-deleted by author]. */
function shown(person: TestPerson, paragraph = 0): string {
  let out = '';
  person.state.doc.child(paragraph).forEach((node) => {
    const mark = node.marks.find((m) => m.type.name === SUGGESTION_MARK);
    const text = node.text ?? '';
    out += mark ? `[${mark.attrs.kind === 'insert' ? '+' : '-'}${text}|${mark.attrs.author}]` : text;
  });
  return out;
}

/** Where `text` starts in the first paragraph (a document position). */
function at(person: TestPerson, text: string, paragraph = 0): number {
  let start = 1;
  for (let i = 0; i < paragraph; i += 1) start += person.state.doc.child(i).nodeSize;
  const offset = person.state.doc.child(paragraph).textContent.indexOf(text);
  if (offset < 0) throw new Error(`“${text}” is not in the paragraph`);
  return start + offset;
}

const caret = (pos: number) => (state: EditorState) => state.tr.setSelection(TextSelection.create(state.doc, pos));
const typeText = (text: string) => (state: EditorState) => state.tr.insertText(text, state.selection.from, state.selection.to);
/** What the browser's Backspace does in the middle of a line (one character before the caret). */
const backspace = (state: EditorState) => state.tr.delete(state.selection.empty ? state.selection.from - 1 : state.selection.from, state.selection.to);
const forwardDelete = (state: EditorState) => state.tr.delete(state.selection.from, state.selection.empty ? state.selection.from + 1 : state.selection.to);
const select = (from: number, to: number) => (state: EditorState) => state.tr.setSelection(TextSelection.create(state.doc, from, to));

function ids(person: TestPerson): Set<string> {
  const found = new Set<string>();
  person.state.doc.descendants((node) => {
    const mark = node.marks.find((m) => m.type.name === SUGGESTION_MARK);
    if (mark) found.add(mark.attrs.id as string);
  });
  return found;
}

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

describe('accepting and rejecting', () => {
  it('accepts an insertion and rejects a deletion as ordinary edits, and everyone converges', () => {
    const room = new TestRoom(['Users are consulted every year.']);
    const jean = room.join('jean', 'commenter', 20);
    const roy = room.join('roy', 'editor', 30);
    const ann = room.join('ann', 'editor', 31);
    jean.act(caret(at(jean, 'consulted')));
    jean.act(typeText('regularly '));
    jean.act(select(at(jean, ' every year'), at(jean, '.')));
    jean.act(forwardDelete);
    room.sync();
    expect(shown(roy)).toBe('Users are [+regularly |jean]consulted[- every year|jean].');
    // A commenter cannot decide, not even her own suggestion.
    expect(jean.editor.commands.acceptSuggestion(openIdOf(jean, 'insert'))).toBe(false);
    roy.command((editor) => editor.commands.acceptSuggestion(openIdOf(roy, 'insert')));
    roy.command((editor) => editor.commands.rejectSuggestion(openIdOf(roy, 'delete')));
    // The decisions are Roy's own edits, sent on his connection (the server logs them under his
    // name): anything new in them is written under his client id.
    expect(roy.send().length).toBeGreaterThan(0);
    const decoded = room.verdicts.filter((v) => v.member === 'roy').map((v) => Y.decodeUpdate(v.update));
    expect(decoded.some((u) => u.structs.length > 0 || u.ds.clients.size > 0)).toBe(true);
    for (const u of decoded) for (const struct of u.structs) expect(struct.id.client).toBe(roy.ydoc.clientID);
    room.sync();
    expect(room.refusals()).toEqual([]);
    for (const person of [jean, roy, ann]) expect(shown(person)).toBe('Users are regularly consulted every year.');
  });

  it('merges concurrent suggestions by two commenters and an editor’s typing, then accepts all at once', () => {
    const room = new TestRoom(['We meet on Monday at the clinic.']);
    const jean = room.join('jean', 'commenter', 20);
    const sam = room.join('sam', 'commenter', 21);
    const roy = room.join('roy', 'editor', 30);
    // All three change the same sentence before hearing from each other.
    jean.act(caret(at(jean, '.')));
    jean.act(typeText(' or at home'));
    sam.act(select(at(sam, 'Monday'), at(sam, 'Monday') + 6));
    sam.act(typeText('Friday'));
    roy.act(caret(at(roy, 'clinic')));
    roy.act(typeText('new '));
    room.sync();
    room.sync();
    expect(room.refusals()).toEqual([]);
    const expected = 'We meet on [-Monday|sam][+Friday|sam] at the new clinic[+ or at home|jean].';
    for (const person of [jean, sam, roy]) expect(shown(person)).toBe(expected);
    roy.command((editor) => editor.commands.decideAllSuggestions('accept'));
    room.sync();
    for (const person of [jean, sam, roy]) expect(shown(person)).toBe('We meet on Friday at the new clinic or at home.');
  });

  it('accepts the usual crossings: typing inside text being struck, deleting beside new text, two insertions side by side', () => {
    const room = new TestRoom(['The nurse comes every morning at eight.']);
    const jean = room.join('jean', 'commenter', 20);
    const sam = room.join('sam', 'commenter', 21);
    const roy = room.join('roy', 'editor', 30);
    const morning = at(jean, 'every morning');
    jean.act(select(morning, morning + 'every morning'.length));
    jean.act(forwardDelete);
    roy.act(caret(at(roy, 'morning') + 3));
    roy.act(typeText('XX'));
    sam.act(caret(at(sam, ' at eight')));
    sam.act(typeText(' (weekdays)'));
    room.sync();
    roy.act(select(at(roy, 'nurse'), at(roy, 'nurse') + 6));
    roy.act(forwardDelete);
    jean.act(caret(at(jean, ' at eight')));
    jean.act(typeText(' or nine'));
    sam.act(caret(at(sam, '.')));
    sam.act(typeText(' sharp'));
    room.sync();
    room.sync();
    expect(room.refusals()).toEqual([]);
    for (const person of [jean, sam]) expect(shown(person)).toBe(shown(roy));
    // Yjs merges Roy's "XX", typed inside the words Jean was striking at the same moment, into her
    // struck range: everyone sees the same, and an editor decides.
    expect(shown(roy)).toBe('The comes [-every morXXning|jean][+ (weekdays)|sam][+ or nine|jean] at eight[+ sharp|sam].');
  });

  it('keeps every random edit acceptable to the server, one person after another, for several seeds', () => {
    // Each edit reaches the room before the next person acts. (Edits crossing in flight are
    // covered by the test above; some crossings of formatting are refused by the server's
    // check, see docs/adr/0005-suggestions.md.)
    for (const seed of [1, 2, 20261123]) {
      let value = seed;
      const random = () => (value = (value * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const room = new TestRoom(['aab aab baa abba', 'la la land all']);
      const people = [room.join('jean', 'commenter', 20), room.join('sam', 'commenter', 21), room.join('roy', 'editor', 30)];
      for (let round = 0; round < 20; round += 1) {
        for (const person of people) {
          const paragraph = Math.floor(random() * 2);
          const start = paragraph === 0 ? 1 : person.state.doc.child(0).nodeSize + 1;
          const length = person.state.doc.child(paragraph).content.size;
          const pos = start + Math.floor(random() * (length + 1));
          person.act(caret(pos));
          const choice = random();
          if (choice < 0.45) person.act(typeText(['a', 'b', ' ', 'la', 'a '][Math.floor(random() * 5)]!));
          else if (choice < 0.7 && pos > start) person.act(backspace);
          else if (choice < 0.85 && pos < start + length) person.act(forwardDelete);
          else if (choice < 0.9 && person.permission === 'commenter') {
            // From somewhere in the first paragraph to somewhere in the second (for an editor,
            // that would join them).
            const firstEnd = person.state.doc.child(0).nodeSize - 1;
            const secondStart = firstEnd + 2;
            const a = 1 + Math.floor(random() * firstEnd);
            const b = secondStart + Math.floor(random() * (person.state.doc.child(1).content.size + 1));
            person.act(select(a, b));
            person.act(backspace);
          } else if (pos < start + length) {
            person.act(select(pos, Math.min(start + length, pos + 3)));
            person.act(typeText('b'));
          }
          room.sync();
        }
      }
      expect(room.refusals(), `seed ${seed}`).toEqual([]);
      const [first, ...rest] = people.map((p) => p.state.doc.toJSON());
      for (const other of rest) expect(other, `seed ${seed}`).toEqual(first);
      // Whatever was proposed, accepting everything leaves no suggestion behind, everywhere.
      people[2]!.command((editor) => editor.commands.decideAllSuggestions('accept'));
      room.sync();
      for (const person of people) expect(ids(person).size, `seed ${seed}`).toBe(0);
    }
  }, 120_000);
});

function openIdOf(person: TestPerson, kind: 'insert' | 'delete'): string {
  let found: string | null = null;
  person.state.doc.descendants((node) => {
    const mark = node.marks.find((m) => m.type.name === SUGGESTION_MARK && m.attrs.kind === kind);
    if (mark && !found) found = mark.attrs.id as string;
  });
  if (!found) throw new Error(`no ${kind} suggestion`);
  return found;
}
