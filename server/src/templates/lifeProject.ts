/** Life project (projet de vie) for a person and their circle: lighter than a care plan. */
import type { Language } from '../../../shared/src/index';
import { NBSP, bullets, h2, labelled, p, prompt, type Blocks } from './blocks';

export function lifeProject(language: Language): Blocks {
  return language === 'fr'
    ? [
        h2('Qui je suis'),
        prompt(`Quelques mots sur vous${NBSP}: ce que vous aimez, ce que vous faites, ce qui vous donne de la fierté.`),
        p(),
        h2('Ce qui compte pour moi'),
        prompt('Les personnes, les activités, les lieux et les valeurs qui comptent le plus pour vous.'),
        bullets(''),
        h2('Mes rêves et mes souhaits'),
        prompt('Ce que vous aimeriez faire, apprendre ou changer, que ce soit petit ou grand.'),
        bullets(''),
        h2('Mes forces et mes ressources'),
        prompt('Ce que vous savez bien faire et ce qui vous aide à avancer.'),
        bullets(''),
        h2('Mon entourage'),
        prompt('Les personnes autour de vous qui peuvent vous aider, et de quelle façon.'),
        bullets(''),
        h2('Mes premiers pas'),
        prompt('Un ou deux petits pas pour commencer, et qui vous accompagnera.'),
        bullets(''),
        h2('Notre prochaine rencontre'),
        prompt('Quand nous nous reverrons, et ce que nous regarderons ensemble.'),
        bullets(labelled(`Date${NBSP}:`)),
      ]
    : [
        h2('About me'),
        prompt('A few words about you: what you enjoy, what you do, what makes you proud.'),
        p(),
        h2('What matters to me'),
        prompt('The people, activities, places and values that matter most to you.'),
        bullets(''),
        h2('My dreams and wishes'),
        prompt('What you would like to do, learn or change, big or small.'),
        bullets(''),
        h2('My strengths and resources'),
        prompt('What you are good at and what helps you move forward.'),
        bullets(''),
        h2('My circle'),
        prompt('The people around you who can help, and how.'),
        bullets(''),
        h2('My first steps'),
        prompt('One or two small steps to begin with, and who will be there with you.'),
        bullets(''),
        h2('Next time we meet'),
        prompt('When we will meet again, and what we will look at together.'),
        bullets(labelled('Date:')),
      ];
}
