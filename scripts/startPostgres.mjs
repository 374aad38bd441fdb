/**
 * A throwaway PostgreSQL server for the tests and the bench (plain JavaScript, so the bench's
 * scripts use it as the tests do; types in `startPostgres.d.mts`): `initdb` in a fresh
 * temporary directory, listening on 127.0.0.1 only, on a free port, its unix socket in that
 * directory, trust authentication. Nothing outside the temporary directory is used or changed (as root,
 * a system user is created once if there is none to run the server: PostgreSQL refuses root).
 *
 * Binaries: `PG_BIN`, else `pg_config --bindir`, else the newest `/usr/lib/postgresql/<n>/bin`
 * (Debian's `postgresql` package; `.ci/run` installs it when missing).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUPERUSER = 'zv';
/** Made for the tests when there is no `postgres` system user to run the server as. */
const TEST_USER = 'zvtest';

const isExecutable = (file) => existsSync(file);

/** The directory of `initdb`, `pg_ctl` and `psql`, or an error saying how to get them. */
export const findPostgresBin = () => {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0) candidates.push(fromConfig.stdout.trim());
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name));
    versions.sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, 'bin')));
  }
  const found = candidates.find((dir) => isExecutable(join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      'startPostgres(): no initdb found (PG_BIN, pg_config --bindir, /usr/lib/postgresql/*/bin); install PostgreSQL, e.g. apt-get install -y postgresql',
    );
  }
  return found;
};

const hasUser = (name) => spawnSync('id', ['-u', name]).status === 0;

/** As root: the unprivileged user the server runs as (made if missing). Else `null`: run directly. */
const serverUser = () => {
  if (process.getuid?.() !== 0) return null;
  if (hasUser('postgres')) return 'postgres';
  if (!hasUser(TEST_USER)) {
    execFileSync('useradd', [
      '--system',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      TEST_USER,
    ]);
  }
  return TEST_USER;
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const idOf = (user, flag) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());

/** @type {typeof import('./startPostgres.d.mts').startPostgres} */
export const startPostgres = async ({ durable = false } = {}) => {
  const bin = findPostgresBin();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'zv-postgres-'));
  if (user) chownSync(dir, idOf(user, '-u'), idOf(user, '-g'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  const port = await freePort();

  const run = (program, args) => {
    const [command, argv] = user
      ? ['runuser', ['-u', user, '--', join(bin, program), ...args]]
      : [join(bin, program), args];
    const result = spawnSync(command, argv, { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(
        `startPostgres(): ${program} failed (${result.status}): ${result.stderr}${result.stdout}\n${log}`,
      );
    }
    return result.stdout;
  };

  run('initdb', [
    '--pgdata', data,
    '--username', SUPERUSER,
    '--auth', 'trust',
    '--encoding', 'UTF8',
    '--locale', 'C',
    '--no-sync',
  ]); // prettier-ignore
  const settings = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    // Tests throw the data away, so they need not wait for the disk; the bench keeps it honest.
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['start', '--wait', '--pgdata', data, '--log', logFile, '-o', settings]);
  const stop = (mode) => run('pg_ctl', ['stop', '--wait', '--pgdata', data, '--mode', mode]);
  start();

  let running = true;
  // A test run that dies must not leave a server behind.
  const onExit = () => {
    if (running) spawnSync(user ? 'runuser' : join(bin, 'pg_ctl'), user ? ['-u', user, '--', join(bin, 'pg_ctl'), 'stop', '-D', data, '-m', 'immediate'] : ['stop', '-D', data, '-m', 'immediate']); // prettier-ignore
  };
  process.once('exit', onExit);

  const url = (database = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  const psql = (sql, database = 'postgres') =>
    run('psql', ['--no-psqlrc', '--tuples-only', '--no-align', '--host', dir, '--port', String(port), '--username', SUPERUSER, '--dbname', database, '--set', 'ON_ERROR_STOP=1', '--command', sql]); // prettier-ignore

  const dump = (database = 'postgres') =>
    run('pg_dump', ['--data-only', '--host', dir, '--port', String(port), '--username', SUPERUSER, database]); // prettier-ignore

  return {
    url: url(),
    port,
    psql,
    dump,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name))
        throw new Error(`startPostgres(): bad database name ${name}`);
      psql(`CREATE DATABASE ${name}`);
      return url(name);
    },
    stop() {
      stop('fast');
      running = false;
    },
    start() {
      start();
      running = true;
    },
    destroy() {
      if (running) stop('immediate');
      running = false;
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
