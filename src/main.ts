import { readConfigOrExit } from './config.ts';
import { startPuente } from './server.ts';
import { DataDirInUseError } from './db/database.ts';

const config = readConfigOrExit();
const started = performance.now();

try {
  const puente = await startPuente(config);
  const address = puente.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url =
    config.baseUrl.replace(/:\d+$/, '') === 'http://localhost' ? `http://localhost:${port}` : config.baseUrl;
  const where =
    puente.database.kind === 'embedded'
      ? `embedded database in ${config.dataDir}`
      : 'PostgreSQL server (DATABASE_URL)';
  console.log(
    `\nPuente is running at ${url}  (${where}, ready in ${Math.round(performance.now() - started)} ms)`,
  );
  if (puente.demoAccounts) {
    console.log(
      '\nThe demo network was loaded. Demo accounts (password for all: ' +
        puente.demoAccounts[0]?.password +
        '):',
    );
    for (const account of puente.demoAccounts) console.log(`  ${account.role.padEnd(34)} ${account.email}`);
  }
  console.log('\nStop with Ctrl+C.\n');

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await puente.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof DataDirInUseError) {
    console.error(`puente: ${error.message}`);
  } else if (code === 'EADDRINUSE') {
    console.error(
      `puente: port ${config.port} is already in use; set PORT to another one (e.g. PORT=3001 npm start)`,
    );
  } else if (code === 'ECONNREFUSED' || code === '28P01' || code === '3D000') {
    console.error(`puente: cannot reach the database at DATABASE_URL (${code})`);
  } else {
    console.error('puente: could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
