import type { ErrorBody } from '../../../protocol/index.js';

/** An HTTP error answer of the hub, or a network failure (status 0). */
export class HubHttpError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  /** Retrying with the same request cannot help (unknown site, forbidden origin, ...). */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 429;
  }
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new HubHttpError('network', `Could not reach ${url}`, 0);
  }
  const data = (await response.json().catch(() => null)) as (T & Partial<ErrorBody>) | null;
  if (!response.ok || data === null) {
    throw new HubHttpError(
      data?.code ?? 'internal',
      data?.message ?? `HTTP ${response.status}`,
      response.status,
    );
  }
  return data;
}
