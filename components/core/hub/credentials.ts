import type { AgentTokenResponse, VisitorTokenResponse } from '../../../protocol/index.js';
import { postJson } from './http.js';

/** Where a connection gets the token it says `hello` with. */
export interface Credentials {
  /** Identifies the principal in the in-memory connection registry. */
  readonly key: string;
  token(): Promise<string>;
  /** The hub rejected the token: get another one. False when there is no other one. */
  renew(): Promise<boolean>;
  /** Visitors: the signed-in customer's identity token, said with `hello`. */
  readonly identityToken?: string;
}

/**
 * A token fetched from the hub and kept in web storage, so a reload (visitor: also a
 * new tab) keeps the same identity and so the same conversations.
 */
class StoredTokenCredentials implements Credentials {
  constructor(
    /** Where the token is kept in `storage`. */
    private readonly storageKey: string,
    private readonly storage: Storage,
    private readonly fetchToken: () => Promise<string>,
    readonly key = storageKey,
    readonly identityToken?: string,
  ) {}

  async token(): Promise<string> {
    const kept = this.storage.getItem(this.storageKey);
    if (kept) return kept;
    const token = await this.fetchToken();
    this.storage.setItem(this.storageKey, token);
    return token;
  }

  async renew(): Promise<boolean> {
    this.storage.removeItem(this.storageKey);
    return true;
  }
}

/**
 * A visitor: `POST /api/v1/visitors` once, then the token in localStorage.
 * `session` counts the visitors forgotten on this page (`visitorSession`): the next one is
 * another principal, so another connection, though its token is kept under the same key.
 * A signed-in customer's `identityToken` goes with `hello`: only such a session reaches the
 * customer's conversations, so another identity is another connection too.
 */
export function visitorCredentials(
  hub: string,
  siteKey: string,
  storage: Storage = localStorage,
  session = 0,
  identityToken?: string,
): Credentials {
  const storageKey = `cxkit:visitor:${hub}|${siteKey}`;
  const fetchToken = async () => {
    const answer = await postJson<VisitorTokenResponse>(`${hub}/api/v1/visitors`, { siteKey });
    return answer.token;
  };
  const key = `${storageKey}#${session}${identityToken ? `#${identityToken}` : ''}`;
  return new StoredTokenCredentials(
    storageKey,
    storage,
    fetchToken,
    key,
    identityToken || undefined,
  );
}

/** A demo agent (demo sites only): a token from the hub, kept for this tab. */
export function demoAgentCredentials(
  hub: string,
  siteKey: string,
  storage: Storage = sessionStorage,
): Credentials {
  return new StoredTokenCredentials(`cxkit:demo-agent:${hub}|${siteKey}`, storage, async () => {
    const answer = await postJson<AgentTokenResponse>(`${hub}/api/v1/demo/agent-token`, {
      siteKey,
    });
    return answer.token;
  });
}

/** True when this tab already signed in as a demo agent. */
export function hasDemoAgentToken(
  hub: string,
  siteKey: string,
  storage: Storage = sessionStorage,
): boolean {
  return storage.getItem(`cxkit:demo-agent:${hub}|${siteKey}`) !== null;
}

/** A token given by the page (an agent token minted by the CRM backend). */
export function fixedCredentials(token: string): Credentials {
  return {
    key: `cxkit:fixed:${token}`,
    token: async () => token,
    renew: async () => false,
  };
}
