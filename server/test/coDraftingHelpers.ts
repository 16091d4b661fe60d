/**
 * Shared set-up of the comments, suggestions and review-round tests: the decision tests' team
 * (owner, editor, commenter, viewer, facilitator, outsider) and stock clients editing the
 * editor's content (XmlFragment 'default': paragraph elements holding Y.XmlText, as y-tiptap).
 */
import * as Y from 'yjs';
import { api, connectClient, synced, waitFor, type TestClient, type TestServer } from './testServer';

export const mark = (author: string, kind: 'insert' | 'delete', id: string) => ({ id, kind, author, at: '2026-02-01T10:00:00.000Z' });

/** A text's characters without its marks (Y.XmlText.toString renders marks as tags). */
export const plainOf = (text: Y.XmlText): string => (text.toDelta() as Array<{ insert: string }>).map((op) => op.insert).join('');

export function paragraphs(client: TestClient): Y.XmlText[] {
  return client.doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => (p as Y.XmlElement).get(0) as Y.XmlText);
}

export function firstText(client: TestClient): Y.XmlText {
  const text = paragraphs(client)[0];
  if (!text) throw new Error('no paragraph yet');
  return text;
}

/** Plain text of every paragraph, one per line, as a person reads it (marks ignored). */
export function plain(client: TestClient): string {
  return paragraphs(client).map(plainOf).join('\n');
}

/** Opens a stock client and waits until it has synced. */
export async function openClient(server: TestServer, documentId: string, token: string, clients: TestClient[], params: Record<string, string> = {}): Promise<TestClient> {
  const client = connectClient(server.wsUrl, documentId, token, params);
  clients.push(client);
  await synced(client);
  return client;
}

/** The editor writes one paragraph of text; resolves once the server stored it. */
export async function writeParagraph(server: TestServer, editor: TestClient, documentId: string, text: string): Promise<void> {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = editor.doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
  await waitFor(async () => (await server.store.latestSeq(documentId)) > 0 && (await storedText(server, documentId)).includes(text), 'paragraph stored');
}

/** The document as stored (checkpoint plus log), read as plain text. */
export async function storedText(server: TestServer, documentId: string): Promise<string> {
  const { checkpoint, tail } = await server.store.loadDocumentState(documentId);
  const doc = new Y.Doc();
  if (checkpoint) Y.applyUpdate(doc, checkpoint.state);
  for (const entry of tail) Y.applyUpdate(doc, entry.update);
  const text = doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => plainOf((p as Y.XmlElement).get(0) as Y.XmlText))
    .join('\n');
  doc.destroy();
  return text;
}

/** A relative-position anchor around `quote` in a Y.XmlText, base64-encoded as the API takes it. */
export function anchorIn(text: Y.XmlText, quote: string): { start: string; end: string; quote: string } {
  const index = plainOf(text).indexOf(quote);
  if (index < 0) throw new Error(`quote not found: ${quote}`);
  const encode = (i: number) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i))).toString('base64');
  return { start: encode(index), end: encode(index + quote.length), quote };
}

/** The text an anchor covers now, resolved in a client's document. */
export function resolveAnchor(doc: Y.Doc, anchor: { start: string; end: string }): string {
  const absolute = (b64: string) => Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(new Uint8Array(Buffer.from(b64, 'base64'))), doc);
  const start = absolute(anchor.start);
  const end = absolute(anchor.end);
  if (!start || !end || start.type !== end.type) throw new Error('anchor did not resolve');
  return plainOf(start.type as Y.XmlText).slice(start.index, end.index);
}

export const comment = (server: TestServer, token: string, documentId: string, body: Record<string, unknown>) =>
  api(server.url, 'POST', `/api/documents/${documentId}/comments`, { token, body });

/** Resolves with the close code the server ends a client's connection with. */
export function closeCode(client: TestClient): Promise<number> {
  return new Promise((resolve) => client.provider.on('connection-close', (event: CloseEvent | null) => event && resolve(event.code)));
}
