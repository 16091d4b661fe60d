/** Workshop record (compte rendu d'atelier); workshop mode will fill it in later. */
import type { Language } from '../../../shared/src/index';
import { bullets, h2, numbered, prompt, type Blocks } from './blocks';

export function workshopRecord(language: Language): Blocks {
  return language === 'fr'
    ? [
        h2('Ordre du jour'),
        prompt('Les étapes de l’atelier, avec leur durée.'),
        numbered(''),
        h2('Personnes présentes'),
        prompt(
          'Qui a participé, et avec quel regard (savoirs expérientiels, savoirs professionnels, animation), si ces personnes acceptent d’être nommées.',
        ),
        bullets(''),
        h2('Ce qui en ressort'),
        prompt('Les idées, les priorités et les résultats des votes.'),
        bullets(''),
        h2('Décisions'),
        prompt('Chaque décision, avec les positions exprimées et, s’il y a lieu, l’avis minoritaire.'),
        bullets(''),
        h2('Prochaines étapes'),
        prompt('Qui fait quoi, et pour quand.'),
        bullets(''),
      ]
    : [
        h2('Agenda'),
        prompt('The steps of the workshop, with how long each one takes.'),
        numbered(''),
        h2('Participants'),
        prompt(
          'Who took part, and from which perspective (experiential knowledge, professional knowledge, facilitation), if they agree to be named.',
        ),
        bullets(''),
        h2('What came out of it'),
        prompt('The ideas, the priorities and the results of the votes.'),
        bullets(''),
        h2('Decisions'),
        prompt('Each decision, with the positions expressed and any minority view.'),
        bullets(''),
        h2('Next steps'),
        prompt('Who does what, and by when.'),
        bullets(''),
      ];
}
