import { css } from 'lit';

export const chatStyles = css`
  :host {
    display: block;
    --_offset: var(--cx-chat-offset, 16px);
    --_width: var(--cx-chat-width, 360px);
    --_height: var(--cx-chat-height, 520px);
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
  .panel {
    position: fixed;
    right: var(--_offset);
    bottom: var(--_offset);
    z-index: var(--_cx-z-index);
    display: flex;
    flex-direction: column;
    width: min(var(--_width), calc(100vw - 2 * var(--_offset)));
    height: min(var(--_height), calc(100vh - 2 * var(--_offset)));
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
  .status {
    margin: 0;
    padding: calc(var(--_cx-space) * 0.5) calc(var(--_cx-space) * 1.5);
    font-size: 0.875em;
    color: var(--_cx-text-muted);
  }
  .status.idle {
    padding: 0;
  }
`;
