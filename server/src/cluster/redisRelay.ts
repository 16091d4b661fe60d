/**
 * The Redis relay between server instances (REDIS_URL; docs/deployment.md). Two connections:
 * one publishes, one subscribes (a subscribed Redis connection can do nothing else). A document's
 * channel is subscribed while its room is loaded here; the bus channel always.
 *
 * Redis pub/sub is not durable: a message published while this instance's subscription is
 * down is lost. The log is: after every reconnection, and every `catchUpMs` as a safety net,
 * loaded rooms read from the store whatever they lack (RoomManager.catchUp).
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log';
import type { RelayedMessage, RoomRelay } from '../sync/hooks';
import { RelayDecodeError, decodeBusMessage, decodeDocumentMessage, encodeBusMessage, encodeDocumentMessage, type BusMessage } from './messages';

export interface RelayTarget {
  receive(documentId: string, message: RelayedMessage): void;
  catchUp(): Promise<void>;
}

export interface RedisRelayOptions {
  url: string;
  instanceId: string;
  log: Logger;
  /** Channel names start with this (several deployments may share one Redis). */
  prefix?: string;
  catchUpMs?: number;
  connectTimeoutMs?: number;
}

export class RedisRelay implements RoomRelay {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly prefix: string;
  private readonly joined = new Map<string, number>();
  private target: RelayTarget | null = null;
  private busHandler: ((message: BusMessage) => void) | null = null;
  private readyOnce = false;
  private closed = false;
  private readonly sweep: NodeJS.Timeout;

  private constructor(private readonly options: RedisRelayOptions) {
    this.prefix = options.prefix ?? 'ensemble';
    const common = { lazyConnect: true, connectTimeout: options.connectTimeoutMs ?? 5000, connectionName: `ensemble-${options.instanceId}` };
    this.pub = new Redis(options.url, { ...common });
    this.sub = new Redis(options.url, { ...common, autoResubscribe: true });
    for (const [name, client] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      client.on('error', (error: Error) => options.log.warn('relay_error', { connection: name, error: error.message }));
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
    this.sub.on('ready', () => this.subscriberReady());
    this.sweep = setInterval(() => void this.target?.catchUp(), options.catchUpMs ?? 10_000);
    this.sweep.unref();
  }

  /** Connects both connections and subscribes to the bus; rejects when Redis cannot be reached. */
  static async connect(options: RedisRelayOptions): Promise<RedisRelay> {
    const relay = new RedisRelay(options);
    try {
      await Promise.all([relay.pub.connect(), relay.sub.connect()]);
      await relay.sub.subscribe(relay.busChannel);
    } catch (error) {
      relay.pub.disconnect();
      relay.sub.disconnect();
      clearInterval(relay.sweep);
      throw new Error(`Redis at REDIS_URL could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    options.log.info('relay_connected', { instanceId: options.instanceId });
    return relay;
  }

  get instanceId(): string {
    return this.options.instanceId;
  }

  /** Where relayed document messages and bus messages go (set once the services are built). */
  deliverTo(target: RelayTarget, onBus: (message: BusMessage) => void): void {
    this.target = target;
    this.busHandler = onBus;
  }

  async join(documentId: string): Promise<void> {
    const count = this.joined.get(documentId) ?? 0;
    this.joined.set(documentId, count + 1);
    // Commands on one connection run in order, so this also waits for an earlier unsubscribe.
    await this.sub.subscribe(this.documentChannel(documentId));
  }

  leave(documentId: string): void {
    const count = (this.joined.get(documentId) ?? 0) - 1;
    if (count > 0) {
      this.joined.set(documentId, count);
      return;
    }
    this.joined.delete(documentId);
    if (!this.closed) this.sub.unsubscribe(this.documentChannel(documentId)).catch(() => undefined);
  }

  publish(documentId: string, message: RelayedMessage): void {
    this.send(this.documentChannel(documentId), encodeDocumentMessage(this.instanceId, message));
  }

  publishBus(message: BusMessage): void {
    this.send(this.busChannel, encodeBusMessage(this.instanceId, message));
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweep);
    await Promise.all([this.pub, this.sub].map((client) => quit(client)));
  }

  private send(channel: string, payload: Buffer | string): void {
    if (this.closed) return;
    this.pub.publish(channel, payload).catch((error: unknown) => {
      // Nothing is lost for good: receivers read what they missed from the log.
      this.options.log.warn('relay_publish_failed', { channel, error: String(error) });
    });
  }

  private received(channel: string, data: Buffer): void {
    try {
      if (channel === this.busChannel) {
        const { from, message } = decodeBusMessage(data.toString('utf8'));
        if (from !== this.instanceId) this.busHandler?.(message);
        return;
      }
      const documentId = channel.slice(this.documentChannel('').length);
      const { from, message } = decodeDocumentMessage(data, documentId);
      if (from !== this.instanceId) this.target?.receive(documentId, message);
    } catch (error) {
      // Never thrown back into the Redis client: one bad message must not stop the instance.
      if (error instanceof RelayDecodeError) this.options.log.warn('relay_message_dropped', { channel, error: error.message });
      else this.options.log.error('relay_message_failed', { channel, error: String(error) });
    }
  }

  private subscriberReady(): void {
    if (!this.readyOnce) {
      this.readyOnce = true;
      return;
    }
    // Reconnected: ioredis resubscribes first; once Redis has answered a ping, every
    // subscription is live again, and what was published meanwhile is read from the log.
    this.options.log.info('relay_reconnected', { instanceId: this.instanceId });
    this.sub
      .ping()
      .then(() => this.target?.catchUp())
      .catch((error: unknown) => this.options.log.warn('relay_catch_up_failed', { error: String(error) }));
  }

  private get busChannel(): string {
    return `${this.prefix}:bus`;
  }

  private documentChannel(documentId: string): string {
    return `${this.prefix}:doc:${documentId}`;
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  const timer = setTimeout(() => client.disconnect(), 1000);
  try {
    await client.quit();
  } catch {
    client.disconnect();
  } finally {
    clearTimeout(timer);
  }
}
