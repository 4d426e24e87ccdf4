// Lint rules for the whole repo: TypeScript everywhere, Lit and web-component rules for
// browser code, and the right globals for where each folder runs.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'coverage/',
      'node_modules/',
      'custom-elements.json',
      '.cxkit-data/',
      '.test-data/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_` marks a parameter that an interface requires but this implementation ignores.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['components/**/*.ts', 'stories/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice']],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      // LitElement always defines the lifecycle callbacks, so `super.connectedCallback()` needs no guard.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['components/**', 'demo/**', 'stories/**', '.storybook/**', 'bench/**/*.page.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: [
      'server/**',
      'scripts/**',
      'test/**',
      'bench/**',
      'demo/crm/**',
      '*.config.js',
      '*.config.mjs',
      'web-test-runner.config.js',
      '.storybook/main.*',
    ],
    languageOptions: { globals: globals.node },
  },
);
