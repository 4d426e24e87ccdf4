/**
 * The baseline: a raw `ws` relay with no persistence. Each connection names its pair and
 * side (`/?pair=7&side=customer|agent`); every message goes as is to the other side.
 * Run as a child process; prints `relay ready <port>`.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const sides = new Map<string, WebSocket>();
const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });

server.on('connection', (socket, request) => {
  const params = new URL(request.url ?? '/', 'http://relay').searchParams;
  const pair = params.get('pair');
  const side = params.get('side');
  const other = side === 'customer' ? 'agent' : 'customer';
  sides.set(`${pair}:${side}`, socket);
  socket.on('message', (data, isBinary) =>
    sides.get(`${pair}:${other}`)?.send(data, { binary: isBinary }),
  );
  socket.on('close', () => sides.delete(`${pair}:${side}`));
});
server.on('listening', () => {
  console.log(`relay ready ${(server.address() as { port: number }).port}`);
});
