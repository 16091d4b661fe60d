import { describe, expect, it } from 'vitest';
import { exceptionsFor } from './documentExceptions';

const overview = {
  documents: [
    { id: 'crisis', title: 'Crisis plan', archived: false, restricted: true, people: [{ userId: 'ana', permission: 'owner' as const }, { userId: 'bob', permission: 'editor' as const }] },
    { id: 'care', title: 'Care plan', archived: true, restricted: false, people: [{ userId: 'bob', permission: 'commenter' as const }, { userId: 'eve', permission: 'editor' as const }] },
  ],
};

describe('per-document exceptions of a member', () => {
  it('says which documents leave someone out or give them another permission, and nothing else', () => {
    expect(exceptionsFor(overview, { userId: 'bob', permission: 'editor' })).toEqual([
      { documentId: 'care', title: 'Care plan', archived: true, permission: 'commenter' },
    ]);
    expect(exceptionsFor(overview, { userId: 'carl', permission: 'viewer' })).toEqual([
      { documentId: 'crisis', title: 'Crisis plan', archived: false, permission: null },
    ]);
    // On the list with the same permission as in the workspace: nothing to say.
    expect(exceptionsFor(overview, { userId: 'eve', permission: 'editor' })).toEqual([
      { documentId: 'crisis', title: 'Crisis plan', archived: false, permission: null },
    ]);
    expect(exceptionsFor(overview, { userId: 'ana', permission: 'owner' })).toEqual([]);
    expect(exceptionsFor({ documents: [] }, { userId: 'ana', permission: 'owner' })).toEqual([]);
  });
});
