import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';

const PUBLIC = { PUBLIC_URL: 'https://ensemble.example.org', SMTP_FROM: 'Ensemble <no-reply@example.org>' };

describe('SMTP configuration', () => {
  it('is off unless a mail server is named', () => {
    expect(loadConfig({}).smtp).toBeNull();
    expect(loadConfig({}).defaultLanguage).toBe('en');
    expect(loadConfig({ DEFAULT_LANGUAGE: 'fr' }).defaultLanguage).toBe('fr');
    expect(() => loadConfig({ DEFAULT_LANGUAGE: 'de' })).toThrow(/DEFAULT_LANGUAGE/);
  });

  it('is secure by default: STARTTLS required, or implicit TLS on port 465 and smtps://', () => {
    expect(loadConfig({ ...PUBLIC, SMTP_HOST: 'mail.example.org' }).smtp).toEqual({
      host: 'mail.example.org',
      port: 587,
      security: 'starttls',
      user: null,
      password: null,
      from: 'Ensemble <no-reply@example.org>',
    });
    expect(loadConfig({ ...PUBLIC, SMTP_HOST: 'mail.example.org', SMTP_PORT: '465' }).smtp?.security).toBe('tls');
    const url = loadConfig({ ...PUBLIC, SMTP_URL: 'smtps://ensemble%40example.org:p%40ss%3Aword@mail.example.org' }).smtp;
    expect(url).toMatchObject({ host: 'mail.example.org', port: 465, security: 'tls', user: 'ensemble@example.org', password: 'p@ss:word' });
    expect(loadConfig({ ...PUBLIC, SMTP_URL: 'smtp://mail.example.org:2525' }).smtp).toMatchObject({ port: 2525, security: 'starttls' });
    expect(loadConfig({ ...PUBLIC, SMTP_HOST: '127.0.0.1', SMTP_PORT: '25', SMTP_SECURITY: 'none' }).smtp?.security).toBe('none');
  });

  it('refuses half-made settings with a clear message that never shows the password', () => {
    expect(() => loadConfig({ SMTP_HOST: 'mail.example.org', SMTP_FROM: 'a@example.org' })).toThrow(/PUBLIC_URL is needed to send email/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://e.example.org', SMTP_HOST: 'mail.example.org' })).toThrow(/SMTP_FROM/);
    expect(() => loadConfig({ ...PUBLIC, SMTP_FROM: 'not an address', SMTP_HOST: 'mail.example.org' })).toThrow(/SMTP_FROM must be an address/);
    expect(() => loadConfig({ SMTP_FROM: 'a@example.org' })).toThrow(/SMTP_URL or SMTP_HOST is needed/);
    expect(() => loadConfig({ ...PUBLIC, SMTP_HOST: 'a', SMTP_URL: 'smtp://b' })).toThrow(/not both/);
    expect(() => loadConfig({ ...PUBLIC, SMTP_HOST: 'mail.example.org', SMTP_SECURITY: 'maybe' })).toThrow(/SMTP_SECURITY/);
    expect(() => loadConfig({ ...PUBLIC, SMTP_HOST: 'mail.example.org', SMTP_PASSWORD: 'hunter2-secret' })).toThrow(/SMTP_PASSWORD is set without SMTP_USER/);
    for (const env of [
      { ...PUBLIC, SMTP_URL: 'http://user:hunter2-secret@mail.example.org' },
      { SMTP_URL: 'smtp://user:hunter2-secret@mail.example.org', SMTP_FROM: 'a@example.org' },
      { ...PUBLIC, SMTP_HOST: 'mail.example.org', SMTP_USER: 'u', SMTP_PASSWORD: 'hunter2-secret', SMTP_PORT: 'x' },
    ]) {
      expect(() => loadConfig(env)).toThrow();
      try {
        loadConfig(env);
      } catch (error) {
        expect(String(error)).not.toContain('hunter2');
      }
    }
  });
});
