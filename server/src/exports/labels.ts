/** Words of the exports, in both languages (role names as in the client's catalogs and GLOSSARY.md). */
import type { Language, Role } from '../../../shared/src/index';

export interface ExportLabels {
  roles: Record<Role, string>;
  /** Shown under the title: "Plan de Marie · exported from Ensemble on 30 June 2026". */
  exportedOn: (workspace: string, date: string) => string;
  personNotRecorded: string;
  careTeam: (workspace: string) => string;
}

export const EXPORT_LABELS: Record<Language, ExportLabels> = {
  en: {
    roles: {
      person: 'Person receiving care',
      caregiver: 'Family caregiver',
      peer_supporter: 'Peer supporter',
      clinician: 'Clinician',
      manager: 'Manager',
      facilitator: 'Facilitator',
      citizen: 'Citizen',
    },
    exportedOn: (workspace, date) => `${workspace} · exported from Ensemble on ${date}`,
    personNotRecorded: 'Person receiving care (not named in Ensemble)',
    careTeam: (workspace) => `Care team: ${workspace}`,
  },
  fr: {
    roles: {
      person: 'Personne accompagnée',
      caregiver: 'Proche aidant·e',
      peer_supporter: 'Pair aidant·e',
      clinician: 'Intervenant·e',
      manager: 'Gestionnaire',
      facilitator: 'Animateur·rice',
      citizen: 'Citoyen·ne',
    },
    exportedOn: (workspace, date) => `${workspace} · exporté d’Ensemble le ${date}`,
    personNotRecorded: 'Personne accompagnée (non nommée dans Ensemble)',
    careTeam: (workspace) => `Équipe de soins\u00a0: ${workspace}`,
  },
};
