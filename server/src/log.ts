/**
 * Structured logging: one JSON line per event on stdout, never a secret. Anything that looks
 * like a session token in a URL (`?token=`) is redacted before it is written.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: Fields): void;
  info(event: string, fields?: Fields): void;
  warn(event: string, fields?: Fields): void;
  error(event: string, fields?: Fields): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const HEALTH_CONTENT_KEY = /^(text|content|body|title|name|displayName|email|proposal|reason|outcome|payload|update|state|quote)$/i;

export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}

export function createLogger(minLevel: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
  const emit = (level: LogLevel, event: string, fields: Fields = {}): void => {
    if (ORDER[level] < ORDER[minLevel]) return;
    const safe: Fields = {};
    for (const [key, value] of Object.entries(fields)) {
      if (/token|password|cookie|secret/i.test(key)) continue;
      // Health content never reaches the logs (docs/operations.md): fields that could carry
      // what people wrote or who they are are dropped whatever the caller passed.
      if (HEALTH_CONTENT_KEY.test(key)) continue;
      safe[key] = typeof value === 'string' ? redactUrl(value) : value;
    }
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...safe }));
  };
  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}
