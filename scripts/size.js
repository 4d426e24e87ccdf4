// Prints what each dist/ entry costs a page (gzip), following the entry's static imports
// into dist/chunks/, and fails when a budget from DESIGN.md "Budgets" is exceeded.
// Dynamic import() targets load on first use: they are listed as lazy, outside the budget.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const KB = 1024;

/** Storefront entries share one page, so their eager code is budgeted together. */
const STOREFRONT_ENTRIES = [
  'chat',
  'click-to-call',
  'callback-scheduler',
  'journey',
  'contact-options',
];
const STOREFRONT_BUDGET = 12 * KB;
/**
 * Agent-side entries are budgeted one by one. `core` is the library entry for custom
 * integrations: what of it a widget uses is already counted in that widget's entry.
 */
const ENTRY_BUDGETS = {
  core: null,
  'agent-inbox': 60 * KB,
  'agent-phone': 60 * KB,
  'callback-queue': 60 * KB,
  'customer-card': 60 * KB,
};

// Rollup's ESM output: `import{a as b}from"./chunks/x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"` and `import("./x.js")`. Only relative specifiers are ours.
const STATIC_IMPORT =
  /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function ensureBuilt() {
  if (existsSync(join(dist, 'chat.js'))) return;
  console.log('size: dist/ is missing, building first');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
}

const fileCache = new Map();
/** Reads a dist file once: its gzip size and the files it imports, as dist-relative paths. */
function inspect(file) {
  let info = fileCache.get(file);
  if (info) return info;
  const code = readFileSync(join(dist, file), 'utf8');
  const resolveSpecifier = (specifier) =>
    posix.normalize(posix.join(posix.dirname(file), specifier));
  info = {
    gzip: gzipSync(code, { level: 9 }).length,
    staticImports: [...code.matchAll(STATIC_IMPORT)].map((m) => resolveSpecifier(m[1])),
    dynamicImports: [...code.matchAll(DYNAMIC_IMPORT)].map((m) => resolveSpecifier(m[1])),
  };
  fileCache.set(file, info);
  return info;
}

/** The files that load before `start` runs: itself and its static imports, transitively. */
function staticClosure(starts) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    inspect(file).staticImports.forEach(visit);
  };
  starts.forEach(visit);
  return seen;
}

const gzipOf = (files) => [...files].reduce((sum, file) => sum + inspect(file).gzip, 0);

/** Lazy targets reachable from `eager`, each with the bytes it adds on top of `eager`. */
function lazyLoads(eager) {
  const targets = new Set([...eager].flatMap((file) => inspect(file).dynamicImports));
  return [...targets].map((target) => {
    const extra = [...staticClosure([target])].filter((file) => !eager.has(file));
    return { target, files: extra.length, gzip: gzipOf(extra) };
  });
}

const format = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function main() {
  ensureBuilt();
  const entries = readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .map((name) => name.slice(0, -'.js'.length))
    .sort();
  const rows = [];
  const problems = [];
  const check = (label, bytes, budget) => {
    const over = bytes > budget;
    if (over) problems.push(`${label} is ${format(bytes)} gzip, budget ${format(budget)}`);
    return { label, size: format(bytes), budget: format(budget), status: over ? 'OVER' : 'ok' };
  };

  for (const entry of entries) {
    const eager = staticClosure([`${entry}.js`]);
    const isStorefront = STOREFRONT_ENTRIES.includes(entry);
    const budget = isStorefront ? STOREFRONT_BUDGET : ENTRY_BUDGETS[entry];
    if (budget === undefined) {
      problems.push(`dist/${entry}.js has no budget: add it to scripts/size.js`);
      continue;
    }
    const label = `${entry}.js (${eager.size} files)`;
    rows.push(
      budget === null
        ? { label, size: format(gzipOf(eager)), budget: '-', status: '' }
        : check(label, gzipOf(eager), budget),
    );
    for (const lazy of lazyLoads(eager)) {
      rows.push({
        label: `  lazy ${lazy.target} (+${lazy.files} files)`,
        size: format(lazy.gzip),
        budget: '-',
        status: '',
      });
    }
  }

  const storefront = entries.filter((entry) => STOREFRONT_ENTRIES.includes(entry));
  if (storefront.length > 1) {
    const eager = staticClosure(storefront.map((entry) => `${entry}.js`));
    rows.push(
      check(`storefront eager total (${storefront.join(' + ')})`, gzipOf(eager), STOREFRONT_BUDGET),
    );
  }

  printTable(rows);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`size: ${problem}`);
    process.exit(1);
  }
}

function printTable(rows) {
  const header = {
    label: `gzip sizes (${relative(process.cwd(), dist) || '.'}/, level 9)`,
    size: 'size',
    budget: 'budget',
    status: '',
  };
  const all = [header, ...rows];
  const width = (key) => Math.max(...all.map((row) => row[key].length));
  const [labelWidth, sizeWidth, budgetWidth] = [width('label'), width('size'), width('budget')];
  for (const row of all) {
    console.log(
      `${row.label.padEnd(labelWidth)}  ${row.size.padStart(sizeWidth)}  ${row.budget.padStart(budgetWidth)}  ${row.status}`.trimEnd(),
    );
  }
}

main();
