import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from './config.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('readConfig', () => {
  it('has defaults that start Puente on the embedded database in ./data on port 3000', () => {
    const config = readConfig({}, '/srv/puente');
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, '/srv/puente/data');
    assert.equal(config.databaseUrl, null);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.bodyLimit, 1_048_576);
    assert.equal(config.loadDemo, true);
  });

  it('reads every setting from the environment', () => {
    const config = readConfig({
      PORT: '8080',
      PUENTE_DATA_DIR: '/var/lib/puente',
      DATABASE_URL: 'postgres://puente:pw@db:5432/puente',
      PUENTE_BASE_URL: 'https://puente.example.org/',
      SMTP_URL: 'smtps://user:pass@mail.example.org:465',
      MAIL_FROM: 'Puente <puente@example.org>',
      PUENTE_BODY_LIMIT: '2048',
      PUENTE_DEMO: 'no',
      LOG_LEVEL: 'warn',
      PUENTE_SECRET: 'x'.repeat(40),
    });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgres://puente:pw@db:5432/puente');
    assert.equal(config.baseUrl, 'https://puente.example.org');
    assert.equal(config.bodyLimit, 2048);
    assert.equal(config.loadDemo, false);
    assert.equal(config.logLevel, 'warn');
  });

  it('reads the extra content languages of practices', () => {
    assert.deepEqual(readConfig({ PUENTE_CONTENT_LANGUAGES: 'ht, AR' }).contentLanguages, ['ht', 'ar']);
    assert.deepEqual(readConfig({}).contentLanguages, []);
  });

  it('runs background jobs every 5 seconds unless told otherwise (PUENTE_JOBS=off on a web-only instance)', () => {
    assert.equal(readConfig({}).jobsEnabled, true);
    assert.equal(readConfig({}).jobsPollSeconds, 5);
    const webOnly = readConfig({ PUENTE_JOBS: 'off', PUENTE_JOBS_POLL_SECONDS: '30' });
    assert.equal(webOnly.jobsEnabled, false);
    assert.equal(webOnly.jobsPollSeconds, 30);
  });

  const bad: [Record<string, string>, string, RegExp][] = [
    [{ PORT: 'abc' }, 'PORT', /an integer between 0 and 65535/],
    [{ PORT: '70000' }, 'PORT', /an integer between 0 and 65535/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres: or postgresql:/],
    [{ PUENTE_DEMO: 'maybe' }, 'PUENTE_DEMO', /true or false/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of fatal, error/],
    [{ PUENTE_BODY_LIMIT: '1.5MB' }, 'PUENTE_BODY_LIMIT', /an integer/],
    [{ PUENTE_SECRET: 'short' }, 'PUENTE_SECRET', /at least 32 characters/],
    [{ MAIL_FROM: 'not an address' }, 'MAIL_FROM', /an email address/],
    [{ PUENTE_ATTACHMENT_LIMIT: '10MB' }, 'PUENTE_ATTACHMENT_LIMIT', /an integer/],
    [{ PUENTE_CONTENT_LANGUAGES: 'ht, arabic' }, 'PUENTE_CONTENT_LANGUAGES', /language codes/],
    [{ PUENTE_JOBS: 'sometimes' }, 'PUENTE_JOBS', /true or false/],
    [{ PUENTE_JOBS_POLL_SECONDS: '0' }, 'PUENTE_JOBS_POLL_SECONDS', /an integer between 1 and 3600/],
  ];
  for (const [env, setting, expected] of bad) {
    it(`rejects ${setting}=${Object.values(env)[0]} naming the setting and the expected form`, () => {
      assert.throws(
        () => readConfig(env),
        (error: unknown) =>
          error instanceof ConfigError && error.setting === setting && expected.test(error.message),
      );
    });
  }

  it('never echoes a password from a connection string', () => {
    try {
      readConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' });
      assert.fail('should throw');
    } catch (error) {
      assert.doesNotMatch((error as Error).message, /hunter2/);
    }
  });
});

describe('npm start with a bad setting', () => {
  it('ends with exit code 2 and one line naming the setting, no stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(result.status, 2);
    const lines = result.stderr.trim().split('\n');
    assert.equal(lines.length, 1, result.stderr);
    assert.equal(
      lines[0],
      'puente: Invalid setting PORT: expected an integer between 0 and 65535 (got "eighty")',
    );
  });
});
