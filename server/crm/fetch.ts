import type { CrmSourceConfig } from '../config/types.js';
import { customerUrl, defaultTimeoutMs } from './config.js';

/** A CRM answer is a customer record, not a file: refuse anything bigger. */
export const maxResponseBytes = 1_000_000;

export type CrmResponse =
  { kind: 'found'; json: unknown } | { kind: 'not_found' } | { kind: 'failed'; reason: string };

/** GETs one customer from the CRM. Never throws: every failure becomes a short reason. */
export async function fetchCustomer(
  crm: CrmSourceConfig,
  customerId: string,
): Promise<CrmResponse> {
  const timeoutMs = crm.timeoutMs ?? defaultTimeoutMs;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(customerUrl(crm, customerId), {
      headers: { accept: 'application/json', ...crm.headers },
      // Covers the headers and the body: a CRM that trickles its answer times out too.
      signal,
    });
    if (response.status === 404) {
      await response.body?.cancel();
      return { kind: 'not_found' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'failed', reason: `HTTP ${response.status}` };
    }
    const body = await readLimited(response);
    if (body === undefined) return { kind: 'failed', reason: 'response too large' };
    try {
      return { kind: 'found', json: JSON.parse(body) };
    } catch {
      return { kind: 'failed', reason: 'invalid JSON' };
    }
  } catch (error) {
    // The signal, not the error's shape, says whether it was the timeout (headers or body).
    if (signal.aborted) return { kind: 'failed', reason: `timeout after ${timeoutMs} ms` };
    return { kind: 'failed', reason: describeNetworkError(error) };
  }
}

async function readLimited(response: Response): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.byteLength;
    if (size > maxResponseBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

function describeNetworkError(error: unknown): string {
  // fetch wraps network errors: the cause carries the system code (ECONNREFUSED, ENOTFOUND).
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `cannot reach the CRM${code}`;
}
