/**
 * The usual agenda of a co-design workshop and the names of its steps, in the workshop's
 * language (terms from GLOSSARY.md). Facilitators may send their own steps at creation.
 */
import type { Language, StepDraft, StepKind } from '../../../shared/src/index';

const NNBSP = '\u202f';

export const STEP_NAMES: Record<Language, Record<StepKind, string>> = {
  en: {
    welcome: 'Welcome and check-in',
    ideas: 'Ideas, each on your own',
    grouping: 'Grouping into themes',
    voting: 'Dot voting',
    discussion: 'Discussion',
    decisions: 'Decisions',
    close: 'Check-out and close',
  },
  fr: {
    welcome: 'Accueil et météo d’arrivée',
    ideas: 'Idées, chaque personne de son côté',
    grouping: 'Regroupement par thèmes',
    voting: 'Vote par gommettes',
    discussion: 'Discussion',
    decisions: 'Décisions',
    close: 'Météo de départ et clôture',
  },
};

export const DEFAULT_STEPS: StepDraft[] = [
  { kind: 'welcome', minutes: 5 },
  { kind: 'ideas', minutes: 10 },
  { kind: 'grouping', minutes: 10 },
  { kind: 'voting', minutes: 5 },
  { kind: 'discussion', minutes: 15 },
  { kind: 'decisions', minutes: 10 },
  { kind: 'close', minutes: 5 },
];

export const DEFAULT_PROMPT: Record<Language, string> = {
  en: 'What could make this service better for you?',
  fr: `Qu’est-ce qui pourrait améliorer ce service pour vous${NNBSP}?`,
};
