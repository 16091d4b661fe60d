/** The audit log's shared pieces: the parameters of an appended event, and the events both adapters write alike. */
import type { InvitationRecord, MembershipRecord, NewAuditEvent, WorkspaceRecord } from '../store';

/** Parameters in the column order (workspace_id, kind, actor_id, subject_id, details, at). */
export function auditParams(event: NewAuditEvent): unknown[] {
  return [event.workspaceId, event.kind, event.actorId, event.subjectId, JSON.stringify(event.details), event.at];
}

export function workspaceCreatedEvent(workspace: WorkspaceRecord, owner: MembershipRecord): NewAuditEvent {
  return {
    workspaceId: workspace.id,
    kind: 'workspace_created',
    actorId: workspace.createdBy,
    subjectId: owner.userId,
    details: { name: workspace.name, purpose: workspace.purpose, role: owner.role },
    at: workspace.createdAt,
  };
}

/** A person joined a workspace through an invitation: the audit event, and the membership they now hold. */
export function joinedThrough(invitation: InvitationRecord, userId: string, now: number): { event: NewAuditEvent; membership: MembershipRecord } {
  return {
    event: {
      workspaceId: invitation.workspaceId,
      kind: 'joined',
      actorId: userId,
      subjectId: userId,
      details: { invitationId: invitation.id, role: invitation.role, permission: invitation.permission },
      at: now,
    },
    membership: { workspaceId: invitation.workspaceId, userId, role: invitation.role, permission: invitation.permission, createdAt: now },
  };
}
