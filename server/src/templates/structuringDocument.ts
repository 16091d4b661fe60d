/** Structuring document for a committee: policy, guide, charter or protocol (document structurant). */
import type { Language } from '../../../shared/src/index';
import { NBSP, bullets, h2, h3, labelledGroup, p, prompt, type Blocks } from './blocks';

export function structuringDocument(language: Language): Blocks {
  return language === 'fr'
    ? [
        h2('Raison d’être'),
        prompt('Pourquoi ce document existe et ce qu’il doit changer.'),
        p(),
        h2('Portée'),
        prompt('À qui et à quoi ce document s’applique, et ce qu’il ne couvre pas.'),
        p(),
        h2('Principes'),
        prompt('Les valeurs et les engagements qui guident tout le reste.'),
        bullets(''),
        h2('Contenu'),
        prompt('Ajoutez autant de sections que nécessaire.'),
        h3('Section 1'),
        p(),
        h2('Glossaire'),
        prompt('Chaque terme en mots de tous les jours, à côté de son sens professionnel.'),
        bullets(labelledGroup(`Terme${NBSP}:`, [`En mots de tous les jours${NBSP}:`, `Sens professionnel${NBSP}:`])),
        h2('Historique des révisions'),
        prompt(`Pour chaque version${NBSP}: la date, ce qui a changé et qui a participé.`),
        bullets(labelledGroup(`Version 1${NBSP}:`, [`Date${NBSP}:`, `Ce qui a changé${NBSP}:`, `Personnes qui ont participé${NBSP}:`])),
      ]
    : [
        h2('Purpose'),
        prompt('Why this document exists and what it should change.'),
        p(),
        h2('Scope'),
        prompt('Who and what this document applies to, and what it does not cover.'),
        p(),
        h2('Principles'),
        prompt('The values and commitments that guide everything else.'),
        bullets(''),
        h2('Content'),
        prompt('Add as many sections as you need.'),
        h3('Section 1'),
        p(),
        h2('Glossary'),
        prompt('Each term in everyday words, next to its professional meaning.'),
        bullets(labelledGroup('Term:', ['In everyday words:', 'Professional meaning:'])),
        h2('Revision history'),
        prompt('For each version: the date, what changed and who took part.'),
        bullets(labelledGroup('Version 1:', ['Date:', 'What changed:', 'People who took part:'])),
      ];
}
