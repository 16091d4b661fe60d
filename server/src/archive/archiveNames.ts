/**
 * Names in a pseudonymous archive: "Member 3 — family caregiver" ("Membre 3 — proche aidant·e"),
 * in the exporting owner's language. The role is the one the person holds in this workspace,
 * which everyone in it already sees, so naming it tells the archive's reader nothing new.
 */
import type { Language, Role } from '../../../shared/src/index';
import { roleLabel } from '../privacy/pseudonym';

const MEMBER: Record<Language, (n: number) => string> = {
  en: (n) => `Member ${n}`,
  fr: (n) => `Membre ${n}`,
};

export function archivePseudonym(n: number, role: Role | null, language: Language): string {
  const base = MEMBER[language](n);
  return role ? `${base} — ${roleLabel(role, language)}` : base;
}

/** What a goal block written by someone outside the archive's member list is shown under. */
export function unknownAuthor(language: Language): string {
  return language === 'fr' ? 'Une personne' : 'Someone';
}
