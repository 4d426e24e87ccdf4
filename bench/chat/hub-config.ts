import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { agentTokenSeconds, signToken, visitorTokenSeconds } from '../../server/auth/tokens.js';

const repoRoot = resolve(import.meta.dirname, '../..');
/** The most the hub's config allows; the bench spreads its conversations over enough agents. */
export const maxChatsPerAgent = 100;

/**
 * A config for the bench hub: the repo's demo site, no CRM, and a token secret this
 * process knows, so it can mint a thousand visitor tokens offline instead of asking
 * `POST /api/v1/visitors` (limited to 60 a minute per address), and agents that may take
 * 100 conversations each.
 */
export function writeBenchConfig(dir: string): { path: string; tokenSecret: string } {
  const config = JSON.parse(readFileSync(join(repoRoot, 'cxkit.config.json'), 'utf8'));
  delete config.sites[0].crm;
  config.sites[0].maxChatsPerAgent = maxChatsPerAgent;
  const tokenSecret = randomBytes(32).toString('hex');
  const path = join(dir, 'cxkit.config.json');
  writeFileSync(path, JSON.stringify({ ...config, tokenSecret }));
  return { path, tokenSecret };
}

/** A token in the hub's own format (docs/protocol.md, "Trust"). */
export function mintToken(secret: string, role: 'visitor' | 'agent', id: string): string {
  const seconds = role === 'agent' ? agentTokenSeconds : visitorTokenSeconds;
  const exp = Math.floor(Date.now() / 1000) + seconds;
  return signToken(secret, { sub: id, site: 'demo', role, name: id, exp });
}
