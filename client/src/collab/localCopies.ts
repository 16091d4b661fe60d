/**
 * Offline copies of documents live in IndexedDB under `ensemble-doc-<documentId>`. They are
 * removed at sign-out so the next person on a shared computer cannot read them.
 */
export const LOCAL_COPY_PREFIX = 'ensemble-doc-';

export function localCopyName(documentId: string): string {
  return LOCAL_COPY_PREFIX + documentId;
}

export async function forgetLocalDocuments(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  try {
    const databases = await indexedDB.databases();
    await Promise.all(
      databases
        .map((db) => db.name)
        .filter((name): name is string => typeof name === 'string' && name.startsWith(LOCAL_COPY_PREFIX))
        .map(
          (name) =>
            new Promise<void>((resolve) => {
              const request = indexedDB.deleteDatabase(name);
              request.onsuccess = request.onerror = request.onblocked = () => resolve();
            }),
        ),
    );
  } catch {
    // Best effort: signing out must not fail because storage is unavailable.
  }
}
