/**
 * WebSocket close codes used on /collab/<documentId>. A refused connection is accepted, then
 * closed with one of these codes and a readable reason, so the reason reaches the client.
 * The stock y-websocket provider does not reconnect after 4400-4499 and does after 4500-4599.
 */
export const CLOSE_CODES = {
  /** No valid session: sign in again. */
  unauthenticated: 4401,
  /** No such document, or the caller is not a member (indistinguishable on purpose). */
  notFound: 4404,
  /** Access ended while connected (member removed, document restricted or trashed). Signing out closes with 4401. */
  accessEnded: 4403,
  /** An update carries content under a Yjs client id bound to another member (forged authorship). */
  clientIdTaken: 4409,
  /**
   * A commenter's update that is not a suggestion as ADR 0005 defines it. Retrying cannot help
   * (the provider would resend the same change): the client discards its copy and reopens.
   */
  suggestionRefused: 4422,
  /** A frame larger than the limit. */
  tooLarge: 4413,
  /** A frame that is not a well-formed y-websocket message, or an update that cannot apply. */
  malformed: 4400,
  /** Too many messages or connections: retrying later can help. */
  tooManyMessages: 4529,
  /** The server is shutting down: retrying later can help. */
  shuttingDown: 4503,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
