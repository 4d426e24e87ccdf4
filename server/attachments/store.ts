import { createHash, randomUUID } from 'node:crypto';
import type { AttachmentRef, AttachmentUpload } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Queryable } from '../storage/index.js';
import { signedPath } from './signing.js';

export interface NewAttachment {
  siteKey: string;
  uploader: Principal;
  name: string;
  type: string;
  bytes: Buffer;
}

export async function insertAttachment(
  db: Queryable,
  file: NewAttachment,
): Promise<AttachmentUpload> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  await db.query(
    `INSERT INTO attachments (id, site_key, uploader_role, uploader_id, name, type, size, sha256, bytes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      file.siteKey,
      file.uploader.role,
      file.uploader.id,
      file.name,
      file.type,
      file.bytes.length,
      sha256,
      file.bytes,
    ],
  );
  return { id, name: file.name, type: file.type, size: file.bytes.length };
}

export interface StoredFile {
  name: string;
  type: string;
  sha256: string;
  bytes: Uint8Array;
}

/** The file behind a download link; the link's signature is the permission, checked before. */
export async function findFile(db: Queryable, id: string): Promise<StoredFile | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.query<StoredFile>(
    'SELECT name, type, sha256, bytes FROM attachments WHERE id = $1',
    [id],
  );
  return row ?? null;
}

/**
 * Marks the principal's own, not yet attached uploads as carried by the message of
 * `commandId`, and returns them with signed links, in the order asked. The row locks of the
 * UPDATE make a concurrent send of the same id wait and then find it taken.
 */
export async function attachUploads(
  tx: Queryable,
  principal: Principal,
  ids: string[],
  commandId: string,
  secret: string,
): Promise<AttachmentRef[]> {
  const wanted = [...new Set(ids)];
  const unknown = wanted.find((id) => !isUuid(id));
  if (unknown) throw notFound(unknown);
  const rows = await tx.query<{ id: string; name: string; type: string; size: number }>(
    `UPDATE attachments SET attached_to = $1
     WHERE id = ANY($2::uuid[]) AND site_key = $3 AND uploader_role = $4 AND uploader_id = $5
       AND attached_to IS NULL
     RETURNING id, name, type, size`,
    [commandId, wanted, principal.siteKey, principal.role, principal.id],
  );
  if (rows.length < wanted.length) {
    const missing = wanted.find((id) => !rows.some((row) => row.id === id))!;
    const [taken] = await tx.query(
      `SELECT 1 FROM attachments
       WHERE id = $1 AND site_key = $2 AND uploader_role = $3 AND uploader_id = $4`,
      [missing, principal.siteKey, principal.role, principal.id],
    );
    if (taken)
      throw new HubError('attachment.already_attached', `attachment ${missing} is already sent`);
    throw notFound(missing);
  }
  return wanted.map((id) => {
    const row = rows.find((each) => each.id === id)!;
    return { ...row, size: Number(row.size), url: signedPath(secret, id) };
  });
}

/** Another site's or another uploader's file reads as absent: ids reveal nothing. */
function notFound(id: string): HubError {
  return new HubError('attachment.not_found', `no upload ${id} of yours on this site`);
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
