/** L’espace de démonstration en français. Toutes les personnes sont fictives. */
import { NBSP, NNBSP, bullets, h2, numbered, p } from '../templates/blocks';
import { demoGoal, type DemoScript } from './demoScript';

const q = (text: string) => `«${NBSP}${text}${NBSP}»`;

export const DEMO_FR: DemoScript = {
  workspaceName: 'Exemple — Soins et services en partenariat',
  people: {
    marie: { name: 'Marie Lavoie', role: 'person', permission: 'editor' },
    jean: { name: 'Jean Lavoie', role: 'caregiver', permission: 'editor' },
    roy: { name: 'Dre Sophie Roy', role: 'clinician', permission: 'editor' },
    karim: { name: 'Karim Haddad', role: 'peer_supporter', permission: 'editor' },
    luc: { name: 'Luc Gagnon', role: 'manager', permission: 'commenter' },
  },
  documents: [
    {
      key: 'care',
      title: 'Trajectoire de soins de Marie',
      template: 'care-trajectory',
      daysAgo: 3,
      sections: [
        {
          author: 'marie',
          blocks: [
            h2('Mon projet de vie, dans mes mots'),
            p('Je veux retrouver mon appartement et retourner travailler à la bibliothèque, le matin pour commencer. Je veux voir ma petite-fille Léa tous les dimanches.'),
            h2('Ce qui compte pour moi'),
            bullets('Léa et mon frère Jean', 'Les livres, et les gens de la bibliothèque', 'Marcher le long de la rivière le matin'),
          ],
        },
        {
          author: 'jean',
          blocks: [
            h2('Forces et ressources'),
            bullets('Marie connaît ses signes précurseurs et en parle tôt.', 'J’habite à dix minutes et je peux la conduire à ses rendez-vous.'),
          ],
        },
        { author: 'karim', blocks: [p('Le groupe d’entraide se réunit le mardi\u00a0; Marie y connaît déjà deux personnes.')] },
        {
          author: 'roy',
          blocks: (c) => [
            h2('Objectifs'),
            demoGoal(c, {
              by: 'marie',
              status: 'active',
              inDays: 90,
              ownWords: 'Je veux ranger des livres à nouveau, seulement le matin.',
              reformulation: 'Un retour progressif au travail, deux matins par semaine dès mars, revu après six semaines avec l’ergothérapeute.',
            }),
            h2('Plan de crise et de prévention de la rechute'),
            bullets(
              `Signes précurseurs${NBSP}: dormir moins de cinq heures, arrêter les marches du matin.`,
              `Premier geste${NBSP}: Marie appelle Karim ou la ligne directe de la clinique.`,
              'Jean peut appeler l’équipe si Marie est d’accord à ce moment-là.',
            ),
          ],
        },
      ],
    },
    {
      key: 'policy',
      title: 'Guide d’accueil des familles (version à réviser)',
      template: 'structuring-document',
      daysAgo: 10,
      sections: [
        {
          author: 'luc',
          blocks: [
            h2('Objet'),
            p('Ce guide explique aux familles et aux proches à quoi s’attendre quand une personne qu’ils aiment commence à recevoir des soins de notre équipe, et comment y prendre part.'),
          ],
        },
        {
          author: 'jean',
          blocks: [
            h2('Ce que les familles nous ont dit'),
            bullets(
              q('Nous ne savions pas qui appeler le soir.'),
              q('Nous voulons être consultés, pas seulement informés.'),
              q('Donnez-nous le guide avant le premier rendez-vous, pas après.'),
            ),
          ],
        },
        {
          author: 'karim',
          blocks: [
            h2('Votre place dans l’équipe'),
            p('Avec l’accord de la personne, un proche aidant peut participer aux rencontres du plan de soins, lire le plan partagé et y ajouter ce qu’il observe à la maison. La personne décide de ce qui est partagé et peut changer d’avis en tout temps.'),
          ],
        },
        {
          author: 'roy',
          blocks: [
            h2('Confidentialité'),
            p('Sans le consentement de la personne, l’équipe peut tout de même vous écouter. Elle ne peut pas vous transmettre de renseignements de santé, sauf en cas d’urgence où la sécurité de quelqu’un est en jeu.'),
          ],
        },
      ],
    },
    {
      key: 'workshop',
      title: 'Atelier — améliorer le premier rendez-vous',
      template: 'workshop-record',
      daysAgo: 45,
      sections: [
        {
          author: 'you',
          blocks: [
            h2('Ordre du jour'),
            numbered(
              'Accueil et règles de fonctionnement (10 min)',
              `Comment s’est passé votre premier rendez-vous${NNBSP}? (30 min)`,
              'Idées en petits groupes (40 min)',
              'Vote par gommettes et prochaines étapes (20 min)',
            ),
            h2('Personnes présentes'),
            bullets(
              `Douze personnes${NBSP}: cinq avec des savoirs expérientiels (personnes accompagnées, proches aidants, un pair aidant), cinq avec des savoirs professionnels, deux animatrices.`,
            ),
          ],
        },
        {
          author: 'karim',
          blocks: [
            h2('Ce qui en ressort'),
            bullets(
              `Première priorité (9 votes)${NBSP}: envoyer le guide d’accueil avant le premier rendez-vous.`,
              `Deuxième (7 votes)${NBSP}: un pair aidant au premier rendez-vous, si la personne le souhaite.`,
              `Troisième (4 votes)${NBSP}: un seul numéro de téléphone pour les soirs.`,
            ),
          ],
        },
        {
          author: 'luc',
          blocks: [
            h2('Prochaines étapes'),
            bullets(`Luc${NBSP}: terminer le guide d’accueil avec le comité, d’ici un mois.`, `Karim et Dre Roy${NBSP}: essayer la présence d’un pair aux premiers rendez-vous pendant trois mois.`),
          ],
        },
      ],
    },
  ],
  decisions: [
    {
      document: 'care',
      proposer: 'roy',
      title: 'Retour progressif au travail à la bibliothèque',
      proposal: 'Marie retourne au travail deux matins par semaine dès mars\u00a0; on fait le point après six semaines.',
      method: 'person-decides',
      engagement: 'partnership',
      positions: [
        { by: 'marie', stance: 'agree', reason: 'C’est ce que je veux, et deux matins, c’est un bon début.' },
        { by: 'jean', stance: 'reservations', reason: 'D’accord, tant que les débuts de journée ne nuisent pas à son sommeil.' },
        { by: 'roy', stance: 'agree' },
      ],
      outcome: { status: 'adopted', outcome: `Marie a décidé${NBSP}: deux matins par semaine dès mars.`, reviewInDays: 42 },
    },
    {
      document: 'policy',
      proposer: 'luc',
      title: 'Remettre le guide dès la prise du premier rendez-vous',
      proposal: 'Le guide est envoyé ou remis aux familles dès que le premier rendez-vous est fixé.',
      method: 'consent',
      engagement: 'collaborate',
      positions: [
        { by: 'jean', stance: 'agree' },
        { by: 'karim', stance: 'agree', reason: 'C’est ce que les familles ont demandé à l’atelier.' },
      ],
    },
    {
      document: 'workshop',
      proposer: 'you',
      title: 'Envoyer le guide d’accueil avant le premier rendez-vous',
      proposal: 'Adopter la première priorité de l’atelier et demander au comité de terminer le guide.',
      method: 'consent',
      engagement: 'collaborate',
      positions: [
        { by: 'marie', stance: 'agree' },
        { by: 'jean', stance: 'agree' },
        { by: 'karim', stance: 'agree' },
        { by: 'roy', stance: 'reservations', reason: 'D’accord\u00a0; il faut d’abord une version en langage simple.' },
      ],
      outcome: { status: 'adopted', outcome: 'Adoptée par consentement pendant l’atelier.', minorityView: 'Une version en langage simple d’abord (Dre Roy).' },
    },
  ],
  review: {
    document: 'policy',
    versionName: 'Version soumise au comité',
    message: 'Merci de lire cette version et de l’approuver, ou de nous dire quoi changer.',
    signers: ['jean', 'karim', 'roy'],
    approvals: [{ by: 'karim', comment: 'Clair et chaleureux. J’approuve.' }],
  },
};
