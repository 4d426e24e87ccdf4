import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  freshDataDir,
  removeDir,
  signedIn,
  startTestHub,
  stopTestHub,
  visitorToken,
  type TestHub,
} from './testing/harness.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

describe('hub lifecycle on one data directory', () => {
  let dataDir: string;
  before(async () => (dataDir = await freshDataDir()));
  after(() => removeDir(dataDir));

  it('refuses a second hub on the same directory, and starts again after close()', async () => {
    const first = await startTestHub({ dataDir });
    await assert.rejects(startTestHub({ dataDir }), {
      message: `another hub (pid ${process.pid}) is using data directory ${dataDir}`,
    });
    await first.close();
    const second = await startTestHub({ dataDir });
    await second.close();
  });

  it('answers a chat.send retry after a restart with the same ack, storing one message', async () => {
    let hub = await startTestHub({ dataDir });
    const { token } = await visitorToken(hub);
    const id = randomUUID();
    let visitor = await signedIn(hub, token);
    const first = await visitor.command('chat.send', { text: 'before restart' }, id);
    assert.equal(first.type, 'ack');
    visitor.close();
    await hub.close();

    hub = await startTestHub({ dataDir });
    // The visitor token survives the restart too (the token secret is kept).
    visitor = await signedIn(hub, token);
    const retry = await visitor.command('chat.send', { text: 'before restart' }, id);
    assert.deepEqual(retry, first);
    const { conversations } = await visitor.ok('conversations.list');
    assert.equal(conversations.length, 1);
    assert.equal(conversations[0].lastSeq, 1, 'one message.created, not two');
    visitor.close();
    await hub.close();
  });
});

describe('hub HTTP surface', () => {
  let hub: TestHub;
  before(async () => (hub = await startTestHub({ staticRoot: repoRoot })));
  after(() => stopTestHub(hub));

  it('serves the demo pages with a strict Content-Security-Policy', async () => {
    for (const path of ['/', '/agent/']) {
      const response = await fetch(hub.url + path);
      assert.equal(response.status, 200, path);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self';/);
      assert.match(csp, /require-trusted-types-for 'script'/);
    }
    const redirect = await fetch(`${hub.url}/agent`, { redirect: 'manual' });
    assert.equal(redirect.headers.get('location'), '/agent/');
  });

  it('listens on localhost for both 127.0.0.1 and ::1 ways of asking', async () => {
    assert.match(hub.url, /^http:\/\/localhost:\d+$/);
    const v4 = await fetch(`http://127.0.0.1:${hub.port}/healthz`);
    assert.equal(v4.status, 200);
  });

  it('closes open sockets with 1001 on close()', async () => {
    const extra = await startTestHub();
    const client = await signedIn(extra, (await visitorToken(extra)).token);
    await stopTestHub(extra);
    assert.equal((await client.closed).code, 1001);
  });
});

describe('npm start (server/main.ts)', () => {
  it('prints the URLs, refuses a second hub on the data dir, and exits 0 on SIGTERM', async () => {
    const dataDir = await freshDataDir();
    const env = {
      ...process.env,
      PORT: '0',
      CXKIT_DATA_DIR: dataDir,
      CXKIT_CONFIG: 'cxkit.config.json',
    };
    const run = () =>
      spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: repoRoot, env });
    const first = run();
    try {
      let output = '';
      first.stdout.on('data', (chunk) => (output += chunk));
      while (!/agent desk/.test(output)) await once(first.stdout, 'data');
      assert.match(output, /cxkit hub ready/);
      assert.match(output, /storefront\s+http:\/\/localhost:\d+\//);
      assert.match(output, /agent desk\s+http:\/\/localhost:\d+\/agent\//);

      const second = run();
      let errors = '';
      second.stderr.on('data', (chunk) => (errors += chunk));
      const [code] = await once(second, 'exit');
      assert.equal(code, 1);
      assert.match(
        errors,
        new RegExp(`another hub \\(pid ${first.pid}\\) is using data directory`),
      );

      first.kill('SIGTERM');
      const [exitCode] = await once(first, 'exit');
      assert.equal(exitCode, 0);
    } finally {
      first.kill();
      await removeDir(dataDir);
    }
  });
});
