/**
 * Pseudonymous archives must not carry names inside the content's history. The only names the
 * product itself writes into documents are negotiated goal blocks' `expressedByName` attribute
 * (ADR 0003); this rewrites that attribute's values in every logged update, in place, keeping
 * each item's id, length and position, so the rewritten log replays to the same document with
 * other names and per-character attribution is unchanged (ADR 0007).
 *
 * Yjs writes a map entry's key (and its element) only on the first value; a later value of the
 * same key names the previous value as its origin. So values are recognised across the whole
 * log, in order, and each name is replaced by the archive name of the member the same block's
 * `expressedBy` attribute names.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';

const GOAL_NAME_KEY = 'expressedByName';
const GOAL_AUTHOR_KEY = 'expressedBy';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * Follows the values of one attribute key through a log: the first value of a key on an
 * element carries the key and the element; each later value names the previous one as origin.
 */
class AttributeValues {
  /** Value item id -> the id of the element it belongs to. */
  private readonly elementOf = new Map<string, string>();

  /** The element a value item belongs to, or null when it is not a value of this key. */
  match(struct: Struct, attribute: string): string | null {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) return null;
    let element: string | null = null;
    if (struct.parentSub === attribute && struct.parent instanceof Y.ID) element = key(struct.parent.client, struct.parent.clock);
    else if (struct.origin !== null) element = this.elementOf.get(key(struct.origin.client, struct.origin.clock)) ?? null;
    if (element === null) return null;
    for (let i = 0; i < struct.length; i++) this.elementOf.set(key(struct.id.client, struct.id.clock + i), element);
    return element;
  }
}

export class GoalNameRewriter {
  private readonly names = new AttributeValues();
  private readonly authors = new AttributeValues();
  /** Element -> the member id its goal names as author (the latest value in the log). */
  private readonly authorOf = new Map<string, string>();

  /** `rename(name, authorId)` gives the value to write instead of a goal's name. */
  constructor(private readonly rename: (name: unknown, authorId: string | null) => unknown) {}

  /** First pass, over the whole log in order: who each goal block names as its author. */
  learn(update: Uint8Array): void {
    for (const struct of Y.decodeUpdate(update).structs) {
      const element = this.authors.match(struct, GOAL_AUTHOR_KEY);
      const value = element !== null && struct instanceof Y.Item ? (struct.content as Y.ContentAny).arr.at(-1) : undefined;
      if (element !== null && typeof value === 'string') this.authorOf.set(element, value);
    }
  }

  /** Second pass, in the same order: the update with every goal name replaced; the same bytes when it holds none. */
  rewrite(update: Uint8Array): Uint8Array {
    const { structs, ds } = Y.decodeUpdate(update);
    let changed = false;
    for (const struct of structs) {
      const element = this.names.match(struct, GOAL_NAME_KEY);
      if (element === null || !(struct instanceof Y.Item)) continue;
      const authorId = this.authorOf.get(element) ?? null;
      const content = struct.content as Y.ContentAny;
      content.arr = content.arr.map((name) => this.rename(name, authorId));
      changed = true;
    }
    return changed ? encodeV1(structs, ds) : update;
  }
}

function key(client: number, clock: number): string {
  return `${client}:${clock}`;
}

/** Writes decoded structs and a delete set back in the update format V1 they came from. */
type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

function encodeV1(structs: DecodedUpdate['structs'], ds: DecodedUpdate['ds']): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const byClient = new Map<number, DecodedUpdate['structs']>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  encoding.writeVarUint(encoder.restEncoder, byClient.size);
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock);
    for (const struct of list) struct.write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, ds.clients.size);
  for (const [client, items] of ds.clients) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, items.length);
    for (const item of items) {
      encoder.writeDsClock(item.clock);
      encoder.writeDsLen(item.len);
    }
  }
  return encoder.toUint8Array();
}
