// Configuration for `npm run manifest` (cem analyze): describes every element from its
// class JSDoc into custom-elements.json, which Storybook and editors read.
import { posix } from 'node:path';

/**
 * Elements register through `defineElement('cx-tag', Class)` (safe to run twice), which
 * the analyzer does not know; record each call as the `customElements.define` it wraps
 * so the class gets its tag name.
 */
function defineElementCalls() {
  return {
    name: 'cxkit-define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      const name = element.text;
      const imported = context.imports?.find((entry) => entry.name === name);
      // Name the module the way the manifest names modules: the source path from the root.
      const module = imported
        ? posix.join(posix.dirname(moduleDoc.path), imported.importPath).replace(/\.js$/, '.ts')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name, module } },
      ];
    },
  };
}

export default {
  globs: ['components/**/*.ts'],
  // Tests, test helpers and translation tables describe no public element.
  exclude: ['components/**/*.test.ts', 'components/**/testing/**', 'components/**/i18n/**'],
  outdir: '.',
  litelement: true,
  // package.json already points "customElements" at the file; do not rewrite it.
  packagejson: false,
  plugins: [defineElementCalls()],
};
