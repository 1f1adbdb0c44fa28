import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createUser } from './accounts/index.ts';
import { type Config, readConfigOrExit } from './config.ts';
import {
  BackupError,
  type BackupSummary,
  backupDatabase,
  type ProgressListener,
  readBackupHeader,
  restoreDatabase,
} from './db/backup.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { upkeepEmbedded } from './db/upkeep.ts';
import { loadDemo } from './demo/index.ts';
import {
  IMPORT_MAX_BYTES,
  type ImportProgress,
  importMemberships,
  importOrganisations,
  listOrganisationsForExport,
  organisationsToCsv,
  reportAsFieldErrors,
} from './directory/exchange.ts';
import { importPractices } from './practices/practices.exchange.ts';
import { sendStaleMatchReminders } from './cooperation/cooperation.matches.reminders.ts';
import { createMailer } from './mail/mailer.ts';
import { translator } from './web/i18n.ts';
import { isLang, type Lang } from './web/language.ts';

/**
 * `puente <command>`: the administration commands, run against the database that `npm start`
 * uses (same settings). Exit codes: 0 done, 1 the command failed (the message says why), 2 a bad
 * command line or setting. Expected failures print one message, never a stack trace.
 */

const USAGE = `Usage: puente <command> [options]

Commands:
  migrate                        apply the pending database migrations
  user:create --email E --name N [--admin] [--locale fr|es|en|pt] [--password-stdin]
                                 create an account; the password is read from standard input
                                 (printf '%s' "$PASSWORD" | puente user:create ... --password-stdin),
                                 never from the command line; without it the account waits for
                                 a password reset
  demo:load                      load the demo network into a new, empty instance
  backup FILE                    write a portable backup (gzipped JSON lines) of every table
  restore FILE                   restore a backup into a new, empty database (migrated first)
  import:organisations FILE      import organisations from FILE.csv (header row, optional HXL
                                 row) or FILE.json: every row is checked first; nothing is
                                 imported unless all are valid
  export:organisations FILE      write every organisation to FILE.csv (with HXL) or FILE.json
  import:memberships FILE        import network memberships from FILE.csv (as the export writes
                                 it: organisation_id, network, role, since) or FILE.json: all
                                 or nothing, as import:organisations
  practices:import FILE [--format csv|json]
                                 import practices from FILE: CSV (the columns of the practices
                                 export, optional HXL row) or JSON (as the JSON export writes
                                 them); all or nothing, as import:organisations; rows marked
                                 published (the default) are published, rows marked draft are
                                 drafts; the format comes from the file name unless given
  matches:remind                 remind the secretariat and the parties of each match without a
                                 move for PUENTE_MATCH_REMINDER_DAYS days (the server does it
                                 hourly; this is for cron: each match is claimed by one sweep
                                 only, however many run)
  jobs:run                       run the background jobs once: every schedule (digests,
                                 reminders, housekeeping), then every due job, including queued
                                 mail; for cron on instances started with PUENTE_JOBS=off (safe
                                 beside running instances: each job is done once)
  jobs:failed                    list the failed jobs (kind, attempts, last error; a mail's
                                 subject only): retry them from /{lang}/admin/jobs
  help                           show this text

Settings come from the environment, as for \`npm start\`: PUENTE_DATA_DIR (embedded database)
or DATABASE_URL (PostgreSQL server). With the embedded database, stop the server first: one
process at a time may open its folder.
`;

/** An expected failure of a command: printed as one line, exit code 1 (or 2 for usage). */
class CommandFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The operator's language for messages, from LANG/LC_ALL (`fr_FR.UTF-8` → fr), else English. */
function operatorLang(): Lang {
  const code = (process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '')
    .slice(0, 2)
    .toLowerCase();
  return isLang(code) ? code : 'en';
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function withDatabase<T>(config: Config, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (config.databaseUrl)
      throw new CommandFailure(
        `cannot reach the database at DATABASE_URL (${code ?? (error as Error).message})`,
      );
    throw new CommandFailure(
      `cannot open the embedded database in ${config.dataDir} (${(error as Error).message})`,
    );
  }
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** Applies pending migrations; says which, or nothing unless `verbose`. */
async function migrate(handle: DatabaseHandle, verbose: boolean): Promise<void> {
  const { results = [] } = await migrateToLatest(handle.db as never);
  for (const result of results) say(`Applied migration ${result.migrationName}`);
  if (verbose && results.length === 0) say('Nothing to apply: the database is up to date.');
}

function describeDatabase(config: Config): string {
  return config.databaseUrl
    ? 'the PostgreSQL server (DATABASE_URL)'
    : `the embedded database in ${config.dataDir}`;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new CommandFailure(
      `--password-stdin reads a pipe: printf '%s' "$PASSWORD" | puente user:create ... --password-stdin`,
      2,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` is not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function userCreate(config: Config, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      locale: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const password = values['password-stdin'] ? await readStdin() : '';
  const input = {
    email: values.email ?? '',
    name: values.name ?? '',
    isAdmin: values.admin,
    ...(values.locale !== undefined ? { locale: values.locale } : {}),
    ...(password !== '' ? { password } : {}),
  };
  const t = translator(operatorLang());
  const fail = (errors: { field: string; message: string }[]) =>
    new CommandFailure(errors.map((error) => `${error.field}: ${error.message}`).join('\npuente: '));
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    const result = await createUser(
      handle.db,
      null,
      { ...input, locale: input.locale as Lang | undefined },
      t,
    );
    if (!result.ok) throw fail(result.errors);
    say(
      `Created ${input.isAdmin ? 'the administrator' : 'the account'} ${input.email} (${result.value.id}).`,
    );
    if (!input.password)
      say('It has no password yet: send a password reset from the sign-in page ("Forgot your password?").');
  });
}

async function demoLoad(config: Config): Promise<void> {
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    if (await handle.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) {
      throw new CommandFailure(
        `${describeDatabase(config)} already has accounts: the demo loads only into a new, empty instance.`,
      );
    }
    const accounts = await loadDemo(handle.db);
    say(`The demo network was loaded. Demo accounts (password for all: ${accounts[0]?.password ?? ''}):`);
    for (const account of accounts) say(`  ${account.role.padEnd(34)} ${account.email}`);
  });
}

/** One line per table on stderr; on a terminal the line counts up while a big table is copied. */
function progressPrinter(): ProgressListener {
  const live = process.stderr.isTTY === true;
  return ({ table, done, total }) => {
    const line = `  ${table.padEnd(32)} ${String(done).padStart(9)} / ${total} rows`;
    if (done === total) process.stderr.write(`${live ? '\r' : ''}${line}\n`);
    else if (live) process.stderr.write(`\r${line}`);
  };
}

function summarize(summary: BackupSummary): string {
  const seconds = (summary.ms / 1000).toFixed(1);
  return `${summary.tables.length} tables, ${summary.rows} rows, ${summary.migrations.length} migrations, in ${seconds} s`;
}

function fileArgument(command: string, args: string[]): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new CommandFailure(`${command} takes one FILE\n\n${USAGE}`, 2);
  return path.resolve(positionals[0]!);
}

async function backup(config: Config, args: string[]): Promise<void> {
  const file = fileArgument('backup', args);
  if (!fs.existsSync(path.dirname(file)))
    throw new CommandFailure(`the folder ${path.dirname(file)} does not exist`);
  await withDatabase(config, async (handle) => {
    process.stderr.write(`Backing up ${describeDatabase(config)} to ${file}\n`);
    const summary = await backupDatabase(handle.db, file, progressPrinter());
    say(`Backup written to ${file}: ${summarize(summary)}.`);
  });
}

async function restore(config: Config, args: string[]): Promise<void> {
  const file = fileArgument('restore', args);
  if (!fs.existsSync(file)) throw new CommandFailure(`no such file: ${file}`);
  const header = await readBackupHeader(file);
  process.stderr.write(
    `Backup of ${header.createdAt}: ${header.tables.length} tables, ${header.migrations.length} migrations\n`,
  );
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    process.stderr.write(`Restoring ${file} into ${describeDatabase(config)}\n`);
    const summary = await restoreDatabase(handle.db, file, progressPrinter());
    say(`Restored ${file}: ${summarize(summary)}.`);
  });
}

function formatOf(file: string, command: string): 'csv' | 'json' {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv' || extension === '.json') return extension === '.csv' ? 'csv' : 'json';
  throw new CommandFailure(`${command}: FILE must end in .csv or .json (${file})`, 2);
}

/** A progress bar on stderr: redrawn in place on a terminal, one line per quarter otherwise. */
function progressBar(): (progress: ImportProgress) => void {
  const live = process.stderr.isTTY === true;
  const labels = { validate: 'Checking rows ', insert: 'Inserting rows' };
  let lastQuarter = -1;
  let lastPhase = '';
  return ({ phase, done, total }) => {
    if (phase !== lastPhase) [lastPhase, lastQuarter] = [phase, -1];
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const line = `  ${labels[phase]} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done).padStart(7)} / ${total}`;
    if (live) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`);
    else {
      const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
      if (quarter !== lastQuarter) process.stderr.write(`${line}\n`);
      lastQuarter = quarter;
    }
  };
}

async function importOrganisationsCommand(config: Config, args: string[]): Promise<void> {
  await importCommand(config, args, 'import:organisations', importOrganisations, 'organisations');
}

async function importMembershipsCommand(config: Config, args: string[]): Promise<void> {
  await importCommand(config, args, 'import:memberships', importMemberships, 'memberships');
}

async function importCommand(
  config: Config,
  args: string[],
  command: string,
  importer: typeof importOrganisations,
  what: string,
): Promise<void> {
  const file = fileArgument(command, args);
  const format = formatOf(file, command);
  if (!fs.existsSync(file)) throw new CommandFailure(`no such file: ${file}`);
  const size = fs.statSync(file).size;
  if (size > IMPORT_MAX_BYTES)
    throw new CommandFailure(
      `${file} is larger than ${Math.round(IMPORT_MAX_BYTES / 1024 / 1024)} MB: split it into several files`,
    );
  const t = translator(operatorLang());
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    process.stderr.write(`Importing ${file} into ${describeDatabase(config)}\n`);
    const started = performance.now();
    const result = await importer(handle.db, 'command-line', { format, bytes: fs.readFileSync(file) }, t, {
      onProgress: progressBar(),
    });
    if (!result.ok) {
      for (const error of reportAsFieldErrors(result, t))
        process.stderr.write(`  ${error.field}: ${error.message}\n`);
      const count = result.errors.length + result.more;
      throw new CommandFailure(`${count} problem(s) in ${file}: nothing was imported.`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(`Imported ${result.imported} ${what} from ${file} in ${seconds} s.`);
  });
}

async function importPracticesCommand(config: Config, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new CommandFailure(`practices:import takes one FILE\n\n${USAGE}`, 2);
  const file = path.resolve(positionals[0]!);
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'json')
    throw new CommandFailure(`practices:import: --format is csv or json, not "${values.format}"`, 2);
  const format = values.format ?? formatOf(file, 'practices:import');
  if (!fs.existsSync(file)) throw new CommandFailure(`no such file: ${file}`);
  if (fs.statSync(file).size > IMPORT_MAX_BYTES)
    throw new CommandFailure(
      `${file} is larger than ${Math.round(IMPORT_MAX_BYTES / 1024 / 1024)} MB: split it into several files`,
    );
  const t = translator(operatorLang());
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    process.stderr.write(`Importing ${file} into ${describeDatabase(config)}\n`);
    const started = performance.now();
    const result = await importPractices(
      handle.db,
      'command-line',
      { format, bytes: fs.readFileSync(file) },
      t,
      progressBar(),
    );
    if (!result.ok) {
      for (const error of reportAsFieldErrors(result, t))
        process.stderr.write(`  ${error.field}: ${error.message}\n`);
      const count = result.errors.length + result.more;
      throw new CommandFailure(`${count} problem(s) in ${file}: nothing was imported.`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    say(`Imported ${result.value.imported} practices from ${file} in ${seconds} s.`);
    // No jobs runner here to do it soon: the embedded database's statistics and indexes now.
    if (handle.kind === 'embedded') await upkeepEmbedded(handle.db);
  });
}

async function exportOrganisationsCommand(config: Config, args: string[]): Promise<void> {
  const file = fileArgument('export:organisations', args);
  const format = formatOf(file, 'export:organisations');
  if (!fs.existsSync(path.dirname(file)))
    throw new CommandFailure(`the folder ${path.dirname(file)} does not exist`);
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    const organisations = await listOrganisationsForExport(handle.db);
    const text =
      format === 'csv' ? organisationsToCsv(organisations) : `${JSON.stringify(organisations, null, 2)}\n`;
    fs.writeFileSync(file, text);
    say(`Exported ${organisations.length} organisations to ${file}.`);
  });
}

async function matchesRemindCommand(config: Config, args: string[]): Promise<void> {
  if (args.length > 0) throw new CommandFailure(`matches:remind takes no arguments\n\n${USAGE}`, 2);
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
    });
    try {
      const failures: unknown[] = [];
      const result = await sendStaleMatchReminders(handle.db, mailer, new Date(), config.matchReminderDays, {
        baseUrl: config.baseUrl,
        onMailError: (error) => failures.push(error),
      });
      say(
        `Reminded ${result.matches} match(es) without a move for ${config.matchReminderDays} days: ${result.mails} mail(s) sent.`,
      );
      if (failures.length > 0)
        throw new CommandFailure(
          `${failures.length} mail(s) could not be sent: ${(failures[0] as Error).message}`,
        );
    } finally {
      mailer.close();
    }
  });
}

async function jobsRunCommand(config: Config, args: string[]): Promise<void> {
  if (args.length > 0) throw new CommandFailure(`jobs:run takes no arguments\n\n${USAGE}`, 2);
  const [{ runJobsOnce }, { JOBS, SCHEDULES }] = await Promise.all([
    import('./jobs/jobs.runner.ts'),
    import('./jobs/jobs.catalogue.ts'),
  ]);
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
    });
    const errors: string[] = [];
    try {
      const result = await runJobsOnce({
        db: handle.db,
        mailer,
        config,
        log: { info: () => {}, error: (object) => errors.push(JSON.stringify(object)) },
        definitions: JOBS,
        schedules: SCHEDULES,
      });
      say(`Jobs: ${result.done} done, ${result.retried} to retry later, ${result.failed} failed for good.`);
      for (const error of errors.slice(0, 10)) process.stderr.write(`  ${error}\n`);
      if (result.failed > 0)
        throw new CommandFailure(`${result.failed} job(s) failed: see puente jobs:failed`);
    } finally {
      mailer.close();
    }
  });
}

async function jobsFailedCommand(config: Config, args: string[]): Promise<void> {
  if (args.length > 0) throw new CommandFailure(`jobs:failed takes no arguments\n\n${USAGE}`, 2);
  const { listFailedJobs } = await import('./jobs/jobs.admin.ts');
  await withDatabase(config, async (handle) => {
    await migrate(handle, false);
    const jobs = await listFailedJobs(handle.db);
    if (jobs.length === 0) return say('No failed jobs.');
    for (const job of jobs) {
      say(
        [
          job.id,
          job.kind,
          `attempts ${job.attempts}/${job.maxAttempts}`,
          `updated ${new Date(job.updatedAt).toISOString()}`,
          job.subject === null ? '' : `subject "${job.subject}"`,
        ]
          .filter(Boolean)
          .join('  '),
      );
      if (job.lastError) say(`  ${job.lastError.split('\n')[0]}`);
    }
    say(`${jobs.length} failed job(s).`);
  });
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const commands: Record<string, (config: Config, args: string[]) => Promise<void>> = {
    migrate: async (config, rest) => {
      if (rest.length > 0) throw new CommandFailure(`migrate takes no arguments\n\n${USAGE}`, 2);
      await withDatabase(config, (handle) => migrate(handle, true));
    },
    'user:create': userCreate,
    'demo:load': (config) => demoLoad(config),
    backup,
    restore,
    'import:organisations': importOrganisationsCommand,
    'export:organisations': exportOrganisationsCommand,
    'import:memberships': importMembershipsCommand,
    'practices:import': importPracticesCommand,
    'matches:remind': matchesRemindCommand,
    'jobs:run': jobsRunCommand,
    'jobs:failed': jobsFailedCommand,
  };
  const handler = commands[command];
  if (!handler) {
    process.stderr.write(`puente: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const config = readConfigOrExit();
  try {
    await handler(config, args);
    return 0;
  } catch (error) {
    if (error instanceof CommandFailure || error instanceof BackupError) {
      process.stderr.write(`puente: ${error.message}\n`);
      return error instanceof CommandFailure ? error.exitCode : 1;
    }
    // parseArgs rejects unknown or malformed options with a clear message of its own.
    if ((error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`puente: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    // Anything else is a bug or an outage: the message, and the stack only on request.
    process.stderr.write(`puente: ${command} failed: ${(error as Error).message ?? String(error)}\n`);
    if (process.env.PUENTE_DEBUG) console.error(error);
    else process.stderr.write('puente: (set PUENTE_DEBUG=1 to see the details)\n');
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
