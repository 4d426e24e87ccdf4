import { css } from 'lit';

export const inboxStyles = css`
  :host {
    display: block;
    --_list-width: var(--cx-inbox-list-width, 280px);
    --_height: var(--cx-inbox-height, 560px);
    font-family: var(--_cx-font);
    font-size: var(--_cx-font-size);
    color: var(--_cx-text);
  }
  .inbox {
    display: grid;
    grid-template-columns: var(--_list-width) 1fr auto;
    height: var(--_height);
    background: var(--_cx-surface);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius);
    overflow: hidden;
  }
  /* The card is as tall as the inbox and scrolls inside it, however much it shows. */
  ::slotted([slot='customer-card']) {
    min-height: 0;
    overflow-y: auto;
  }
  .lists {
    overflow-y: auto;
    border-right: 1px solid var(--_cx-border);
    padding: var(--_cx-space);
  }
  .signed-out {
    padding: calc(var(--_cx-space) * 2);
    background: var(--_cx-surface);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius);
  }
  h2,
  h3 {
    font-size: 0.875em;
    margin: var(--_cx-space) 0;
    color: var(--_cx-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  ul {
    list-style: none;
    margin: 0 0 calc(var(--_cx-space) * 2);
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_cx-space);
  }
  .item {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
    padding: var(--_cx-space);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
  }
  .preview {
    overflow-wrap: anywhere;
  }
  .waited,
  .empty,
  .status {
    font-size: 0.875em;
    color: var(--_cx-text-muted);
    margin: 0;
  }
  button.select {
    text-align: left;
  }
  button.select[aria-current='true'] {
    outline: 2px solid var(--_cx-primary);
  }
  .conversation {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .conversation .header {
    padding: var(--_cx-space) calc(var(--_cx-space) * 1.5);
    border-bottom: 1px solid var(--_cx-border);
  }
  .prompt {
    margin: auto;
    color: var(--_cx-text-muted);
  }
  .error {
    color: var(--_cx-danger);
  }
`;
