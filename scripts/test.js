// `npm test`: prepares Chromium, PostgreSQL and Redis (scripts/test-services.js), then runs
// the hub tests, the browser tests and the end-to-end tests, every suite even when an
// earlier one fails, and ends with one total line: `test: N passed, N failed, N skipped`.
// `npm test -- hub|browser|e2e|fault` runs one suite.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium, ensureServices } from './test-services.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'cxkit-test-'));

/** Test files under `dir` whose names end with `.test.ts`, as repo-relative paths. */
function findTests(dir) {
  const start = join(root, dir);
  if (!existsSync(start)) return [];
  return readdirSync(start, { recursive: true })
    .filter((file) => file.endsWith('.test.ts') && !file.split('/').includes('node_modules'))
    .map((file) => relative(root, join(start, file)))
    .sort();
}

function spawnInherit(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('exit', (code, signal) => resolve(signal ? 128 : code));
  });
}

/** Reads node's TAP summary (`# pass N` ...) into counts. */
function tapCounts(file) {
  const tap = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const count = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
}

/** Runs files with node's test runner: spec output for people, TAP to a file for the totals. */
async function runNodeTests(name, files, env) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
  const tapFile = join(scratch, `${name}.tap`);
  const code = await spawnInherit(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  return withExitCode(tapCounts(tapFile), code);
}

/** A runner that exits non-zero without a counted failure (crash, bad config) still fails. */
function withExitCode(counts, code) {
  if (code !== 0 && counts.failed === 0) {
    return { ...counts, failed: 1, note: `runner exited with code ${code}` };
  }
  return counts;
}

const suites = {
  async hub(env) {
    return runNodeTests('hub', findTests('server'), env);
  },

  async browser(env) {
    if (!existsSync(join(root, 'web-test-runner.config.js'))) {
      return { passed: 0, failed: 0, skipped: 0, note: 'no web-test-runner.config.js' };
    }
    const countsFile = join(scratch, 'browser.json');
    const code = await spawnInherit(
      process.execPath,
      [
        '--import',
        'tsx',
        'node_modules/@web/test-runner/dist/bin.js',
        '--config',
        'scripts/web-test-runner.counting.config.js',
      ],
      { ...env, CXKIT_TEST_COUNTS: countsFile },
    );
    const counts = existsSync(countsFile)
      ? JSON.parse(readFileSync(countsFile, 'utf8'))
      : { passed: 0, failed: 0, skipped: 0 };
    return withExitCode(counts, code);
  },

  async e2e(env) {
    const files = findTests('test/e2e');
    if (files.length === 0) return { passed: 0, failed: 0, skipped: 0, note: 'no test files' };
    // The end-to-end tests load the built widgets from dist/ through the hub.
    const buildCode = await spawnInherit('npm', ['run', '--silent', 'build'], env);
    if (buildCode !== 0) return { passed: 0, failed: 1, skipped: 0, note: 'npm run build failed' };
    return runNodeTests('e2e', files, env);
  },

  /** The hub process killed and restarted under a live conversation: nothing lost or doubled. */
  async fault(env) {
    return runNodeTests('fault', findTests('test/fault'), env);
  },
};

/** Chromium and the services, as env for the children; a failure is reported, not thrown. */
async function prepare(wanted) {
  const env = { ...process.env };
  const problems = [];
  const attempt = async (step) => {
    try {
      Object.assign(env, await step());
      return true;
    } catch (error) {
      console.error(`\ntest: ${error.message}\n`);
      problems.push(error.message);
      return false;
    }
  };
  const needsBrowser = wanted.includes('browser') || wanted.includes('e2e');
  const hasBrowser = needsBrowser && (await attempt(ensureChromium));
  if (wanted.includes('hub') || wanted.includes('e2e')) await attempt(ensureServices);
  return { env, problems, noBrowser: needsBrowser && !hasBrowser };
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in suites));
  if (unknown.length > 0) {
    console.error(
      `test: unknown suite ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}`,
    );
    process.exit(2);
  }
  const wanted = requested.length > 0 ? requested : Object.keys(suites);
  const { env, problems, noBrowser } = await prepare(wanted);

  const results = [];
  for (const name of wanted) {
    console.log(`\n=== ${name} tests ===`);
    const started = Date.now();
    const result =
      noBrowser && (name === 'browser' || name === 'e2e')
        ? { passed: 0, failed: 0, skipped: 0, note: 'not run: no Chromium' }
        : await suites[name](env);
    results.push({ name, seconds: (Date.now() - started) / 1000, ...result });
  }

  console.log('\n=== summary ===');
  for (const r of results) {
    const note = r.note ? ` (${r.note})` : '';
    console.log(
      `${r.name.padEnd(8)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped in ${r.seconds.toFixed(1)}s${note}`,
    );
  }
  for (const problem of problems) console.log(`setup    ${problem}`);
  const total = (key) => results.reduce((sum, r) => sum + r[key], 0);
  const [passed, failed, skipped] = [total('passed'), total('failed'), total('skipped')];
  console.log(`test: ${passed} passed, ${failed} failed, ${skipped} skipped`);

  rmSync(scratch, { recursive: true, force: true });
  if (passed + failed === 0) console.error('test: no test ran');
  process.exit(failed > 0 || problems.length > 0 || passed + failed === 0 ? 1 : 0);
}

main();
