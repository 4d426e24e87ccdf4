/**
 * The design tokens and the shared look of buttons as plain CSS text, for the Lit-free
 * launchers (cx-chat's eager code must not load Lit). tokens.ts wraps the same text for
 * Lit widgets, so there is one source.
 *
 * Pages theme widgets by setting the public `--cx-*` properties (themes/*.css); each one is
 * read here once, with the light value as fallback, into a private `--_cx-*` alias, so a
 * widget looks right with no theme file. `data-cx-theme="dark"` (set from
 * `<cx-config theme="dark">`) switches the fallbacks.
 */
export const tokenCss = `
  :host {
    --_cx-primary: var(--cx-color-primary, #1f5fd6);
    --_cx-on-primary: var(--cx-color-on-primary, #ffffff);
    --_cx-surface: var(--cx-color-surface, #ffffff);
    --_cx-surface-alt: var(--cx-color-surface-alt, #f1f3f6);
    --_cx-text: var(--cx-color-text, #111827);
    --_cx-text-muted: var(--cx-color-text-muted, #4b5563);
    --_cx-border: var(--cx-color-border, #d1d5db);
    --_cx-danger: var(--cx-color-danger, #b91c1c);
    --_cx-radius: var(--cx-radius, 12px);
    --_cx-radius-small: var(--cx-radius-small, 6px);
    --_cx-font: var(
      --cx-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans KR',
      sans-serif
    );
    --_cx-font-size: var(--cx-font-size, 15px);
    --_cx-space: var(--cx-space, 8px);
    --_cx-focus-ring: var(--cx-focus-ring, 0 0 0 3px #1f5fd680);
    --_cx-shadow: var(--cx-shadow, 0 8px 30px rgb(0 0 0 / 18%));
    --_cx-z-index: var(--cx-z-index, 2147483000);
  }

  :host([data-cx-theme='dark']) {
    --_cx-primary: var(--cx-color-primary, #7aa7ff);
    --_cx-on-primary: var(--cx-color-on-primary, #0b1220);
    --_cx-surface: var(--cx-color-surface, #161b22);
    --_cx-surface-alt: var(--cx-color-surface-alt, #232a33);
    --_cx-text: var(--cx-color-text, #e6edf3);
    --_cx-text-muted: var(--cx-color-text-muted, #a3adb8);
    --_cx-border: var(--cx-color-border, #3d444d);
    --_cx-danger: var(--cx-color-danger, #ff7b72);
    --_cx-focus-ring: var(--cx-focus-ring, 0 0 0 3px #7aa7ff80);
    --_cx-shadow: var(--cx-shadow, 0 8px 30px rgb(0 0 0 / 50%));
  }
`;

/**
 * Shared look of buttons and focus inside widgets: all a launcher needs. The other controls'
 * look is in form-styles.ts, so it loads with the panels that use it.
 */
export const controlCss = `
  button {
    font: inherit;
    cursor: pointer;
    border: 1px solid transparent;
    border-radius: var(--_cx-radius-small);
    padding: calc(var(--_cx-space) * 0.75) calc(var(--_cx-space) * 1.5);
    background: var(--_cx-primary);
    color: var(--_cx-on-primary);
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--_cx-focus-ring);
  }
`;
