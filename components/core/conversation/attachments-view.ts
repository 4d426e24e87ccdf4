import { css, html, nothing } from 'lit';
import type { AttachmentRef } from '../../../protocol/index.js';
import type { LocalizeController } from '../i18n/localize-controller.js';

/** "512 byte", "12 kB", "3.4 MB" in the widget's locale. */
export function formatFileSize(locale: string, bytes: number): string {
  const [value, unit] =
    bytes >= 1e6
      ? [bytes / 1e6, 'megabyte']
      : bytes >= 1000
        ? [bytes / 1000, 'kilobyte']
        : [bytes, 'byte'];
  try {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: value < 10 ? 1 : 0,
    }).format(value);
  } catch {
    return `${Math.round(bytes / 1000)} kB`;
  }
}

/**
 * A link the hub signed (a path relative to the hub) or a fake hub's object URL, made
 * absolute; anything that is not http(s) or blob (a `javascript:` URL) gives null.
 */
export function attachmentHref(ref: AttachmentRef, hub: string | undefined): string | null {
  if (!ref.url) return null;
  try {
    const url = new URL(ref.url, hub || document.baseURI);
    return ['http:', 'https:', 'blob:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The files of one message: images as thumbnails (alt = the file name) and other files as
 * a chip with name, size and kind, each a link to the download. A pending message's files
 * have no link yet.
 */
export function renderAttachments(
  refs: readonly AttachmentRef[] | undefined,
  l10n: LocalizeController,
  hub: string | undefined,
) {
  if (!refs?.length) return nothing;
  return html`<ul class="attachments" part="attachments">
    ${refs.map((ref) => {
      const href = attachmentHref(ref, hub);
      const content =
        ref.type.startsWith('image/') && href
          ? html`<img src=${href} alt=${ref.name} loading="lazy" />`
          : html`<span class="chip-kind">${kindLabel(ref.type, l10n)}</span>
              <span class="chip-name">${ref.name}</span>
              <span class="chip-size">${formatFileSize(l10n.locale, ref.size)}</span>`;
      const kind = ref.type.startsWith('image/') && href ? 'thumbnail' : 'file-chip';
      return html`<li>
        ${
          href
            ? html`<a class=${kind} part="attachment" href=${href} rel="noopener">${content}</a>`
            : html`<span class=${kind} part="attachment">${content}</span>`
        }
      </li>`;
    })}
  </ul>`;
}

function kindLabel(type: string, l10n: LocalizeController): string {
  if (type === 'application/pdf') return l10n.t('attachments.pdf');
  return (type.split('/')[1] ?? type).toUpperCase();
}

/** Styles of thumbnails, chips and the picker; widgets adopt them next to `conversationStyles`. */
export const attachmentStyles = css`
  .attachments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_cx-space) * 0.5);
  }
  .thumbnail {
    display: block;
    border-radius: var(--_cx-radius-small);
    overflow: hidden;
    line-height: 0;
  }
  .thumbnail img {
    max-width: 160px;
    max-height: 120px;
    min-width: 24px;
    min-height: 24px;
    object-fit: cover;
    background: var(--_cx-surface-alt);
  }
  .file-chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_cx-space) * 0.5);
    padding: 2px calc(var(--_cx-space) * 0.5);
    border: 1px solid currentColor;
    border-radius: var(--_cx-radius-small);
    color: inherit;
    font-size: 0.875em;
    max-width: 100%;
  }
  .chip-kind {
    font-weight: 700;
  }
  .chip-name {
    overflow-wrap: anywhere;
  }
  .thumbnail:focus-visible,
  .file-chip:focus-visible,
  .attach:focus-within {
    outline: none;
    box-shadow: var(--_cx-focus-ring);
  }
  .composer {
    flex-wrap: wrap;
  }
  .chosen,
  .attach-problem {
    flex-basis: 100%;
    margin: 0;
  }
  .chosen {
    list-style: none;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.875em;
  }
  .chosen li {
    display: flex;
    align-items: center;
    gap: calc(var(--_cx-space) * 0.5);
  }
  .chosen .file-name {
    flex: 1;
    overflow-wrap: anywhere;
  }
  .chosen progress {
    width: 5em;
  }
  .chosen .upload-state.failed,
  .attach-problem {
    color: var(--_cx-danger);
  }
  .attach {
    position: relative;
    display: inline-flex;
    align-items: center;
    padding: 0 calc(var(--_cx-space) * 0.75);
    border: 1px solid var(--_cx-border);
    border-radius: var(--_cx-radius-small);
    cursor: pointer;
  }
`;
