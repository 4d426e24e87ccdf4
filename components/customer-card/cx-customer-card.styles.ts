import { css, unsafeCSS } from 'lit';
import { rowHeight } from './journey-timeline.js';

export const cardStyles = css`
  :host {
    display: block;
    --_width: var(--cx-card-width, 360px);
    --_timeline-height: var(--cx-card-timeline-height, 320px);
    font-family: var(--_cx-font);
    font-size: var(--_cx-font-size);
    color: var(--_cx-text);
  }
  .card {
    box-sizing: border-box;
    width: var(--_width);
    max-width: 100%;
    height: 100%;
    overflow-y: auto;
    padding: calc(var(--_cx-space) * 1.5);
    background: var(--_cx-surface);
    border-left: 1px solid var(--_cx-border);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 1.5);
  }
  .header {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_cx-space);
  }
  h2 {
    font-size: 1.15em;
    margin: 0 0 calc(var(--_cx-space) * 0.5);
    overflow-wrap: anywhere;
  }
  h3,
  h4 {
    font-size: 0.8em;
    margin: 0 0 calc(var(--_cx-space) * 0.5);
    color: var(--_cx-text-muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  p {
    margin: 0;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_cx-space) * 0.5);
  }
  li {
    overflow-wrap: anywhere;
  }
  .quiet {
    color: var(--_cx-text-muted);
    font-size: 0.9em;
  }
  .badge {
    display: inline-block;
    font-size: 0.8em;
    padding: 0 calc(var(--_cx-space) * 0.5);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
  }
  .notice {
    padding: var(--_cx-space);
    border: 1px solid var(--_cx-border);
    border-left: 4px solid var(--_cx-danger);
    border-radius: var(--_cx-radius-small);
    background: var(--_cx-surface-alt);
  }
  .error {
    color: var(--_cx-danger);
  }
  .struggles li {
    padding: calc(var(--_cx-space) * 0.5) var(--_cx-space);
    border-left: 4px solid var(--_cx-danger);
    background: var(--_cx-surface-alt);
  }
  .struggles .detail,
  .struggles time {
    display: block;
  }
  .online .dot {
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    margin-right: 0.4em;
    border-radius: 50%;
    background: #16a34a;
  }
  a {
    color: var(--_cx-primary);
  }
  dl.fields {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: calc(var(--_cx-space) * 0.25) var(--_cx-space);
    margin: 0 0 var(--_cx-space);
  }
  dt {
    color: var(--_cx-text-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .orders li,
  .suggestion {
    display: flex;
    flex-direction: column;
  }
  button.small {
    padding: 0 var(--_cx-space);
    font-size: 0.85em;
    flex: none;
  }
  .scroller {
    height: var(--_timeline-height);
    overflow-y: auto;
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
    overscroll-behavior: contain;
  }
  .sizer {
    position: relative;
  }
  .rows {
    gap: 0;
  }
  .row {
    box-sizing: border-box;
    height: ${unsafeCSS(rowHeight)}px;
    display: flex;
    align-items: center;
    gap: calc(var(--_cx-space) * 0.75);
    padding: 0 var(--_cx-space);
    white-space: nowrap;
    border-bottom: 1px solid var(--_cx-surface-alt);
  }
  /* A narrow card shortens the words, never the time or the "Send link" button. */
  .row .detail,
  .row .label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .row .detail {
    flex: 1 1 0;
  }
  .row time {
    color: var(--_cx-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .row.visit {
    font-weight: 600;
    background: var(--_cx-surface-alt);
  }
  .row.struggle {
    border-left: 4px solid var(--_cx-danger);
    font-weight: 600;
  }
  .row.struggle .badge {
    border-color: var(--_cx-danger);
    color: var(--_cx-danger);
  }
`;
