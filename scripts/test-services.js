// Makes sure what the tests need outside Node is present: Chromium for browser and
// end-to-end tests, PostgreSQL for the storage tests, Redis for multi-node tests.
// As root on Debian/Ubuntu it installs and starts them with apt-get; elsewhere it says
// what to install. Idempotent and fast once everything runs.
//
// `node scripts/test-services.js` prepares everything (used by .ci/run);
// scripts/test.js imports the functions and passes the resulting env to the test runners.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { pathToFileURL } from 'node:url';

const DATABASE = 'cxkit_test';
const REDIS_PORT = 6379;
const inCi = process.env.CI === 'true';
const isRoot = process.getuid?.() === 0;
const hasApt = commandPath('apt-get') !== null;
let aptUpdated = false;

const log = (message) => console.log(`test-services: ${message}`);

/** A service that is missing where we cannot install it: fatal in CI, a loud warning elsewhere. */
function unavailable(message) {
  if (inCi) throw new Error(message);
  console.warn(
    `\n*** test-services: WARNING: ${message}\n*** Tests that need it will be skipped.\n`,
  );
}

function commandPath(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function run(command, args, options = {}) {
  return execFileSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    ...options,
  });
}

/** Installs Debian packages when we may (root with apt-get); returns false when we may not. */
function aptInstall(packages) {
  if (!isRoot || !hasApt) return false;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    log('apt-get update');
    run('apt-get', ['update', '-qq'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(' ')}`);
  run('apt-get', ['install', '-y', '-qq', ...packages], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return true;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns { CHROME_PATH }; throws with install instructions when there is no Chromium. */
export function ensureChromium() {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    if (!isExecutable(configured))
      throw new Error(`CHROME_PATH=${configured} is not an executable file`);
    return { CHROME_PATH: configured };
  }
  const path = '/usr/bin/chromium';
  // Never let a tool download a browser build of its own: it fails here and is not what users run.
  if (!isExecutable(path) && !aptInstall(['chromium'])) {
    throw new Error(
      'Chromium is needed for the browser and end-to-end tests. Install it ' +
        '(Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to a Chrome or Chromium binary.',
    );
  }
  return { CHROME_PATH: path };
}

/** PostgreSQL versions installed from Debian packages, newest first. */
function postgresVersions() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((version) => existsSync(`${base}/${version}/bin/postgres`))
    .sort((a, b) => Number(b) - Number(a));
}

/** Returns { CXKIT_TEST_DATABASE_URL } for a fresh, empty test database, or {} with a warning. */
export function ensurePostgres() {
  if (process.env.CXKIT_TEST_DATABASE_URL) return {};
  const howTo =
    'PostgreSQL is needed for the storage tests. Set CXKIT_TEST_DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DB ' +
    '(an empty database the tests may wipe), or run `npm test` as root on Debian/Ubuntu so it can ' +
    'install and start one (apt-get install postgresql).';
  if (!isRoot || (postgresVersions().length === 0 && !aptInstall(['postgresql']))) {
    unavailable(howTo);
    return {};
  }
  const [version] = postgresVersions();

  const clusters = () =>
    run('pg_lsclusters', ['--no-header'])
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([v, name]) => v === version && name === 'main');
  if (clusters().length === 0) {
    log(`creating PostgreSQL ${version} cluster "main"`);
    run('pg_createcluster', [version, 'main'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const [[, , port, status]] = clusters();
  if (status !== 'online') {
    log(`starting PostgreSQL ${version} on port ${port}`);
    run('pg_ctlcluster', [version, 'main', 'start']);
  }
  const psql = (sql) =>
    run('runuser', ['-u', 'postgres', '--', 'psql', '-p', port, '-qXc', sql], {
      env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
    });
  psql("ALTER USER postgres PASSWORD 'postgres'");
  psql(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  psql(`CREATE DATABASE ${DATABASE}`);
  log(`PostgreSQL ${version} on port ${port}, empty database ${DATABASE}`);
  return { CXKIT_TEST_DATABASE_URL: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}` };
}

/** True when a Redis server answers PING on the port. */
function redisAnswers(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Returns { CXKIT_TEST_REDIS_URL } for a running local Redis, or {} with a warning. */
export async function ensureRedis() {
  if (process.env.CXKIT_TEST_REDIS_URL) return {};
  const url = { CXKIT_TEST_REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}` };
  if (await redisAnswers(REDIS_PORT)) return url;
  if (commandPath('redis-server') === null && !aptInstall(['redis-server'])) {
    unavailable(
      'Redis is needed for the multi-node tests. Set CXKIT_TEST_REDIS_URL=redis://HOST:6379, or install ' +
        'redis-server (Debian/Ubuntu: `sudo apt-get install redis-server`) so `npm test` can start it.',
    );
    return {};
  }
  log(`starting redis-server on 127.0.0.1:${REDIS_PORT}`);
  run('redis-server', [
    '--bind',
    '127.0.0.1',
    '--port',
    String(REDIS_PORT),
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'yes',
    '--pidfile',
    '/tmp/cxkit-test-redis.pid',
  ]);
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await redisAnswers(REDIS_PORT)) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server started but does not answer on 127.0.0.1:${REDIS_PORT}`);
}

/** Everything the hub and end-to-end tests need, as env variables for the test processes. */
export async function ensureServices() {
  return { ...ensurePostgres(), ...(await ensureRedis()) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const env = { ...ensureChromium(), ...(await ensureServices()) };
    for (const [name, value] of Object.entries(env)) log(`${name}=${value}`);
  } catch (error) {
    console.error(`test-services: ${error.message}`);
    process.exit(1);
  }
}
