/** Attachments: what the widgets learn about a site's limits and what an upload answers. Types only. */

/**
 * The `attachments` part of `GET /api/v1/sites/:siteKey/widget`: what the picker checks before
 * uploading (the hub checks the same again, on the bytes).
 */
export interface AttachmentSettings {
  enabled: boolean;
  /** Largest file in bytes. */
  maxBytes: number;
  /** MIME types accepted, e.g. `image/png`, `application/pdf`. */
  types: string[];
}

/** HTTP: the answer of `POST /api/v1/attachments`; pass `id` in `chat.send`'s `attachmentIds`. */
export interface AttachmentUpload {
  id: string;
  /** The cleaned file name. */
  name: string;
  /** The type found in the bytes. */
  type: string;
  size: number;
}
