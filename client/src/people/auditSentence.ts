/**
 * One audit event as a plain sentence in the interface language ("Alice removed Bob from the
 * workspace."). Details come from the server as free-form JSON, so they are checked here.
 */
import { PermissionSchema, RoleSchema, type AuditEvent } from '../../../shared/src/index';
import type { Translate } from '../i18n/I18nProvider';
import { lowerFirst, permissionKey, roleKey } from '../i18n/labels';
import { lifeAuditSentences } from '../life/lifeAudit';
import { archiveAuditSentences } from '../archive/archiveAudit';

function roleIn(value: unknown, t: Translate): string | null {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? lowerFirst(t(roleKey(parsed.data))) : null;
}

function permissionIn(value: unknown, t: Translate): string | null {
  const parsed = PermissionSchema.safeParse(value);
  return parsed.success ? t(permissionKey(parsed.data)) : null;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** Several sentences when one change touched both the role and the permission. */
export function auditSentences(event: AuditEvent, t: Translate): string[] {
  const actor = event.actorName ?? t('common.someone');
  const subject = event.subjectName ?? t('common.someone');
  const role = roleIn(event.details.role, t) ?? t('role.unknown').toLocaleLowerCase();
  const permission = permissionIn(event.details.permission, t) ?? '?';
  switch (event.kind) {
    case 'workspace_created':
    case 'invitation_revoked':
      return [t(`activity.${event.kind}`, { actor })];
    case 'invited':
      return [t('activity.invited', { actor, role, permission })];
    case 'joined':
      return [t('activity.joined', { subject, role, permission })];
    case 'member_removed':
      return [t('activity.member_removed', { actor, subject })];
    case 'member_left':
      return [t('activity.member_left', { subject })];
    case 'member_changed': {
      const { before, after } = event.details;
      const sentences: string[] = [];
      const roles = [roleIn(field(before, 'role'), t), roleIn(field(after, 'role'), t)];
      const permissions = [permissionIn(field(before, 'permission'), t), permissionIn(field(after, 'permission'), t)];
      if (roles[0] && roles[1] && roles[0] !== roles[1]) {
        sentences.push(t('activity.changedRole', { actor, subject, before: roles[0], after: roles[1] }));
      }
      if (permissions[0] && permissions[1] && permissions[0] !== permissions[1]) {
        sentences.push(t('activity.changedPermission', { actor, subject, before: permissions[0], after: permissions[1] }));
      }
      return sentences.length > 0 ? sentences : [t('activity.member_changed', { actor, subject })];
    }
    default:
      return archiveAuditSentences(event, t) ?? lifeAuditSentences(event, t);
  }
}
