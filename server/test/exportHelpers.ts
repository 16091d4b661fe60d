/** Helpers for the export tests: raw (non-JSON) downloads and edits made like the editor's. */
import * as Y from 'yjs';
import type { TestServer } from './testServer';
import { waitFor } from './testServer';

export interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  text: string;
}

export async function download(server: TestServer, documentId: string, query: string, token?: string): Promise<Download> {
  const res = await fetch(`${server.url}/api/documents/${documentId}/export${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, contentType: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
}

/** Waits until the server has durably stored at least `seq` updates of the document. */
export async function storedUpTo(server: TestServer, documentId: string, seq: number): Promise<void> {
  const start = Date.now();
  while ((await server.store.latestSeq(documentId)) < seq) {
    if (Date.now() - start > 10_000) throw new Error(`Timed out waiting for update ${seq} of ${documentId}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function findElement(doc: Y.Doc, nodeName: string): Y.XmlElement {
  const [found] = doc.getXmlFragment('default').createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === nodeName);
  if (!found) throw new Error(`No ${nodeName} in the document`);
  return found as Y.XmlElement;
}

/** Types into an empty paragraph the way y-tiptap does: the paragraph gets one Y.XmlText. */
export function typeInto(paragraph: Y.XmlElement, text: string, attributes?: Record<string, unknown>): void {
  const ytext = new Y.XmlText();
  paragraph.insert(paragraph.length, [ytext]);
  ytext.insert(0, text, attributes);
}

export async function seesElement(doc: Y.Doc, nodeName: string): Promise<void> {
  await waitFor(() => [...doc.getXmlFragment('default').createTreeWalker((n) => n instanceof Y.XmlElement && n.nodeName === nodeName)].length > 0, nodeName);
}
