/**
 * The README's first command, for real: `npm start`'s script bundles the sources, creates the
 * embedded database in an empty folder, loads the demo, serves pages, and stops cleanly.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('npm start', () => {
  it(
    'starts on an empty folder with the demo network, serves pages, and stops on SIGTERM',
    { timeout: 120_000 },
    async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'puente-start-'));
      const port = await freePort();
      const child = spawn(process.execPath, ['scripts/start.mjs'], {
        cwd: ROOT,
        env: {
          ...process.env,
          PUENTE_DATA_DIR: dataDir,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          DATABASE_URL: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`not ready in time:\n${output}`)), 90_000);
          child.stdout.on('data', () => {
            if (output.includes('Stop with Ctrl+C')) {
              clearTimeout(timer);
              resolve();
            }
          });
          child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
        });
        assert.match(output, new RegExp(`Puente is running at http://localhost:${port}`));
        assert.match(output, /admin@demo\.puente\.example/);
        assert.match(output, /password for all: puente-demo-2026/);
        const home = await fetch(`http://127.0.0.1:${port}/es`);
        assert.equal(home.status, 200);
        assert.match(await home.text(), /Red Interamericana de Cooperación en Migraciones \(RICOMI\)/);
        const css = await fetch(`http://127.0.0.1:${port}/assets/site.css`);
        assert.equal(css.status, 200);
        const api = await fetch(`http://127.0.0.1:${port}/api/v1/reference/iom-areas`);
        assert.equal((await api.json()).entries.length, 9);
      } finally {
        child.kill('SIGTERM');
        const code = await new Promise((resolve) =>
          child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve),
        );
        fs.rmSync(dataDir, { recursive: true, force: true });
        assert.equal(code, 0, output);
      }
    },
  );
});
