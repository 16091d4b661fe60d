/**
 * In-process counters, rendered in the Prometheus text exposition format (version 0.0.4) by
 * GET /api/metrics. Counters only go up for the life of the process; Prometheus computes rates
 * (updates per second) from them. Labels carry only status classes and event names, never an
 * id or a name, so the endpoint can say nothing about any person or document.
 */

/** Upper bounds (seconds) of the append latency histogram: group commit should stay well under 10 ms. */
export const APPEND_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] as const;

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
type StatusClass = (typeof STATUS_CLASSES)[number];

export interface Gauges {
  roomsLoaded: number;
  connections: number;
}

export class Metrics {
  private readonly http: Record<StatusClass, number> = { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
  private readonly errorEvents = new Map<string, number>();
  private updates = 0;
  private updateBytes = 0;
  private readonly appendBuckets = APPEND_BUCKETS.map(() => 0);
  private appendCount = 0;
  private appendSum = 0;

  constructor(
    private readonly version: string,
    private readonly startedAt: number,
  ) {}

  httpResponse(status: number): void {
    const key = `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx` as StatusClass;
    this.http[key]++;
  }

  error(event: string): void {
    this.errorEvents.set(event, (this.errorEvents.get(event) ?? 0) + 1);
  }

  updatesAppended(count: number, bytes: number): void {
    this.updates += count;
    this.updateBytes += bytes;
  }

  appendDuration(seconds: number): void {
    this.appendCount++;
    this.appendSum += seconds;
    APPEND_BUCKETS.forEach((bound, i) => {
      if (seconds <= bound) this.appendBuckets[i] = (this.appendBuckets[i] ?? 0) + 1;
    });
  }

  render(gauges: Gauges, now: number): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: Array<[string, number]>) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}${labels} ${formatValue(value)}`);
    };
    metric('ensemble_build_info', 'gauge', 'Version of the running server.', [[`{version="${this.version}"}`, 1]]);
    metric('ensemble_uptime_seconds', 'gauge', 'Seconds since the server started.', [['', (now - this.startedAt) / 1000]]);
    metric('ensemble_rooms_loaded', 'gauge', 'Documents whose room is loaded in memory.', [['', gauges.roomsLoaded]]);
    metric('ensemble_connections', 'gauge', 'Open realtime (WebSocket) connections.', [['', gauges.connections]]);
    metric('ensemble_updates_appended_total', 'counter', 'Document updates durably appended to the update log by the rooms.', [['', this.updates]]);
    metric('ensemble_update_bytes_appended_total', 'counter', 'Bytes of document updates appended by the rooms.', [['', this.updateBytes]]);
    lines.push('# HELP ensemble_append_duration_seconds Time to append one group-commit batch to storage.', '# TYPE ensemble_append_duration_seconds histogram');
    APPEND_BUCKETS.forEach((bound, i) => lines.push(`ensemble_append_duration_seconds_bucket{le="${bound}"} ${this.appendBuckets[i] ?? 0}`));
    lines.push(`ensemble_append_duration_seconds_bucket{le="+Inf"} ${this.appendCount}`);
    lines.push(`ensemble_append_duration_seconds_sum ${formatValue(this.appendSum)}`, `ensemble_append_duration_seconds_count ${this.appendCount}`);
    const errors = [...this.errorEvents.values()].reduce((a, b) => a + b, 0);
    metric('ensemble_errors_total', 'counter', 'Errors logged by the server (any event at level error).', [['', errors]]);
    metric(
      'ensemble_error_events_total',
      'counter',
      'Errors logged by the server, by log event.',
      [...this.errorEvents].sort(([a], [b]) => a.localeCompare(b)).map(([event, n]) => [`{event="${escapeLabel(event)}"}`, n]),
    );
    metric('ensemble_http_requests_total', 'counter', 'API requests answered, by status class.', STATUS_CLASSES.map((c) => [`{class="${c}"}`, this.http[c]]));
    return lines.join('\n') + '\n';
  }
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
