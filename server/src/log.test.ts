import { describe, expect, it } from 'vitest';
import { createLogger, redactUrl } from './log';

describe('structured log', () => {
  it('writes one JSON line per event and never a token', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    log.debug('hidden', {});
    log.info('ws_open', { url: '/collab/abc?token=s3cret&x=1', token: 's3cret', sessionCookie: 'c' });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', event: 'ws_open', url: '/collab/abc?token=[redacted]&x=1' });
    expect(lines[0]).not.toContain('s3cret');
    expect(entry.sessionCookie).toBeUndefined();
  });

  it('drops fields that could carry health content or names, whoever logs them', () => {
    const lines: string[] = [];
    const log = createLogger('info', (line) => lines.push(line));
    log.info('some_event', { documentId: 'd1', text: 'Marie has cancer', title: 'Plan de Marie', displayName: 'Marie', proposal: 'p', bytes: 3 });
    expect(JSON.parse(lines[0]!)).toEqual({ time: expect.any(String), level: 'info', event: 'some_event', documentId: 'd1', bytes: 3 });
  });

  it('redacts tokens anywhere in a query string', () => {
    expect(redactUrl('/a?x=1&token=abc#f')).toBe('/a?x=1&token=[redacted]#f');
  });
});
