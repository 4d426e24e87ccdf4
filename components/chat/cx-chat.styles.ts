import { css } from 'lit';

/** The host and the launcher; the panel's styles load with the panel (chat-panel.styles.ts). */
export const chatStyles = css`
  :host {
    display: block;
    --_offset: var(--cx-chat-offset, 16px);
    font-family: var(--_cx-font);
    font-size: var(--_cx-font-size);
    color: var(--_cx-text);
  }
  .launcher {
    position: fixed;
    right: var(--_offset);
    bottom: var(--_offset);
    z-index: var(--_cx-z-index);
    border-radius: 999px;
    padding: calc(var(--_cx-space) * 1.5) calc(var(--_cx-space) * 2.5);
    box-shadow: var(--_cx-shadow);
    font-weight: 600;
  }
`;
