import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../../shared/src/index';
import type { UpdateVerdict } from '../sync/hooks';
import { validateSuggestion } from './validateSuggestion';

/** A room (the server's doc and client bindings) with an editor's paragraph, and named peers. */
function setup() {
  const room = new Y.Doc();
  const owners = new Map<number, string>();
  const peer = (clientID: number, member: string) => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    owners.set(clientID, member);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
    return doc;
  };
  const editor = peer(1, 'ed');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  editor.getXmlFragment('default').insert(0, [paragraph]);
  textOf(editor).insert(0, 'Hello world', { bold: {} });
  Y.applyUpdate(room, Y.encodeStateAsUpdate(editor));
  const check = (member: string, update: Uint8Array): UpdateVerdict =>
    validateSuggestion({ documentId: 'd', access: { memberId: member, sessionId: 's', canWrite: false, canSuggest: true, identity: {} }, clientOwner: (c) => owners.get(c) }, update, room);
  /** Runs a change on a peer and returns its update, and whether the room accepted it (applied then). */
  const send = (doc: Y.Doc, member: string, change: (text: Y.XmlText, doc: Y.Doc) => void) => {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
    const sv = Y.encodeStateVector(doc);
    change(textOf(doc), doc);
    const update = Y.encodeStateAsUpdate(doc, sv);
    const verdict = check(member, update);
    if (verdict.kind === 'accept') Y.applyUpdate(room, update);
    return verdict;
  };
  return { room, editor, peer, send, check };
}

const textOf = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
const mark = (author: string, kind: 'insert' | 'delete', id = `${author}-${kind}`) => ({ id, kind, author, at: '2026-01-01T00:00:00.000Z' });
const refused = (verdict: UpdateVerdict, reason: RegExp) => {
  expect(verdict.kind).toBe('reject');
  if (verdict.kind === 'reject') {
    expect(verdict.code).toBe(CLOSE_CODES.suggestionRefused);
    expect(verdict.reason).toMatch(reason);
  }
};

describe('validateSuggestion', () => {
  it('refuses plain text from a commenter, and leaves the room document untouched', () => {
    const { room, peer, send } = setup();
    const before = Y.encodeStateAsUpdate(room);
    refused(send(peer(2, 'jean'), 'jean', (t) => t.insert(5, ' there')), /own suggested insertion/);
    expect(Y.encodeStateAsUpdate(room)).toEqual(before);
  });

  it('accepts a suggested insertion and a suggested deletion in the sender’s name', () => {
    const { room, peer, send } = setup();
    const jean = peer(2, 'jean');
    expect(send(jean, 'jean', (t) => t.insert(5, ' dear', { bold: {}, suggestion: mark('jean', 'insert') })).kind).toBe('accept');
    expect(send(jean, 'jean', (t) => t.format(11, 5, { suggestion: mark('jean', 'delete') })).kind).toBe('accept');
    expect(textOf(room).toDelta()).toEqual([
      { insert: 'Hello', attributes: { bold: {} } },
      { insert: ' dear', attributes: { bold: {}, suggestion: mark('jean', 'insert') } },
      { insert: ' ', attributes: { bold: {} } },
      { insert: 'world', attributes: { bold: {}, suggestion: mark('jean', 'delete') } },
    ]);
  });

  it('refuses suggestions in someone else’s name, other marks and other content', () => {
    const { peer, send } = setup();
    // A refused peer still holds its change; a fresh one per attempt keeps the attempts independent.
    let clientID = 10;
    const jean = { get fresh() { return peer(clientID++, 'jean'); } };
    refused(send(jean.fresh, 'jean', (t) => t.insert(0, 'X', { bold: {}, suggestion: mark('ed', 'insert') })), /your own name/);
    refused(send(jean.fresh, 'jean', (t) => t.format(0, 5, { italic: {} })), /formatting/);
    refused(send(jean.fresh, 'jean', (t) => t.format(0, 5, { bold: null })), /formatting/);
    refused(send(jean.fresh, 'jean', (t) => t.format(0, 5, { suggestion: mark('jean', 'insert') })), /own suggested deletion/);
    refused(send(jean.fresh, 'jean', (t) => t.delete(0, 2)), /written by someone else/);
    refused(send(jean.fresh, 'jean', (_t, d) => d.getXmlFragment('default').insert(1, [new Y.XmlElement('paragraph')])), /new blocks/);
    refused(send(jean.fresh, 'jean', (_t, d) => (d.getXmlFragment('default').get(0) as Y.XmlElement).setAttribute('textAlign', 'center')), /attributes/);
    refused(send(jean.fresh, 'jean', (t) => t.insert(0, 'X', { bold: {}, suggestion: { ...mark('jean', 'insert'), extra: 1 } })), /malformed/);
    refused(send(jean.fresh, 'jean', (_t, d) => d.getText('other').insert(0, 'x')), /inside existing paragraphs/);
  });

  it('lets a commenter withdraw their own pending text, but not text of theirs already accepted', () => {
    const { peer, send, editor, room } = setup();
    const jean = peer(2, 'jean');
    expect(send(jean, 'jean', (t) => t.insert(11, '!!', { bold: {}, suggestion: mark('jean', 'insert') })).kind).toBe('accept');
    expect(send(jean, 'jean', (t) => t.delete(12, 1)).kind).toBe('accept');
    // The editor accepts the rest: the mark goes, the text becomes ordinary content.
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(room));
    const sv = Y.encodeStateVector(editor);
    textOf(editor).format(11, 1, { suggestion: null });
    Y.applyUpdate(room, Y.encodeStateAsUpdate(editor, sv));
    refused(send(jean, 'jean', (t) => t.delete(11, 1)), /still pending/);
    expect(textOf(room).toDelta()).toEqual([{ insert: 'Hello world!', attributes: { bold: {} } }]);
  });

  it('protects other people’s suggestions while letting one suggest inside them', () => {
    const { peer, send, room } = setup();
    const [jean, sam] = [peer(2, 'jean'), peer(3, 'sam')];
    expect(send(jean, 'jean', (t) => t.insert(5, ' dear', { bold: {}, suggestion: mark('jean', 'insert') })).kind).toBe('accept');
    expect(send(sam, 'sam', (t) => t.insert(7, 'x', { bold: {}, suggestion: mark('sam', 'insert') })).kind).toBe('accept');
    expect(textOf(room).toDelta().map((op: { insert: string }) => op.insert)).toEqual(['Hello', ' d', 'x', 'ear', ' world']);
    refused(send(peer(5, 'sam'), 'sam', (t) => t.format(5, 2, { suggestion: null })), /someone else’s suggestion/);
    refused(send(peer(6, 'sam'), 'sam', (t) => t.format(5, 2, { suggestion: mark('sam', 'delete') })), /someone else’s suggestion/);
    refused(send(peer(7, 'sam'), 'sam', (t) => t.delete(5, 1)), /written by someone else/);
    refused(send(peer(8, 'sam'), 'sam', (t) => t.insert(0, 'y', { bold: {}, suggestion: mark('sam', 'insert', 'jean-insert') })), /already used/);
  });

  it('drops an update that changes nothing, and refuses one that depends on missing changes', () => {
    const { peer, check, room } = setup();
    const jean = peer(2, 'jean');
    expect(check('jean', Y.encodeStateAsUpdate(jean)).kind).toBe('drop');
    const ahead = new Y.Doc();
    ahead.clientID = 2;
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(room));
    const t = textOf(ahead);
    t.insert(0, 'a', { bold: {}, suggestion: mark('jean', 'insert') });
    const sv = Y.encodeStateVector(ahead);
    t.insert(1, 'b', { bold: {}, suggestion: mark('jean', 'insert') });
    refused(check('jean', Y.encodeStateAsUpdate(ahead, sv)), /does not have/);
  });

  it('accepts the formatting clean-up every Yjs client runs after concurrent formatting', () => {
    const { room, peer, check, editor } = setup();
    const roy = peer(4, 'roy');
    Y.applyUpdate(roy, Y.encodeStateAsUpdate(room));
    textOf(editor).format(0, 5, { italic: {} });
    textOf(roy).format(0, 5, { italic: {} });
    const jean = peer(2, 'jean');
    const sent: Uint8Array[] = [];
    jean.on('update', (u: Uint8Array, origin: unknown) => origin === null && sent.push(u));
    for (const doc of [editor, roy]) {
      const u = Y.encodeStateAsUpdate(doc);
      Y.applyUpdate(room, u);
      Y.applyUpdate(jean, u, 'remote');
    }
    expect(sent.length).toBeGreaterThan(0);
    for (const u of sent) expect(['accept', 'drop']).toContain(check('jean', u).kind);
  });
});
