// Builds the browser bundles the hub serves from dist/ and that storefronts load with
// one <script type="module">. Bare imports (lit, @lit/context) are bundled because the
// pages that embed us have no import map.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rmSync } from 'node:fs';

/** One entry per file a page can load: dist/<name>.js. */
const entries = {
  core: 'components/core/index.ts',
  chat: 'components/chat/index.ts',
  'agent-inbox': 'components/agent-inbox/index.ts',
  'customer-card': 'components/customer-card/index.ts',
  journey: 'components/journey/index.ts',
};

export default {
  input: entries,
  output: {
    dir: 'dist',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    // Chunk names carry a hash: clear dist/ so old chunks never pile up beside new ones.
    { name: 'clean-dist', buildStart: () => rmSync('dist', { recursive: true, force: true }) },
    // `production` keeps Lit's dev-mode build (and its console warnings) out of the bundle.
    nodeResolve({ browser: true, exportConditions: ['production'] }),
    typescript({
      tsconfig: './tsconfig.json',
      // Only browser code goes through the compiler; tests and stories are not bundled.
      include: ['components/**/*.ts', 'protocol/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.stories.ts', 'components/**/testing/**'],
      compilerOptions: { noEmit: false, declaration: false, sourceMap: true },
      outputToFilesystem: false,
    }),
    terser({ format: { comments: false }, ecma: 2022, module: true, compress: { passes: 3 } }),
  ],
  // `npm run build` runs with --silent so a good build prints nothing; real warnings
  // (unresolved imports, circular chunks, eval) still print here. Type errors are the
  // typecheck step's job.
  onwarn(warning) {
    if (warning.plugin === 'typescript') return;
    console.warn(`rollup: ${warning.code ?? 'WARNING'}: ${warning.message}`);
  },
};
