/** Decision positions as a contribution source: how many positions each member took on a document's decisions. */
import type { ContributionSource } from '../attribution/attributionService';
import type { DecisionStore } from './decisionStore';

export function positionContributions(decisions: Pick<DecisionStore, 'listDocumentEntries'>): ContributionSource {
  return {
    name: 'positions',
    async countsFor(documentId) {
      const counts = new Map<string, number>();
      for (const entry of await decisions.listDocumentEntries(documentId)) {
        if (entry.kind === 'position') counts.set(entry.authorId, (counts.get(entry.authorId) ?? 0) + 1);
      }
      return counts;
    },
  };
}
