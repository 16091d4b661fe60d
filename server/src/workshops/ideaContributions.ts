/**
 * Ideas count in their authors' contribution record. They are counted on the workshop's record
 * document (the summary), the lasting trace of the workshop: its contributions panel then shows,
 * next to who wrote the text, how many ideas each person brought. A count says that someone
 * contributed, never which idea is theirs, so anonymity in the room is kept.
 */
import type { ContributionSource } from '../attribution/attributionService';
import type { WorkshopStore } from './workshopStore';

export function ideaContributions(workshops: Pick<WorkshopStore, 'cardCountsBySummary'>): ContributionSource {
  return { name: 'ideas', countsFor: (documentId) => workshops.cardCountsBySummary(documentId) };
}
