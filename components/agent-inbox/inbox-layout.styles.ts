import { css } from 'lit';

/**
 * The inbox fits the CRM page's column it is placed in, not the window: it asks its own
 * width (a container query). Wide, three columns (lists, conversation, card), the side ones
 * slimmer on a laptop so the conversation keeps room; narrower, the card moves under the
 * two; narrow (a CRM side panel), everything stacks.
 */
export const inboxLayoutStyles = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 1080px) {
    .inbox {
      grid-template-columns: min(var(--_list-width), 220px) 1fr auto;
    }
    ::slotted([slot='customer-card']) {
      --cx-card-width: 300px;
    }
  }
  @container (max-width: 860px) {
    .inbox {
      grid-template-columns: var(--_list-width) 1fr;
      grid-template-rows: var(--_height) auto;
      height: auto;
    }
    ::slotted([slot='customer-card']) {
      grid-column: 1 / -1;
      max-height: var(--_height);
      border-top: 1px solid var(--_cx-border);
      --cx-card-width: 100%;
    }
  }
  @container (max-width: 600px) {
    .inbox {
      grid-template-columns: 1fr;
      grid-template-rows: auto var(--_height) auto;
    }
    .lists {
      max-height: calc(var(--_height) * 0.6);
      border-right: none;
      border-bottom: 1px solid var(--_cx-border);
    }
  }
`;
