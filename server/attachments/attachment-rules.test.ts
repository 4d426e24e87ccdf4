import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateConfig } from '../config/index.js';
import { HubError } from '../errors.js';
import { cleanFileName, contentDisposition, maxNameLength } from './file-name.js';
import { htmlPage, svgImage, tinyPdf, tinyPng } from './fixtures.js';
import { attachmentSettings } from './settings.js';
import { checkLink, signedPath } from './signing.js';
import { sniffType, typeOfName } from './sniff.js';

const secret = 'attachment-secret-attachment-secret-0123';

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as HubError).code;
  }
  return undefined;
}

describe('attachment sniffing', () => {
  it('knows PNG, JPEG, GIF, WebP and PDF by their bytes', () => {
    assert.equal(sniffType(tinyPng), 'image/png');
    assert.equal(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])), 'image/jpeg');
    assert.equal(sniffType(Buffer.from('GIF89a\x01\x00')), 'image/gif');
    assert.equal(sniffType(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ')), 'image/webp');
    assert.equal(sniffType(tinyPdf), 'application/pdf');
  });

  it('recognises nothing else: HTML, SVG, RIFF audio, truncated signatures, empty files', () => {
    assert.equal(sniffType(htmlPage), null);
    assert.equal(sniffType(svgImage), null);
    assert.equal(sniffType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ')), null);
    assert.equal(sniffType(tinyPng.subarray(0, 5)), null);
    assert.equal(sniffType(Buffer.alloc(0)), null);
  });

  it('reads the type a name claims, and tells unknown extensions from none', () => {
    assert.equal(typeOfName('photo.JPG'), 'image/jpeg');
    assert.equal(typeOfName('scan.pdf'), 'application/pdf');
    assert.equal(typeOfName('logo.svg'), 'unknown');
    assert.equal(typeOfName('README'), null);
  });
});

describe('attachment file names', () => {
  it('drops directories, control and bidi-override characters and leading dots', () => {
    assert.equal(cleanFileName('C:\\Users\\me\\..\\report.pdf'), 'report.pdf');
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('invoice\u202Efdp.exe'), 'invoicefdp.exe');
    assert.equal(cleanFileName('.hidden\n.png'), 'hidden.png');
    assert.equal(cleanFileName('   '), 'file');
  });

  it('shortens long names but keeps the extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.png`);
    assert.equal([...name].length, maxNameLength);
    assert.ok(name.endsWith('.png'));
  });

  it('offers an ASCII fallback and the UTF-8 name in Content-Disposition', () => {
    assert.equal(
      contentDisposition('영수증 "1".pdf'),
      `attachment; filename="___ _1_.pdf"; filename*=UTF-8''%EC%98%81%EC%88%98%EC%A6%9D%20%221%22.pdf`,
    );
  });
});

describe('attachment links', () => {
  const id = '0b9f8c5e-2f4e-4a43-9a55-5a8a6d1c1b22';
  const parts = (path: string) => {
    const url = new URL(path, 'http://hub.test');
    return [url.searchParams.get('exp'), url.searchParams.get('sig')] as const;
  };

  it('accepts its own signature until the expiry', () => {
    const now = Date.now();
    const [exp, sig] = parts(signedPath(secret, id, now, 60));
    assert.equal(
      codeOf(() => checkLink(secret, id, exp, sig, now)),
      undefined,
    );
    assert.equal(
      codeOf(() => checkLink(secret, id, exp, sig, now + 61_000)),
      'attachment.link_expired',
    );
  });

  it('refuses another id, another secret, a moved expiry and missing parts', () => {
    const [exp, sig] = parts(signedPath(secret, id));
    const other = '1b9f8c5e-2f4e-4a43-9a55-5a8a6d1c1b22';
    assert.equal(
      codeOf(() => checkLink(secret, other, exp, sig)),
      'attachment.link_invalid',
    );
    assert.equal(
      codeOf(() => checkLink(`${secret}x`, id, exp, sig)),
      'attachment.link_invalid',
    );
    const later = String(Number(exp) + 3600);
    assert.equal(
      codeOf(() => checkLink(secret, id, later, sig)),
      'attachment.link_invalid',
    );
    assert.equal(
      codeOf(() => checkLink(secret, id, undefined, sig)),
      'attachment.link_invalid',
    );
    assert.equal(
      codeOf(() => checkLink(secret, id, exp, undefined)),
      'attachment.link_invalid',
    );
  });
});

describe('attachment config', () => {
  const site = (attachments: unknown) => ({
    sites: [{ key: 'demo', name: 'Demo', origins: [], attachments }],
  });

  it('fills in the defaults: 10 MiB, images and PDF, enabled', () => {
    const [demo] = validateConfig(site({})).sites;
    assert.deepEqual(attachmentSettings(demo!), {
      enabled: true,
      maxBytes: 10 * 1024 * 1024,
      types: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'],
    });
    const [off] = validateConfig(site({ enabled: false, types: ['image/png'] })).sites;
    assert.equal(attachmentSettings(off!).enabled, false);
    assert.deepEqual(attachmentSettings(off!).types, ['image/png']);
  });

  it('names the field of a limit above 25 MiB, an unknown type or an unknown field', () => {
    assert.throws(
      () => validateConfig(site({ maxBytes: 26 * 1024 * 1024 })),
      /sites\[0\]\.attachments\.maxBytes must be <= 26214400/,
    );
    assert.throws(
      () => validateConfig(site({ types: ['image/png', 'image/svg+xml'] })),
      /sites\[0\]\.attachments\.types\[1\] must be one of image\/png.*"image\/svg\+xml"/,
    );
    assert.throws(
      () => validateConfig(site({ maxSize: 5 })),
      /sites\[0\]\.attachments\.maxSize is not a known field/,
    );
  });
});
