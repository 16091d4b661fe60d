/**
 * Every size and rate limit of Ensemble in one place. The server reads these defaults and lets
 * the environment raise them (see server/src/config.ts) for large workshops and benchmarks.
 */
export const DEFAULT_LIMITS = {
  /** Largest single WebSocket frame accepted, in bytes. */
  maxMessageBytes: 1024 * 1024,
  /** Messages per second a single connection may send, averaged over a short window. */
  messagesPerSecond: 200,
  /** Burst allowance on top of the steady rate (token bucket capacity). */
  messageBurst: 400,
  /** Live connections one user may hold at once (tabs, devices). */
  connectionsPerUser: 20,
  /** Largest encoded document state, in bytes. */
  maxDocumentBytes: 20 * 1024 * 1024,
  /** Largest HTTP JSON body, in bytes. */
  maxHttpBodyBytes: 64 * 1024,
  /** Largest workspace archive accepted for import, in bytes as sent (gzip or not). */
  maxArchiveBytes: 64 * 1024 * 1024,
  /** Largest workspace archive once unpacked, in bytes of JSON. */
  maxArchiveUnpackedBytes: 256 * 1024 * 1024,
  /** Login / setup attempts per client address per window. */
  authAttemptsPerWindow: 10,
  authWindowMs: 60_000,
  /** Invitation acceptances per client address per window (a workshop room may share one address). */
  inviteAcceptsPerWindow: 120,
  /** Unknown or mistyped invitation codes per client address per window (guessing protection). */
  invitationFailuresPerWindow: 30,
  /** Updates appended since the last checkpoint before a new one is taken in the background. */
  checkpointEvery: 500,
  /** Milliseconds a room stays loaded after its last connection leaves. */
  roomUnloadDelayMs: 2_000,
} as const;

export type Limits = { -readonly [K in keyof typeof DEFAULT_LIMITS]: number };

/** Text field lengths used by the HTTP API schemas. */
export const FIELD_LIMITS = {
  displayName: 80,
  email: 254,
  passwordMin: 10,
  passwordMax: 200,
  workspaceName: 120,
  documentTitle: 200,
} as const;
