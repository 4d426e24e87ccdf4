/** Serves one HTML page from its own loopback origin, the way a storefront on another host would embed cxkit. */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface StaticPage {
  url: string;
  close(): Promise<void>;
}

export async function servePage(html: string, host = '127.0.0.1'): Promise<StaticPage> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      // No favicon either: a 204 keeps the browser console free of unrelated 404s.
      response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
