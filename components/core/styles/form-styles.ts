import { css } from 'lit';

/** Shared look of the other native controls, for panels and desks (after `controlStyles`). */
export const formStyles = css`
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button.quiet {
    background: transparent;
    color: inherit;
    border-color: var(--_cx-border);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
