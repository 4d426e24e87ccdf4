import type {
  AttachmentRef,
  AttachmentSettings,
  AttachmentUpload,
} from '../../../protocol/index.js';
import { fileProblem, guessedType } from '../hub/attachments.js';
import type { HubError } from '../hub/hub-connection.js';

interface StoredUpload extends AttachmentUpload {
  uploaderId: string;
  /** An object URL of the file, standing in for the hub's signed link. */
  url: string;
  attached: boolean;
}

const hubError = (code: string, message: string): HubError => ({ code, message });

/**
 * The fake hub's uploads: kept in memory per uploader, served as object URLs, attached to
 * one message each, as the hub does. `pause()` holds uploads half-way, to show progress.
 */
export class FakeAttachments {
  private readonly uploads = new Map<string, StoredUpload>();
  private paused: Promise<void> | null = null;
  private resumePaused = () => {};
  private nextId = 0;

  /** Uploads started from now on stop at 50% until `resume()`. */
  pause(): void {
    this.paused ??= new Promise((resolve) => (this.resumePaused = resolve));
  }

  resume(): void {
    this.resumePaused();
    this.paused = null;
  }

  async upload(
    file: File,
    uploaderId: string,
    onProgress: (fraction: number) => void,
    limits: AttachmentSettings,
  ): Promise<AttachmentUpload> {
    const problem = limits.enabled ? fileProblem(file, limits) : 'disabled';
    if (problem === 'tooLarge') throw hubError('attachment.too_large', 'The file is too large.');
    if (problem) throw hubError('attachment.type_not_allowed', 'This kind of file is refused.');
    onProgress(0.5);
    if (this.paused) await this.paused;
    onProgress(1);
    const id = `upload-${++this.nextId}`;
    const upload = { id, name: file.name, type: guessedType(file), size: file.size };
    const url = URL.createObjectURL(file);
    this.uploads.set(id, { ...upload, uploaderId, url, attached: false });
    return upload;
  }

  /** The refs a `chat.send` with `attachmentIds` carries; throws as the hub would. */
  attach(ids: readonly string[], uploaderId: string): AttachmentRef[] {
    const stored = ids.map((id) => {
      const upload = this.uploads.get(id);
      if (!upload || upload.uploaderId !== uploaderId)
        throw hubError('attachment.not_found', `No upload ${id} of yours.`);
      if (upload.attached)
        throw hubError('attachment.already_attached', `Upload ${id} is already sent.`);
      return upload;
    });
    return stored.map((upload) => {
      upload.attached = true;
      const { id, name, type, size, url } = upload;
      return { id, name, type, size, url };
    });
  }

  /** Stores a file as an upload already (stories that start with files in the log). */
  add(file: File, uploaderId: string): string {
    const id = `upload-${++this.nextId}`;
    const url = URL.createObjectURL(file);
    this.uploads.set(id, {
      id,
      name: file.name,
      type: guessedType(file),
      size: file.size,
      uploaderId,
      url,
      attached: false,
    });
    return id;
  }
}
