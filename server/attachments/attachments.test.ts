import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it as test } from 'node:test';
import type { HubConfig } from '../config/index.js';
import {
  agentToken,
  demoOrigin,
  signedIn,
  startTestHub,
  stopTestHub,
  testConfig,
  testTokenSecret,
  visitorToken,
  type TestHub,
} from '../testing/harness.js';
import { freshPostgresSchema } from '../testing/postgres.js';
import { htmlPage, svgImage, tinyPdf, tinyPng } from './fixtures.js';
import { uploadsPerMinute } from './routes.js';
import { signedPath } from './signing.js';
import { drivers, skipReason } from '../testing/drivers.js';

// With CXKIT_TEST_DATABASE_URL set, the same suite also runs the hub on PostgreSQL.
const databaseUrl = process.env.CXKIT_TEST_DATABASE_URL;

/** The test sites, plus one with a 2 KiB PNG-only limit and one that takes no files. */
const config: HubConfig = {
  ...testConfig,
  sites: [
    ...testConfig.sites,
    {
      key: 'small',
      name: 'Small',
      origins: [],
      demo: true,
      attachments: { maxBytes: 2048, types: ['image/png'] },
    },
    { key: 'nofiles', name: 'No files', origins: [], demo: true, attachments: { enabled: false } },
  ],
};

interface UploadOptions {
  token?: string;
  siteKey?: string;
  name?: string;
  type?: string;
  origin?: string;
}

for (const driver of drivers) {
  const skip = skipReason(driver);

  describe(`attachments (${driver})`, () => {
    const it = (name: string, fn: () => Promise<void>) => test(name, { skip }, fn);
    let hub: TestHub;
    let dropSchema = async () => {};
    before(async () => {
      if (skip) return;
      if (driver === 'pglite') return void (hub = await startTestHub({ config }));
      const schema = await freshPostgresSchema(databaseUrl!);
      dropSchema = schema.drop;
      hub = await startTestHub({ config, databaseUrl: schema.url });
    });
    after(async () => {
      if (skip) return;
      await stopTestHub(hub);
      await dropSchema();
    });

    async function upload(body: Buffer, options: UploadOptions = {}) {
      const { siteKey = 'demo', name = 'photo.png', type = 'application/octet-stream' } = options;
      const token = options.token ?? (await visitorToken(hub, siteKey)).token;
      const query = new URLSearchParams({ siteKey, name });
      const response = await fetch(`${hub.url}/api/v1/attachments?${query}`, {
        method: 'POST',
        headers: {
          origin: options.origin ?? demoOrigin,
          authorization: `Bearer ${token}`,
          'content-type': type,
        },
        body: new Uint8Array(body),
      });
      return { status: response.status, body: await response.json() };
    }

    it('uploads a PNG, sends it without text, and the agent downloads it with safe headers', async () => {
      const { visitorId, token, visitor, agent } = await actors();
      const uploaded = await upload(tinyPng, { token, name: '사진 1.png', type: 'image/png' });
      assert.equal(uploaded.status, 200);
      assert.deepEqual(Object.keys(uploaded.body).sort(), ['id', 'name', 'size', 'type']);
      assert.equal(uploaded.body.name, '사진 1.png');
      assert.equal(uploaded.body.type, 'image/png');
      assert.equal(uploaded.body.size, tinyPng.length);

      const sent = await visitor.ok('chat.send', { text: '', attachmentIds: [uploaded.body.id] });
      assert.equal(sent.message.text, '');
      assert.equal(sent.message.author.id, visitorId);
      const [ref] = sent.message.attachments;
      assert.deepEqual(
        { id: ref.id, name: ref.name, type: ref.type, size: ref.size },
        uploaded.body,
      );
      assert.match(ref.url, /^\/api\/v1\/attachments\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]+$/);

      await agent.ok('subscribe', { stream: `conv:${sent.conversationId}`, after: 0 });
      const event = await agent.waitFor(
        (f) => f.type === 'event' && f.event.type === 'message.created',
      );
      // The replay signs its links anew: the same file, maybe a second later's expiry.
      const withoutLink = ({ url, ...file }: { url: string }) => (assert.ok(url), file);
      assert.deepEqual(
        event.event.message.attachments.map(withoutLink),
        sent.message.attachments.map(withoutLink),
      );
      assert.equal(event.event.message.attachments[0].url.split('?')[0], ref.url.split('?')[0]);

      // An <img> sends neither token nor Origin: the signed link alone opens the file.
      const download = await fetch(hub.url + ref.url);
      assert.equal(download.status, 200);
      assert.deepEqual(Buffer.from(await download.arrayBuffer()), tinyPng);
      assert.equal(download.headers.get('content-type'), 'image/png');
      assert.equal(
        download.headers.get('content-disposition'),
        `attachment; filename="__ 1.png"; filename*=UTF-8''%EC%82%AC%EC%A7%84%201.png`,
      );
      assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(download.headers.get('content-security-policy'), "default-src 'none'; sandbox");
      assert.match(download.headers.get('cache-control') ?? '', /^private/);
    });

    it('takes a PDF as octet-stream and names files by their sniffed type', async () => {
      const pdf = await upload(tinyPdf, { name: 'invoice.pdf' });
      assert.equal(pdf.status, 200);
      assert.equal(pdf.body.type, 'application/pdf');
      const unnamed = await upload(tinyPng, { name: 'clipboard' });
      assert.equal(unnamed.body.name, 'clipboard.png');
    });

    it('trusts the bytes, not the name or the claimed type', async () => {
      const pngAsPdf = await upload(tinyPng, { name: 'report.pdf' });
      assert.equal(pngAsPdf.status, 415);
      assert.equal(pngAsPdf.body.code, 'attachment.type_mismatch');
      assert.match(
        pngAsPdf.body.message,
        /name says application\/pdf but its content is image\/png/,
      );
      const claimedPdf = await upload(tinyPng, { name: 'x', type: 'application/pdf' });
      assert.equal(claimedPdf.body.code, 'attachment.type_mismatch');

      const htmlAsPng = await upload(htmlPage, { name: 'cat.png', type: 'image/png' });
      assert.equal(htmlAsPng.status, 415);
      assert.equal(htmlAsPng.body.code, 'attachment.type_not_allowed');
      const svg = await upload(svgImage, { name: 'logo.png' });
      assert.equal(svg.body.code, 'attachment.type_not_allowed');
      const claimedSvg = await upload(svgImage, { name: 'logo.svg', type: 'image/svg+xml' });
      assert.equal(claimedSvg.body.code, 'attachment.type_not_allowed');
      assert.match(claimedSvg.body.message, /image\/svg\+xml cannot be attached; allowed: /);
      const empty = await upload(Buffer.alloc(0));
      assert.equal(empty.body.code, 'attachment.empty');
    });

    it("applies the site's limits: types, size by Content-Length and while streaming, disabled", async () => {
      const pdf = await upload(tinyPdf, { siteKey: 'small', name: 'a.pdf' });
      assert.equal(pdf.body.code, 'attachment.type_not_allowed');

      const big = Buffer.concat([tinyPng, Buffer.alloc(4096)]);
      const declared = await upload(big, { siteKey: 'small' });
      assert.equal(declared.status, 413);
      assert.equal(declared.body.code, 'attachment.too_large');
      assert.match(declared.body.message, /larger than 2 KiB/);

      const streamed = await chunkedUpload(big, (await visitorToken(hub, 'small')).token);
      assert.equal(streamed.status, 413);
      assert.equal(streamed.body.code, 'attachment.too_large');

      const fits = await upload(Buffer.concat([tinyPng, Buffer.alloc(1000)]), { siteKey: 'small' });
      assert.equal(fits.status, 200);

      const off = await upload(tinyPng, { siteKey: 'nofiles' });
      assert.equal(off.status, 403);
      assert.equal(off.body.code, 'attachment.disabled');
    });

    it('checks the origin and the token like every route', async () => {
      const foreign = await upload(tinyPng, { origin: 'https://evil.example' });
      assert.equal(foreign.status, 403);
      assert.equal(foreign.body.code, 'origin.forbidden');
      const forged = await upload(tinyPng, { token: 'x.y' });
      assert.equal(forged.body.code, 'auth.invalid_token');
      const otherSite = await upload(tinyPng, { token: (await visitorToken(hub, 'other')).token });
      assert.equal(otherSite.body.code, 'auth.invalid_token');
      const response = await fetch(`${hub.url}/api/v1/attachments?siteKey=demo`, {
        method: 'POST',
        headers: { origin: demoOrigin, 'content-type': 'image/png' },
        body: new Uint8Array(tinyPng),
      });
      assert.equal(response.status, 401);
      assert.equal((await response.json()).code, 'auth.missing_token');
    });

    it("attaches only the sender's own, unsent uploads of this site", async () => {
      const { token, visitor } = await actors();
      const mine = await upload(tinyPng, { token });
      const theirs = await upload(tinyPng);
      const stranger = await visitor.command('chat.send', {
        text: 'hi',
        attachmentIds: [theirs.body.id],
      });
      assert.equal(stranger.code, 'attachment.not_found');
      const made = await visitor.command('chat.send', {
        text: 'hi',
        attachmentIds: [randomUUID()],
      });
      assert.equal(made.code, 'attachment.not_found');

      const id = randomUUID();
      const first = await visitor.ok(
        'chat.send',
        { text: 'look', attachmentIds: [mine.body.id] },
        id,
      );
      // A retry of the same command is the same message, not a second use.
      const retry = await visitor.ok(
        'chat.send',
        { text: 'look', attachmentIds: [mine.body.id] },
        id,
      );
      assert.deepEqual(retry, first);
      const again = await visitor.command('chat.send', {
        text: 'again',
        attachmentIds: [mine.body.id],
      });
      assert.equal(again.code, 'attachment.already_attached');

      // Another site's socket cannot name a demo upload either.
      const otherSite = await signedIn(hub, (await visitorToken(hub, 'other')).token, 'other');
      const unused = await upload(tinyPng, { token });
      const cross = await otherSite.command('chat.send', {
        text: 'x',
        attachmentIds: [unused.body.id],
      });
      assert.equal(cross.code, 'attachment.not_found');
      otherSite.close();
    });

    it('refuses forged, moved and expired links with 403 and a code', async () => {
      const { token, visitor } = await actors();
      const uploaded = await upload(tinyPdf, { token, name: 'a.pdf' });
      const sent = await visitor.ok('chat.send', {
        text: 'pdf',
        attachmentIds: [uploaded.body.id],
      });
      const good = new URL(sent.message.attachments[0].url, hub.url);

      const forged = new URL(good);
      forged.searchParams.set('sig', 'A'.repeat(43));
      const moved = new URL(good);
      moved.searchParams.set('exp', String(Number(good.searchParams.get('exp')) + 1));
      const expired = new URL(
        signedPath(testTokenSecret, uploaded.body.id, Date.now(), -1),
        hub.url,
      );
      for (const [url, code] of [
        [forged, 'attachment.link_invalid'],
        [moved, 'attachment.link_invalid'],
        [expired, 'attachment.link_expired'],
      ] as const) {
        const response = await fetch(url);
        assert.equal(response.status, 403, url.href);
        assert.equal((await response.json()).code, code);
      }
      const pdf = await fetch(good);
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="a.pdf"/);
    });

    it('lets one of two concurrent sends of the same upload have it', async () => {
      const token = (await visitorToken(hub)).token;
      const [a, b] = [await signedIn(hub, token), await signedIn(hub, token)];
      const uploaded = await upload(tinyPng, { token });
      const answers = await Promise.all(
        [a, b].map((socket) =>
          socket.command('chat.send', { text: 'race', attachmentIds: [uploaded.body.id] }),
        ),
      );
      assert.deepEqual(answers.map((f) => f.type).sort(), ['ack', 'error']);
      assert.equal(answers.find((f) => f.type === 'error')!.code, 'attachment.already_attached');
      a.close();
      b.close();
    });

    it('publishes the limits in the widget settings and rate-limits uploads per principal', async () => {
      const settings = await (
        await fetch(`${hub.url}/api/v1/sites/small/widget`, { headers: { origin: demoOrigin } })
      ).json();
      assert.deepEqual(settings.attachments, {
        enabled: true,
        maxBytes: 2048,
        types: ['image/png'],
      });

      const token = (await visitorToken(hub)).token;
      const statuses: number[] = [];
      for (let i = 0; i <= uploadsPerMinute; i++)
        statuses.push((await upload(tinyPng, { token })).status);
      assert.equal(statuses.filter((s) => s === 200).length, uploadsPerMinute);
      const limited = await upload(tinyPng, { token });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.code, 'rate.limited');
    });

    /** A visitor signed in with a fresh token (kept, for uploads) and the demo agent. */
    async function actors() {
      const visitor = await visitorToken(hub);
      const agent = await agentToken(hub);
      return {
        visitorId: visitor.visitorId,
        token: visitor.token,
        visitor: await signedIn(hub, visitor.token),
        agent: await signedIn(hub, agent.token),
      };
    }

    /** A body sent in chunks with no Content-Length: only the streaming check can stop it. */
    function chunkedUpload(body: Buffer, token: string) {
      return new Promise<{ status: number; body: { code: string } }>((resolve, reject) => {
        const request = httpRequest(
          `${hub.url}/api/v1/attachments?siteKey=small&name=big.png`,
          {
            method: 'POST',
            headers: {
              origin: demoOrigin,
              authorization: `Bearer ${token}`,
              'content-type': 'application/octet-stream',
              'transfer-encoding': 'chunked',
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk));
            response.on('end', () =>
              resolve({ status: response.statusCode!, body: JSON.parse(text) }),
            );
          },
        );
        request.on('error', reject);
        for (let offset = 0; offset < body.length; offset += 512)
          request.write(body.subarray(offset, offset + 512));
        request.end();
      });
    }
  });
}
