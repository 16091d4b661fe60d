/**
 * Activity sentences for the events of a document's life, recovery links, erasure and retention
 * (the owners' Activity page). Details are free-form JSON from the server, so they are checked.
 */
import type { AuditEvent } from '../../../shared/src/index';
import type { Translate } from '../i18n/I18nProvider';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function days(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function lifeAuditSentences(event: AuditEvent, t: Translate): string[] {
  const actor = event.actorName ?? t('common.someone');
  const subject = event.subjectName ?? t('common.someone');
  const d = event.details;
  const title = text(d.title);
  const doc = title ? t('life.activity.namedDocument', { title }) : t('life.activity.aDocument');
  switch (event.kind) {
    case 'document_renamed':
      return [t('life.activity.renamed', { actor, from: text(d.from) ?? '?', to: text(d.to) ?? '?' })];
    case 'document_archived':
    case 'document_unarchived':
    case 'document_trashed':
    case 'document_restored':
      return [t(`life.activity.${event.kind}`, { actor, document: doc })];
    case 'document_purged':
      return [event.actorId ? t('life.activity.purged', { actor, document: doc }) : t('life.activity.purgedAfter30', { document: doc })];
    case 'document_moved':
      return [t('life.activity.moved', { actor, document: doc })];
    case 'document_access_changed':
      if (d.reason === 'moved') return [t('life.activity.accessReset', { document: doc })];
      return [d.restricted === true ? t('life.activity.restricted', { actor, document: doc }) : t('life.activity.accessChanged', { actor, document: doc })];
    case 'recovery_issued':
      return [t('life.activity.recoveryIssued', { actor, subject })];
    case 'recovery_used':
      return [t('life.activity.recoveryUsed', { subject })];
    case 'member_erased':
      return [t('life.activity.erased', { subject })];
    case 'workspace_closed':
    case 'workspace_reopened':
      return [t(`life.activity.${event.kind}`, { actor })];
    case 'retention_changed': {
      const after = days(d.after);
      return [after === null ? t('life.activity.retentionNone', { actor }) : t('life.activity.retention', { actor, days: after })];
    }
    default:
      return [];
  }
}
