/** The invitation beside the launcher, as plain CSS text (the invitation carries no Lit). */
export const invitationCss = `
  .invitation {
    position: fixed;
    inset-inline-end: var(--_offset);
    bottom: calc(var(--_offset) + 3.75em);
    z-index: var(--_cx-z-index);
    display: flex;
    align-items: flex-start;
    gap: var(--_cx-space);
    box-sizing: border-box;
    max-width: min(300px, calc(100vw - 2 * var(--_offset)));
    padding: calc(var(--_cx-space) * 1.5);
    background: var(--_cx-surface);
    color: var(--_cx-text);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius);
    border-end-end-radius: var(--_cx-radius-small);
    box-shadow: var(--_cx-shadow);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .invitation p {
    margin: 0 0 var(--_cx-space);
  }
  .invitation .dismiss {
    flex: none;
    background: transparent;
    color: var(--_cx-text-muted);
    padding: 0 calc(var(--_cx-space) * 0.75);
    font-size: 1.25em;
    line-height: 1.4;
  }
  @media (prefers-reduced-motion: no-preference) {
    .invitation {
      animation: cx-invitation-in 0.2s ease-out;
    }
  }
  @keyframes cx-invitation-in {
    from {
      opacity: 0;
      transform: translateY(8px);
    }
  }
`;
