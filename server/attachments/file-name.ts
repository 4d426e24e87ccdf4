/** Longest file name kept, in characters; longer ones are shortened before the extension. */
export const maxNameLength = 120;

/**
 * A display-safe file name: no directories, no control or bidi-override characters (which
 * could make `invoice.exe.pdf` read as something else), no leading dots, trimmed and
 * shortened. Falls back to `file` when nothing is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const name = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const chars = [...name];
  if (chars.length <= maxNameLength) return name || 'file';
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : '';
  return chars.slice(0, maxNameLength - [...extension].length).join('') + extension;
}

/**
 * `Content-Disposition: attachment` with the name as RFC 6266 / 5987 `filename*` (UTF-8,
 * percent-encoded) and an ASCII `filename` fallback for old clients.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
