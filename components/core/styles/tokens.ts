import { unsafeCSS } from 'lit';
import { controlCss, tokenCss } from './token-css.js';

/** The design tokens as each Lit widget reads them (see token-css.ts). */
export const tokenStyles = unsafeCSS(tokenCss);

/** Shared look of buttons and focus inside widgets (see token-css.ts). */
export const controlStyles = unsafeCSS(controlCss);
