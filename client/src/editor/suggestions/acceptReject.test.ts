/**
 * Accepting and rejecting suggestions as ordinary, attributed edits: real Tiptap editors, their
 * Y.Docs and the server's real validateSuggestion on every update a commenter sends (see
 * suggestionMode.test.ts for the suggestion mode itself).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { at, backspace, caret, forwardDelete, ids, openIdOf, select, shown, typeText } from './testEdits';
import { TestRoom } from './testRoom';

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
