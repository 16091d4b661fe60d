/** Activity sentences for workspace archives: who exported the workspace (and how people were named), who imported it. */
import type { AuditEvent } from '../../../shared/src/index';
import type { Translate } from '../i18n/I18nProvider';

export function archiveAuditSentences(event: AuditEvent, t: Translate): string[] | null {
  const actor = event.actorName ?? t('common.someone');
  switch (event.kind) {
    case 'workspace_exported':
      return [event.details.members === 'names' ? t('archive.activity.exportedNames', { actor }) : t('archive.activity.exportedPseudonyms', { actor })];
    case 'workspace_imported':
      return [t('archive.activity.imported', { actor })];
    default:
      return null;
  }
}
