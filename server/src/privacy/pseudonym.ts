/**
 * The name an erased account is shown under everywhere (ADR 0004): "Former member 3 — family
 * caregiver". The role is named only when the person held the same role in every workspace:
 * naming one of several roles would tell one workspace what they were in another (that they
 * received care somewhere, for example).
 */
import type { Language, Role } from '../../../shared/src/index';

const ROLE_LABELS: Record<Language, Record<Role, string>> = {
  en: {
    person: 'person receiving care',
    caregiver: 'family caregiver',
    peer_supporter: 'peer supporter',
    clinician: 'clinician',
    manager: 'manager',
    facilitator: 'facilitator',
    citizen: 'citizen',
  },
  fr: {
    person: 'personne accompagnée',
    caregiver: 'proche aidant·e',
    peer_supporter: 'pair aidant·e',
    clinician: 'intervenant·e',
    manager: 'gestionnaire',
    facilitator: 'animateur·rice',
    citizen: 'citoyen·ne',
  },
};

/** "Ex-membre" is epicene in French (GLOSSARY.md: prefer epicene words). */
const FORMER_MEMBER: Record<Language, (n: number) => string> = {
  en: (n) => `Former member ${n}`,
  fr: (n) => `Ex-membre ${n}`,
};

export function pseudonym(n: number, roles: Role[], language: Language): string {
  const base = FORMER_MEMBER[language](n);
  const only = roles.length === 1 ? roles[0] : undefined;
  return only ? `${base} — ${ROLE_LABELS[language][only]}` : base;
}

export function roleLabel(role: Role, language: Language): string {
  return ROLE_LABELS[language][role];
}
