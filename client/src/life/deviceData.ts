/**
 * What this browser keeps, and how it is cleared. Documents' offline copies live in IndexedDB
 * (`ensemble-doc-<id>`, collab/localCopies.ts); a few screen preferences live in localStorage.
 * A sign-in marked "shared device" is remembered here, so that when its session ends in any way
 * (sign-out, 15 idle minutes, the browser closed) the next person finds nothing left behind.
 */
import { forgetLocalDocuments, LOCAL_COPY_PREFIX } from '../collab/localCopies';

const SHARED_KEY = 'ensemble.sharedDevice';
/** The interface language is a choice of the device, not of the person: it stays. */
const KEPT_KEYS = new Set(['ensemble.lang']);

export function isSharedDevice(): boolean {
  try {
    return localStorage.getItem(SHARED_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberSharedDevice(shared: boolean): void {
  try {
    if (shared) localStorage.setItem(SHARED_KEY, '1');
    else localStorage.removeItem(SHARED_KEY);
  } catch {
    // Storage unavailable: the server still ends the session; sign-out still clears the copies.
  }
}

/** How many documents have an offline copy in this browser (null when the browser cannot tell). */
export async function countLocalCopies(): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  try {
    const databases = await indexedDB.databases();
    return databases.filter((db) => db.name?.startsWith(LOCAL_COPY_PREFIX)).length;
  } catch {
    return null;
  }
}

/**
 * Removes the offline copies; on a shared device (or when `everything` is asked, after an
 * erasure) also the session's storage, Ensemble's saved preferences and any Cache Storage.
 */
export async function clearDeviceData(options: { everything?: boolean } = {}): Promise<void> {
  await forgetLocalDocuments();
  if (!options.everything && !isSharedDevice()) return;
  try {
    sessionStorage.clear();
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys) {
      if (key?.startsWith('ensemble.') && !KEPT_KEYS.has(key)) localStorage.removeItem(key);
    }
  } catch {
    // Best effort: storage may be unavailable.
  }
  try {
    if (typeof caches !== 'undefined') {
      for (const name of await caches.keys()) await caches.delete(name);
    }
  } catch {
    // Cache Storage is unused today; clearing it is a precaution.
  }
}
