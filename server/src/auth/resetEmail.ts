/**
 * The password reset email, in French or English: plain words, the link, how long it works,
 * and what to do when one did not ask. Nothing about anyone's care.
 */
import type { Language } from '../../../shared/src/index';
import type { OutgoingMail } from './mailer';

export function resetEmail(to: string, language: Language, name: string, url: string, minutes: number): OutgoingMail {
  if (language === 'fr') {
    return {
      to,
      subject: 'Choisir un nouveau mot de passe pour Ensemble',
      text: [
        `Bonjour ${name},`,
        '',
        `Quelqu’un a demandé à choisir un nouveau mot de passe pour votre compte Ensemble. Si c’est vous, ouvrez ce lien dans les ${minutes} minutes qui suivent :`,
        '',
        url,
        '',
        'Le lien ne fonctionne qu’une seule fois.',
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste le même.',
        '',
        '— Ensemble',
      ].join('\n'),
    };
  }
  return {
    to,
    subject: 'Choose a new password for Ensemble',
    text: [
      `Hello ${name},`,
      '',
      `Someone asked to choose a new password for your Ensemble account. If it was you, open this link within the next ${minutes} minutes:`,
      '',
      url,
      '',
      'The link works only once.',
      'If you did not ask for this, ignore this message: your password stays the same.',
      '',
      '— Ensemble',
    ].join('\n'),
  };
}
