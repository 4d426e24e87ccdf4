import type { AttachmentSettings } from '../../protocol/index.js';
import type { AttachmentsConfig, SiteConfig } from '../config/types.js';

const mebibyte = 1024 * 1024;
/** Above this a site's `maxBytes` is refused: files live in the database and in memory while they pass. */
export const hardMaxBytes = 25 * mebibyte;

/** What the hub can recognise in a file's bytes; a site allows these or a subset. */
export const knownTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;

export const defaultAttachmentSettings: AttachmentSettings = {
  enabled: true,
  maxBytes: 10 * mebibyte,
  types: [...knownTypes],
};

/** `sites[].attachments` in the config's JSON schema; the type names are checked by `attachmentsConfigProblem`. */
export const attachmentsConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean' },
    maxBytes: { type: 'integer', minimum: 1, maximum: hardMaxBytes },
    types: {
      type: 'array',
      minItems: 1,
      maxItems: knownTypes.length,
      items: { type: 'string' },
    },
  },
} as const;

/** A message naming the bad field, or null. */
export function attachmentsConfigProblem(config: AttachmentsConfig, field: string): string | null {
  const known: readonly string[] = knownTypes;
  for (const [index, type] of (config.types ?? []).entries()) {
    if (!known.includes(type)) {
      return `${field}.types[${index}] must be one of ${knownTypes.join(', ')} (got ${JSON.stringify(type)})`;
    }
  }
  return null;
}

/** A site's attachment settings with every default filled in. */
export function attachmentSettings(site: SiteConfig): AttachmentSettings {
  const config = site.attachments ?? {};
  return {
    enabled: config.enabled ?? defaultAttachmentSettings.enabled,
    maxBytes: config.maxBytes ?? defaultAttachmentSettings.maxBytes,
    types: config.types ? [...new Set(config.types)] : [...defaultAttachmentSettings.types],
  };
}
