import type {
  AttachmentSettings,
  AttachmentUpload,
  ErrorBody,
  WidgetSettings,
} from '../../../protocol/index.js';
import type { CxSettings } from '../config/settings.js';
import { HubHttpError } from './http.js';

/** What the hub takes when the site says nothing (server/attachments/settings.ts). */
export const defaultAttachmentLimits: AttachmentSettings = {
  enabled: true,
  maxBytes: 10 * 1024 * 1024,
  types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'],
};

/** As many as `chat.send` takes in `attachmentIds`. */
export const maxFilesPerMessage = 10;

export function attachmentLimits(widget: WidgetSettings): AttachmentSettings {
  return { ...defaultAttachmentLimits, ...(widget.attachments as Partial<AttachmentSettings>) };
}

const typeByExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** The browser's guess of a file's type, from its name when the system has none. */
export function guessedType(file: File): string {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return file.type || typeByExtension[extension] || '';
}

/** Why a file cannot be sent under `limits` (checked again on the hub, on its bytes), or null. */
export function fileProblem(
  file: File,
  limits: AttachmentSettings,
): 'tooLarge' | 'wrongType' | null {
  if (!limits.types.includes(guessedType(file))) return 'wrongType';
  if (file.size > limits.maxBytes) return 'tooLarge';
  return null;
}

export interface UploadRequest {
  settings: CxSettings;
  /** The principal's token (the same one its socket said hello with). */
  token: string;
  /** Who uploads: the fake hub keeps uploads per principal, as the hub does. */
  principalId: string;
  file: File;
  /** Fraction sent so far, 0 to 1. */
  onProgress(fraction: number): void;
  signal: AbortSignal;
}

/** A connection source that stores uploads itself (the fake hub). */
interface UploadSource {
  uploadAttachment(
    file: File,
    principalId: string,
    onProgress: (fraction: number) => void,
  ): Promise<AttachmentUpload>;
}

/**
 * `POST /api/v1/attachments` with the raw file as the body. XMLHttpRequest rather than fetch:
 * only it reports upload progress. Rejects with a HubHttpError (`attachment.too_large`, ...).
 */
export function uploadAttachment(request: UploadRequest): Promise<AttachmentUpload> {
  const { settings, file } = request;
  const fake = settings.connection as Partial<UploadSource> | null;
  if (typeof fake?.uploadAttachment === 'function')
    return fake.uploadAttachment(file, request.principalId, request.onProgress);
  const query = new URLSearchParams({ siteKey: settings.siteKey, name: file.name });
  const xhr = new XMLHttpRequest();
  return new Promise((resolve, reject) => {
    xhr.open('POST', `${settings.hub}/api/v1/attachments?${query}`);
    xhr.setRequestHeader('authorization', `Bearer ${request.token}`);
    xhr.setRequestHeader('content-type', guessedType(file) || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 200 && body && 'id' in body) resolve(body as unknown as AttachmentUpload);
      else {
        const error = body as Partial<ErrorBody> | null;
        reject(
          new HubHttpError(
            error?.code ?? 'internal',
            error?.message ?? `HTTP ${xhr.status}`,
            xhr.status,
          ),
        );
      }
    };
    xhr.onerror = () => reject(new HubHttpError('network', `Could not reach ${settings.hub}`, 0));
    xhr.onabort = () => reject(new HubHttpError('client.aborted', 'The upload was cancelled.', 0));
    request.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

function parse(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
