import { css } from 'lit';

/**
 * The panel's own look; it loads with the panel, the launcher's is in cx-chat.styles.ts.
 * Logical properties, so the panel sits bottom-left and mirrors in right-to-left languages.
 */
export const panelStyles = css`
  cx-chat-panel {
    display: contents;
  }
  .panel {
    position: fixed;
    inset-inline-end: var(--_offset);
    bottom: var(--_offset);
    z-index: var(--_cx-z-index);
    display: flex;
    flex-direction: column;
    width: min(var(--cx-chat-width, 360px), calc(100vw - 2 * var(--_offset)));
    height: min(var(--cx-chat-height, 520px), calc(100vh - 2 * var(--_offset)));
    background: var(--_cx-surface);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius);
    box-shadow: var(--_cx-shadow);
    overflow: hidden;
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cx-space);
    padding: var(--_cx-space) calc(var(--_cx-space) * 1.5);
    border-bottom: 1px solid var(--_cx-border);
  }
  h2 {
    font-size: 1em;
    margin: 0;
  }
  .header button {
    white-space: nowrap;
  }
  .status {
    margin: 0;
    padding: calc(var(--_cx-space) * 0.5) calc(var(--_cx-space) * 1.5);
    font-size: 0.875em;
    color: var(--_cx-text-muted);
  }
  .status.idle {
    padding: 0;
  }
  .handoff {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cx-space);
    padding: var(--_cx-space) calc(var(--_cx-space) * 1.5);
    border-bottom: 1px solid var(--_cx-border);
  }
  /* Phones: the open panel is the whole screen, clear of notches and home bars. */
  @media (max-width: 480px) {
    .panel {
      inset: 0;
      width: 100%;
      height: 100vh;
      height: 100dvh;
      box-sizing: border-box;
      border: none;
      border-radius: 0;
      padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom)
        env(safe-area-inset-left);
    }
  }
`;
