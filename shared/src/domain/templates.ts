/**
 * Document templates: ids and what the template picker shows, in French and English (terms from
 * GLOSSARY.md). The content each template puts in a new document is built by the server
 * (server/src/templates/); its structure is described in docs/adr/0003-negotiated-goal-block.md.
 */
import { z } from 'zod';
import type { Language } from '../api/auth';

/** Template ids known to the server; an unknown id is a 400. `blank` adds no content. */
export const TEMPLATE_IDS = ['blank', 'care-trajectory', 'life-project', 'service-redesign', 'structuring-document', 'workshop-record'] as const;
export const TemplateIdSchema = z.enum(TEMPLATE_IDS);
export type TemplateId = z.infer<typeof TemplateIdSchema>;

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

export interface TemplateText {
  title: string;
  description: string;
}

// French punctuation: a no-break space before ":" and a narrow no-break space before "?", "!",
// ";" (accepted in Québec, standard in France), so labels never wrap away from their word.
export const TEMPLATE_TEXTS: Record<TemplateId, Record<Language, TemplateText>> = {
  blank: {
    en: { title: 'Blank document', description: 'Start from an empty page.' },
    fr: { title: 'Document vierge', description: 'Commencez avec une page vide.' },
  },
  'care-trajectory': {
    en: {
      title: 'Care trajectory around a life project',
      description:
        'A shared care plan built around what matters to the person: their life project in their own words, strengths and resources, goals in two voices, actions, the people involved, a crisis plan and review dates.',
    },
    fr: {
      title: 'Trajectoire de soins et de services autour d’un projet de vie',
      description:
        'Un plan de soins partagé, construit autour de ce qui compte pour la personne\u00a0: son projet de vie dans ses mots, ses forces et ressources, des objectifs à deux voix, les actions, les personnes impliquées, un plan de crise et les dates de révision.',
    },
  },
  'life-project': {
    en: {
      title: 'Life project',
      description: 'A lighter page for a person and their circle: who they are, what matters to them, their wishes and first steps.',
    },
    fr: {
      title: 'Projet de vie',
      description: 'Une page plus légère pour une personne et son entourage\u00a0: qui elle est, ce qui compte pour elle, ses souhaits et ses premiers pas.',
    },
  },
  'service-redesign': {
    en: {
      title: 'Service redesign (improvement cycle)',
      description:
        'Improve a service in four steps (Plan, Do, Study, Act), starting from the problem as lived by the people who use the service.',
    },
    fr: {
      title: 'Repenser un service (cycle d’amélioration)',
      description:
        'Améliorer un service en quatre étapes (Planifier, Faire, Étudier, Agir), en partant du problème tel que le vivent les personnes qui utilisent le service.',
    },
  },
  'structuring-document': {
    en: {
      title: 'Structuring document (policy, guide, charter, protocol)',
      description:
        'A policy, guide, charter or protocol written as a committee: purpose, scope, principles, sections, a glossary in everyday and professional words, and the revision history.',
    },
    fr: {
      title: 'Document structurant (politique, guide, charte, protocole)',
      description:
        'Une politique, un guide, une charte ou un protocole rédigé en comité\u00a0: raison d’être, portée, principes, sections, un glossaire en mots de tous les jours et en termes professionnels, et l’historique des révisions.',
    },
  },
  'workshop-record': {
    en: {
      title: 'Workshop record',
      description: 'The record of a co-design workshop: agenda, participants, what came out of it, decisions and next steps.',
    },
    fr: {
      title: 'Compte rendu d’atelier',
      description:
        'Le compte rendu d’un atelier de co-design\u00a0: ordre du jour, personnes présentes, ce qui en ressort, décisions et prochaines étapes.',
    },
  },
};

export const TemplateSummarySchema = z.object({ id: TemplateIdSchema, title: z.string(), description: z.string() });
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

/** `GET /api/templates` answers a bare array (the contract in DESIGN.md). */
export const TemplateListSchema = z.array(TemplateSummarySchema);
export type TemplateList = z.infer<typeof TemplateListSchema>;

export function listTemplates(language: Language): TemplateList {
  return TEMPLATE_IDS.map((id) => ({ id, ...TEMPLATE_TEXTS[id][language] }));
}
