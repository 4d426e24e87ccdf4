import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HubError } from '../errors.js';
import { openStorage } from '../storage/index.js';
import { freshDataDir, removeDir } from '../testing/data-dirs.js';
import { loadTokenSecret } from './secret.js';
import { signToken, verifyToken, type TokenPayload } from './tokens.js';

const secret = 'k'.repeat(32);
const now = Date.UTC(2026, 0, 1);
const payload: TokenPayload = { sub: 'v1', site: 'demo', role: 'visitor', exp: now / 1000 + 60 };

function rejectsWith(token: string, code: string, site = 'demo') {
  assert.throws(
    () => verifyToken(secret, token, site, now),
    (error: unknown) => error instanceof HubError && error.code === code,
  );
}

describe('tokens', () => {
  it('round-trips a signed payload', () => {
    assert.deepEqual(verifyToken(secret, signToken(secret, payload), 'demo', now), payload);
  });

  it('rejects a tampered signature, a tampered payload and a token signed with another secret', () => {
    const token = signToken(secret, payload);
    const [body, signature] = token.split('.') as [string, string];
    const flipped = (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1);
    rejectsWith(`${body}.${flipped}`, 'auth.invalid_token');
    const agentBody = Buffer.from(JSON.stringify({ ...payload, role: 'agent' })).toString(
      'base64url',
    );
    rejectsWith(`${agentBody}.${signature}`, 'auth.invalid_token');
    rejectsWith(signToken('x'.repeat(32), payload), 'auth.invalid_token');
  });

  it('rejects malformed tokens', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', `${Buffer.from('[]').toString('base64url')}.x`]) {
      rejectsWith(token, 'auth.invalid_token');
    }
    const notAnObject = Buffer.from('"x"').toString('base64url');
    const signed = signToken(secret, payload).split('.')[1];
    rejectsWith(`${notAnObject}.${signed}`, 'auth.invalid_token');
  });

  it('rejects an expired token and a token of another site', () => {
    rejectsWith(signToken(secret, { ...payload, exp: now / 1000 }), 'auth.expired_token');
    rejectsWith(signToken(secret, payload), 'auth.invalid_token', 'shop');
  });
});

describe('token secret', () => {
  it('prefers the configured secret, else generates one once and keeps it across restarts', async () => {
    const dataDir = await freshDataDir();
    try {
      let storage = await openStorage({ dataDir });
      assert.equal(await loadTokenSecret(storage, secret), secret);
      const generated = await loadTokenSecret(storage);
      assert.ok(generated.length >= 32);
      assert.equal(await loadTokenSecret(storage), generated);
      await storage.close();
      storage = await openStorage({ dataDir });
      assert.equal(await loadTokenSecret(storage), generated);
      await storage.close();
    } finally {
      await removeDir(dataDir);
    }
  });
});
