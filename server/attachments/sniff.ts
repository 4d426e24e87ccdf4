/**
 * The type of a file from its first bytes, never from its name or the type a browser claims.
 * Only what the hub can serve safely is recognised; anything else (SVG, HTML, scripts,
 * archives) is null and refused.
 */
export function sniffType(bytes: Uint8Array): string | null {
  const starts = (signature: number[], offset = 0) =>
    bytes.length >= offset + signature.length &&
    signature.every((byte, i) => bytes[offset + i] === byte);
  const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(ascii('GIF87a')) || starts(ascii('GIF89a'))) return 'image/gif';
  if (starts(ascii('RIFF')) && starts(ascii('WEBP'), 8)) return 'image/webp';
  if (starts(ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** The extension a file of each known type should carry, and the ones that claim it. */
const extensions: Record<string, string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
};

/**
 * The type a file name claims by its extension, when the hub knows it; `unknown` for an
 * extension of some other type (`.svg`, `.html`), null for no extension.
 */
export function typeOfName(name: string): string | 'unknown' | null {
  const match = /\.([a-z0-9]{1,10})$/i.exec(name);
  if (!match) return null;
  const extension = match[1]!.toLowerCase();
  for (const [type, names] of Object.entries(extensions)) {
    if (names.includes(extension)) return type;
  }
  return 'unknown';
}

export function extensionOf(type: string): string {
  return extensions[type]?.[0] ?? 'bin';
}
