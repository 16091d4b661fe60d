/**
 * The facilitators' controls as pure rules (see workshopRules.ts): moving the group between
 * steps, the countdown, who facilitates, and closing the workshop for its summary. The timer
 * stores a deadline while running and the remaining time while paused; the remaining time is
 * always computed when read, so nothing has to tick on the server.
 */
import { WORKSHOP_LIMITS, type TimerRequest } from '../../../shared/src/index';
import { AppError, notFound } from '../errors';
import { currentStep, requireFacilitator, requireOpen, type Outcome, type RuleContext, type WorkshopActor } from './workshopRules';
import type { RuleDecision, TimerRecord, WorkshopSnapshot } from './workshopStore';

const MINUTE = 60_000;

export function remainingMs(timer: TimerRecord, now: number): number | null {
  if (timer.deadlineAt !== null) return Math.max(0, timer.deadlineAt - now);
  return timer.pausedRemainingMs;
}

export function goToStep(s: WorkshopSnapshot, a: WorkshopActor, stepId: string): Outcome {
  requireFacilitator(a);
  requireOpen(s);
  const step = s.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw notFound('This step');
  if (step.id === s.workshop.currentStepId) return { mutations: [], value: null };
  // A new step starts with its own duration on a stopped timer: the facilitator starts it
  // when the group is ready, rather than the clock running while people settle.
  const timer: TimerRecord = { durationMs: step.durationMs, deadlineAt: null, pausedRemainingMs: null };
  return { mutations: [{ kind: 'update', patch: { currentStepId: step.id, timer } }], value: null };
}

export function controlTimer(s: WorkshopSnapshot, a: WorkshopActor, ctx: RuleContext, r: TimerRequest): Outcome {
  requireFacilitator(a);
  requireOpen(s);
  const t = s.workshop.timer;
  const running = t.deadlineAt !== null && t.deadlineAt > ctx.now;
  const minutes = (r.minutes ?? 0) * MINUTE;
  let next: TimerRecord;
  switch (r.action) {
    case 'start': {
      const duration = minutes || (currentStep(s)?.durationMs ?? 5 * MINUTE);
      next = { durationMs: duration, deadlineAt: ctx.now + duration, pausedRemainingMs: null };
      break;
    }
    case 'pause':
      if (!running) throw new AppError('conflict', 'The timer is not running.');
      next = { ...t, deadlineAt: null, pausedRemainingMs: (t.deadlineAt as number) - ctx.now };
      break;
    case 'resume':
      if (t.pausedRemainingMs === null) throw new AppError('conflict', 'The timer is not paused.');
      next = { ...t, deadlineAt: ctx.now + t.pausedRemainingMs, pausedRemainingMs: null };
      break;
    case 'extend': {
      const extra = minutes || MINUTE;
      if (running) next = { ...t, durationMs: t.durationMs + extra, deadlineAt: (t.deadlineAt as number) + extra };
      else if (t.pausedRemainingMs !== null) next = { ...t, durationMs: t.durationMs + extra, pausedRemainingMs: t.pausedRemainingMs + extra };
      // Idle or run out: extending gives the group that much more time, starting now.
      else next = { durationMs: extra, deadlineAt: ctx.now + extra, pausedRemainingMs: null };
      break;
    }
    case 'reset':
      next = { durationMs: currentStep(s)?.durationMs ?? t.durationMs, deadlineAt: null, pausedRemainingMs: null };
      break;
  }
  if (next.durationMs > WORKSHOP_LIMITS.stepMinutes * MINUTE * 2) throw new AppError('conflict', 'The timer cannot run that long.');
  return { mutations: [{ kind: 'update', patch: { timer: next } }], value: null };
}

/**
 * Names the one or two people who run the workshop. A current facilitator may do it, and so
 * may any owner of the workspace, so that a workshop whose facilitators left can be taken over.
 * `eligible` holds the ids the service found to be facilitators or owners of the workspace.
 */
export function setFacilitators(s: WorkshopSnapshot, a: WorkshopActor & { owner: boolean }, userIds: string[], eligible: Set<string>): Outcome {
  if (!a.facilitating && !a.owner) throw new AppError('forbidden', 'Only the facilitators of this workshop, or an owner of the workspace, can change who facilitates.');
  const ids = [...new Set(userIds)];
  const strangers = ids.filter((id) => !eligible.has(id));
  if (strangers.length > 0) {
    throw new AppError('validation_failed', 'userIds: a facilitator must be a member of the workspace with the facilitator role, or an owner.');
  }
  const same = ids.length === s.facilitatorIds.length && ids.every((id, i) => id === s.facilitatorIds[i]);
  return same ? { mutations: [], value: null } : { mutations: [{ kind: 'setFacilitators', userIds: ids }], value: null };
}

/**
 * Closes the workshop for its summary and reserves the id of the record document, so that a
 * second click (or a second facilitator at the same moment) gets a clear refusal instead of a
 * second record. Writing the summary shows the vote results: the record contains them.
 */
export function claimSummary(s: WorkshopSnapshot, a: WorkshopActor, documentId: string): RuleDecision<WorkshopSnapshot> {
  requireFacilitator(a);
  requireOpen(s);
  return {
    mutations: [{ kind: 'update', patch: { status: 'closed', summaryDocumentId: documentId, votesRevealed: true, timer: { ...s.workshop.timer, deadlineAt: null, pausedRemainingMs: null } } }],
    value: s,
  };
}

/** Undoes a claim whose record could not be written, so the facilitator can try again. */
export function releaseSummary(s: WorkshopSnapshot, documentId: string, votesRevealed: boolean): RuleDecision<null> {
  if (s.workshop.summaryDocumentId !== documentId) return { mutations: [], value: null };
  return { mutations: [{ kind: 'update', patch: { status: 'open', summaryDocumentId: null, votesRevealed } }], value: null };
}
