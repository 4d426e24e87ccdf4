import { controlCss, tokenCss } from '../core/styles/token-css.js';

/**
 * The host, the launcher and its unread badge, as plain CSS text (the launcher carries no Lit).
 * The panel's styles load with the panel (chat-panel.styles.ts), the invitation's with it.
 * Logical properties (`inset-inline-end`) put the launcher bottom-left in right-to-left pages.
 */
export const chatCss = `${tokenCss}${controlCss}
  :host {
    display: block;
    --_offset: var(--cx-chat-offset, 16px);
    font-family: var(--_cx-font);
    font-size: var(--_cx-font-size);
    color: var(--_cx-text);
  }
  .launcher {
    position: fixed;
    inset-inline-end: var(--_offset);
    bottom: var(--_offset);
    z-index: var(--_cx-z-index);
    display: inline-flex;
    align-items: center;
    gap: var(--_cx-space);
    border-radius: 999px;
    padding: calc(var(--_cx-space) * 1.5) calc(var(--_cx-space) * 2.5);
    box-shadow: var(--_cx-shadow);
    font-weight: 600;
  }
  .launcher[hidden],
  .badge[data-count=''] {
    display: none;
  }
  .badge::before {
    content: attr(data-count);
  }
  .badge {
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: 999px;
    background: var(--_cx-surface);
    color: var(--_cx-primary);
    font-size: 0.8em;
    line-height: 1.5em;
    text-align: center;
  }
`;
