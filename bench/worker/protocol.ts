/** Messages between the bench coordinator and its load-generator processes (IPC, JSON). */
import type { RoomTarget } from '../lib/clients';

export interface ConnectJob {
  type: 'connect';
  /** One entry per client; several clients share a room. */
  targets: RoomTarget[];
  /** Sender id of each client, unique across workers. */
  senderIds: number[];
  epoch: number;
  seed: number;
  /** Idle clients clear their awareness state so nothing but the connection remains. */
  hidePresence: boolean;
  /** Raw-protocol clients that do not apply remote updates (lightClient.ts), for the ramp. */
  light?: boolean;
}

export interface PhaseJob {
  type: 'phase';
  phase: number;
  /** Edits per second per client. */
  ratePerClient: number;
  durationMs: number;
  /** Time after the last edit to wait for stragglers before reporting. */
  settleMs: number;
  /** Share of edits that delete 1 to 3 letters instead of inserting. */
  deleteShare: number;
}

export type CoordinatorMessage = ConnectJob | PhaseJob | { type: 'exit' };

export interface PhaseResult {
  type: 'phase-result';
  phase: number;
  /** Marker updates this worker's clients sent in the phase. */
  sent: number;
  deletes: number;
  /** Every (update, receiver) delivery latency in ms. */
  latencies: number[];
  /** Per update id: [receivers that got it, latency of the last one]. */
  perUpdate: Record<string, [number, number]>;
  /** The generator's own CPU (1.0 = one core) and event-loop delay p99 during the phase. */
  workerCpu: number;
  workerLoopDelayP99: number;
}

export type WorkerMessage =
  | { type: 'ready'; clients: number; connectMs: number }
  | PhaseResult
  | { type: 'error'; message: string };
