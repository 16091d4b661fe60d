/**
 * The sync core's view of one client connection. The transport (the only place that imports
 * `ws`) implements it; tests may implement it too.
 */
export interface CollabSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Bytes queued in the socket but not yet written: used to skip very slow peers' awareness. */
  readonly bufferedAmount: number;
}

export interface ConnectionOptions {
  /** The client announced (?client=ensemble) that it understands Ensemble messages (saved, record). */
  ensembleClient: boolean;
}
