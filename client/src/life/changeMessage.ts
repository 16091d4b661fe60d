/** The sentence that confirms a change to a document, in the interface language. */
import type { Translate } from '../i18n/I18nProvider';
import type { LifeChange } from './documentActions';

export function changeMessage(change: LifeChange, title: string, t: Translate): string {
  switch (change.kind) {
    case 'renamed':
      return t('life.done.renamed', { title: change.title });
    case 'archived':
      return t('life.done.archived', { title });
    case 'unarchived':
      return t('life.done.unarchived', { title });
    case 'trashed':
      return t('life.done.trashed', { title });
    case 'moved':
      return t('life.done.moved', { title, workspace: change.workspaceName });
    case 'access':
      return change.restricted ? t('life.done.restricted', { title }) : t('life.done.everyone', { title });
  }
}
