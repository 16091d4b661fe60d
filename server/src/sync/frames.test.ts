import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MalformedFrameError, decodeFrame, encodeSaved, encodeSyncStep1, encodeSyncUpdate } from './frames';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, stampIdentity } from './awarenessGuard';

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

/** Every kind of change the editor makes: text, formatting, maps, arrays, XML, nested types. */
function realisticUpdates(clientId: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  text.insert(0, 'hello world');
  text.insert(5, ' there');
  text.delete(2, 3);
  text.format(0, 4, { bold: true });
  doc.getMap('m').set('k', { x: [1, 2] });
  doc.getArray('a').insert(0, [1, 'two', new Uint8Array([3])]);
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('prosemirror').insert(0, [paragraph]);
  paragraph.insert(0, [new Y.XmlText('xml text')]);
  const nested = new Y.Map<string>();
  doc.getMap('m').set('nested', nested);
  nested.set('a', 'b');
  updates.push(Y.encodeStateAsUpdate(doc));
  return updates;
}

describe('decodeFrame', () => {
  it('decodes sync step 1, updates and awareness queries', () => {
    expect(decodeFrame(encodeSyncStep1(Y.encodeStateVector(new Y.Doc()))).kind).toBe('sync-step1');
    const frame = decodeFrame(encodeSyncUpdate(update('hi')));
    expect(frame).toMatchObject({ kind: 'update', empty: false });
    expect(decodeFrame(encodeSyncUpdate(Y.encodeStateAsUpdate(new Y.Doc())))).toMatchObject({ kind: 'update', empty: true });
    expect(decodeFrame(new Uint8Array([3])).kind).toBe('query-awareness');
  });

  it('rejects truncated updates, unknown types and trailing bytes', () => {
    const full = encodeSyncUpdate(update('hello world'));
    expect(() => decodeFrame(full.slice(0, full.length - 3))).toThrow(MalformedFrameError);
    expect(() => decodeFrame(new Uint8Array([77]))).toThrow(/unknown message type/);
    expect(() => decodeFrame(new Uint8Array([...full, 1]))).toThrow(/trailing bytes/);
    expect(() => decodeFrame(new Uint8Array([0, 9, 0]))).toThrow(/unknown sync step/);
    expect(() => decodeFrame(new Uint8Array([]))).toThrow(MalformedFrameError);
  });

  it('rejects an update whose content does not decode', () => {
    const bad = update('abc');
    // Corrupt the bytes after the header: decoding must fail, never half-succeed.
    const corrupted = bad.map((b, i) => (i > 3 ? 0xff : b));
    expect(() => decodeFrame(encodeSyncUpdate(corrupted))).toThrow(MalformedFrameError);
  });

  it('accepts only mutated updates that Yjs can integrate (references into the own history, empty deletions)', () => {
    // Two client ids: how many bytes an id takes changes what a mutation hits.
    const bases = [...realisticUpdates(1269359334), ...realisticUpdates(7)];
    let seed = 20261123;
    const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    let accepted = 0;
    const notIntegrable: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const mutated = Uint8Array.from(bases[Math.floor(random() * bases.length)] as Uint8Array);
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
        const at = Math.floor(random() * mutated.length);
        mutated[at] = random() < 0.5 ? Math.floor(random() * 256) : ((mutated[at] as number) + (random() < 0.5 ? 1 : 255)) & 255;
      }
      try {
        decodeFrame(encodeSyncUpdate(mutated));
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedFrameError);
        continue;
      }
      accepted++;
      try {
        Y.applyUpdate(new Y.Doc(), mutated);
      } catch {
        notIntegrable.push(Buffer.from(mutated).toString('hex'));
      }
    }
    expect(accepted).toBeGreaterThan(2_000);
    expect(notIntegrable).toEqual([]);
  });

  it('refuses a deletion of nothing (Yjs keeps deletions it cannot apply yet and fails to re-encode an empty one)', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // deletions of one client
    encoding.writeVarUint(encoder, 1234);
    encoding.writeVarUint(encoder, 1); // one range
    encoding.writeVarUint(encoder, 5); // clock
    encoding.writeVarUint(encoder, 0); // length
    const empty = encoding.toUint8Array(encoder);
    expect(() => Y.applyUpdate(new Y.Doc(), empty)).toThrow();
    expect(() => decodeFrame(encodeSyncUpdate(empty))).toThrow(/empty deletion/);
  });

  it('encodes the saved acknowledgement as type 100', () => {
    expect(Array.from(encodeSaved(3, 42))).toEqual([100, 3, 42]);
  });
});

describe('awareness guard', () => {
  it('round-trips entries and stamps the authenticated identity over whatever the client said', () => {
    const entries = [
      { clientId: 7, clock: 2, state: { user: { name: 'Fake Doctor' }, cursor: 1 } },
      { clientId: 8, clock: 1, state: null },
    ];
    const decoded = decodeAwarenessUpdate(encodeAwarenessUpdate(entries));
    expect(decoded).toEqual(entries);
    const stamped = stampIdentity(decoded, { id: 'u1', name: 'Marie' });
    expect(stamped[0]!.state).toEqual({ user: { id: 'u1', name: 'Marie' }, cursor: 1 });
    expect(stamped[1]!.state).toBeNull();
  });

  it('rejects states that are not objects', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '[1,2]');
    expect(() => decodeAwarenessUpdate(encoding.toUint8Array(encoder))).toThrow(MalformedFrameError);
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 3, 0x7b]))).toThrow(MalformedFrameError);
  });
});
