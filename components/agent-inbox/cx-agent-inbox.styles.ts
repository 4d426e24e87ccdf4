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
    width: 100%;
    text-align: start;
  }
  button.select.has-unread .preview {
    font-weight: 600;
  }
  .unread {
    align-self: flex-start;
    padding: 0 calc(var(--_cx-space) * 0.75);
    border-radius: 1em;
    font-size: 0.8em;
    font-weight: 600;
    background: var(--_cx-primary);
    color: var(--_cx-on-primary);
  }
  /* In "my conversations" the queue is a line of its own, not the end of "waited …". */
  .select .queue {
    margin: 0;
    font-size: 0.875em;
    color: var(--_cx-text-muted);
  }
  /* Still focusable and described (why it cannot be used), unlike a disabled button. */
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
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
  .conversation .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_cx-space);
  }
  .tools {
    display: flex;
    gap: var(--_cx-space);
  }
  .switch {
    display: flex;
    align-items: center;
    gap: calc(var(--_cx-space) * 0.5);
    margin-bottom: var(--_cx-space);
  }
  .presence,
  .search {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
    margin-bottom: var(--_cx-space);
  }
  .search-row {
    display: flex;
    gap: calc(var(--_cx-space) * 0.5);
  }
  .search-row input {
    flex: 1;
    min-width: 0;
  }
  select,
  input[type='search'] {
    font: inherit;
    padding: calc(var(--_cx-space) * 0.5);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
    background: var(--_cx-surface);
    color: var(--_cx-text);
  }
  .agents li {
    font-size: 0.875em;
  }
  .read-only,
  .hint {
    font-size: 0.875em;
    color: var(--_cx-text-muted);
    margin: 0;
  }
  .composer.agent {
    flex-wrap: wrap;
  }
  .composer.agent .modes {
    flex-basis: 100%;
    display: flex;
    gap: calc(var(--_cx-space) * 2);
    border: 0;
    margin: 0;
    padding: 0;
  }
  .composer.agent.note textarea {
    border-style: dashed;
  }
  .composer .actions {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
  }
  .composer .hint,
  .canned {
    flex-basis: 100%;
  }
  .canned {
    margin: 0;
    max-height: 10em;
    overflow-y: auto;
  }
  .canned button {
    display: flex;
    gap: var(--_cx-space);
    width: 100%;
    text-align: start;
  }
  .shortcut {
    font-weight: 600;
  }
  dialog.transfer {
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius);
    background: var(--_cx-surface);
    color: var(--_cx-text);
    min-width: min(24rem, 90vw);
  }
  dialog.transfer form {
    display: flex;
    flex-direction: column;
    gap: var(--_cx-space);
  }
  dialog.transfer fieldset {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
  }
  dialog.transfer .actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_cx-space);
  }
`;
