import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../shared/src/index';
import { limitEnvName, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to 127.0.0.1:4321 with data in ./data', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4321, durability: 'normal', publicUrl: null });
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it('reads limit overrides and refuses invalid values with a clear message', () => {
    expect(limitEnvName('maxMessageBytes')).toBe('LIMIT_MAX_MESSAGE_BYTES');
    expect(loadConfig({ LIMIT_MAX_MESSAGE_BYTES: '2048' }).limits.maxMessageBytes).toBe(2048);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid configuration: PORT/);
    expect(() => loadConfig({ DURABILITY: 'maybe' })).toThrow(/DURABILITY/);
    expect(() => loadConfig({ LIMIT_MESSAGES_PER_SECOND: '-3' })).toThrow(/LIMIT_MESSAGES_PER_SECOND/);
  });
});
