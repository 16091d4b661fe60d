/** Care trajectory around a life project (trajectoire de soins et de services / projet de vie). */
import type { Language } from '../../../shared/src/index';
import { NBSP, NNBSP, bullets, goalAction, h2, h3, labelled, labelledGroup, negotiatedGoal, p, prompt, type Blocks } from './blocks';
import type { TemplateContext } from './context';

export function careTrajectory(language: Language, context: TemplateContext): Blocks {
  // The example goal has one empty linked action, so people see where actions go.
  const goal = negotiatedGoal({ goalId: context.newGoalId(), status: 'proposed' }, [goalAction({ actionId: context.newGoalId() })]);
  return language === 'fr'
    ? [
        h2('Mon projet de vie, dans mes mots'),
        prompt(`À quoi aimeriez-vous que votre vie ressemble dans les prochains mois${NNBSP}? Écrivez-le dans vos mots, comme vous le diriez.`),
        p(),
        h2('Ce qui compte pour moi'),
        prompt('Les personnes, les activités, les lieux et les valeurs qui comptent le plus pour vous.'),
        bullets(''),
        h2('Forces et ressources'),
        prompt('Ce que vous savez bien faire, ce qui vous aide et les personnes sur qui vous pouvez compter.'),
        bullets(''),
        h2('Objectifs'),
        prompt(
          `Chaque objectif garde deux voix côte à côte${NBSP}: vos mots, et la reformulation convenue avec l’équipe. Indiquez qui a exprimé l’objectif, où il en est et une date visée.`,
        ),
        goal,
        h2('Actions'),
        prompt(`Pour chaque action${NBSP}: ce qui sera fait, qui s’en charge, pour quand et avec quel soutien.`),
        bullets(labelledGroup(`Action${NBSP}:`, [`Qui${NBSP}:`, `Pour quand${NBSP}:`, `Avec quel soutien${NBSP}:`])),
        h2('Personnes impliquées et leurs rôles'),
        prompt('Toutes les personnes qui participent, vous et vos proches compris, et ce que chacune apporte.'),
        bullets(''),
        h2('Plan de crise et de prévention de la rechute'),
        prompt('Préparez ce plan quand tout va bien, pour que tout le monde sache quoi faire si les choses se compliquent.'),
        h3('Signes avant-coureurs'),
        prompt(`Qu’est-ce qui vous indique, à vous ou à vos proches, que les choses deviennent plus difficiles${NNBSP}?`),
        bullets(''),
        h3('Ce qui m’aide'),
        prompt('Ce que vous pouvez faire, et ce que les autres peuvent faire, quand ces signes apparaissent.'),
        bullets(''),
        h3('Qui contacter'),
        prompt('Noms et numéros de téléphone, le jour comme la nuit.'),
        bullets(''),
        h2('Dates de révision'),
        prompt('Quand nous reverrons ce plan ensemble, et ce que nous vérifierons.'),
        bullets(labelled(`Date${NBSP}:`)),
      ]
    : [
        h2('My life project, in my own words'),
        prompt('What would you like your life to look like in the coming months? Write it in your own words, the way you would say it.'),
        p(),
        h2('What matters to me'),
        prompt('The people, activities, places and values that matter most to you.'),
        bullets(''),
        h2('Strengths and resources'),
        prompt('What you are good at, what helps you, and the people you can count on.'),
        bullets(''),
        h2('Goals'),
        prompt(
          'Each goal keeps two voices side by side: your own words, and the reformulation agreed with the team. Say who expressed the goal, where it stands and a target date.',
        ),
        goal,
        h2('Actions'),
        prompt('For each action: what will be done, who does it, by when, and with what support.'),
        bullets(labelledGroup('Action:', ['Who:', 'By when:', 'Support:'])),
        h2('People involved and their roles'),
        prompt('Everyone who takes part, including you and your family, and what each person brings.'),
        bullets(''),
        h2('Crisis and relapse-prevention plan'),
        prompt('Prepare this plan while all is well, so that everyone knows what to do if things get hard.'),
        h3('Early warning signs'),
        prompt('What tells you, or the people close to you, that things are getting harder?'),
        bullets(''),
        h3('What helps me'),
        prompt('What you can do, and what others can do, when these signs appear.'),
        bullets(''),
        h3('Who to contact'),
        prompt('Names and phone numbers, day and night.'),
        bullets(''),
        h2('Review dates'),
        prompt('When we will look at this plan again together, and what we will check.'),
        bullets(labelled('Date:')),
      ];
}
