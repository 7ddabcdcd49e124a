// A tiny server that speaks docs/websocket-protocol.md as a test tells it to, for the
// WebSocketTransport unit tests (test/transports/websocket-transport.test.ts). It runs inside the test
// runner (a plugin) and the tests drive it with executeServerCommand('websocket-fake', …).
// Every test opens its own "room" (a key in the socket and upload paths), so tests never share state.
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const WAIT_MS = 5000;

/** @typedef {{ type: string } & Record<string, unknown>} Frame */

class Room {
  /** What the next hello is answered with: 'welcome' | 'refuse' | 'nothing'. */
  answer = 'welcome';
  /** Answer pings with pongs. */
  pong = true;
  welcome = {};
  /** @type {Frame[]} every frame received, in order */
  frames = [];
  /** @type {import('ws').WebSocket[]} */
  sockets = [];
  /** @type {{ code: number, reason: string }[]} closes the clients made */
  closes = [];
  /** How the next uploads are answered: undefined (200 with a ref), { status, body }, or 'hang'. */
  upload = undefined;
  /** @type {{ url: string, authorization: string | undefined, type: string | undefined, bytes: number }[]} */
  uploads = [];
  hello = 0;
  /** @type {(() => void)[]} */
  #waiters = [];

  changed() {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves with what `check` returns once it returns something; fails after WAIT_MS. */
  until(check, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The fake server saw no ${what} within ${WAIT_MS} ms.`)), WAIT_MS);
      const test = () => {
        const value = check();
        if (value === undefined) {
          this.#waiters.push(test);
          return;
        }
        clearTimeout(timer);
        resolve(value);
      };
      test();
    });
  }
}

export function websocketFakeServer() {
  /** @type {Map<string, Room>} */
  const rooms = new Map();
  let http;
  let wss;
  let port = 0;
  let roomCount = 0;

  const roomOf = (key) => {
    const room = rooms.get(key);
    if (!room) throw new Error(`No room "${key}".`);
    return room;
  };

  function onSocket(socket, request) {
    const key = new URL(request.url, 'http://x').pathname.split('/')[2] ?? '';
    const room = rooms.get(key);
    if (!room) {
      socket.close(4404, 'no such room');
      return;
    }
    room.sockets.push(socket);
    socket.on('close', (code, reason) => {
      room.closes.push({ code, reason: reason.toString() });
      room.changed();
    });
    socket.on('message', (data) => {
      let frame;
      try {
        frame = JSON.parse(data.toString());
      } catch {
        socket.close(4400, 'not JSON');
        return;
      }
      room.frames.push(frame);
      if (frame.type === 'hello') {
        room.hello += 1;
        if (room.answer === 'refuse') {
          socket.send(JSON.stringify({ type: 'refused', code: 'auth-expired', message: 'The token has expired.' }));
          socket.close(4401, 'token refused');
        } else if (room.answer === 'welcome') {
          const cursor = frame.cursor ?? '000010';
          socket.send(
            JSON.stringify({
              type: 'welcome',
              protocol: 1,
              agent: { id: 'a-1', name: 'Ola' },
              capabilities: { reject: false, upload: true, typing: true, humanAgent: true },
              cursor,
              heartbeatMs: 15000,
              uploadUrl: `http://127.0.0.1:${port}/upload/${key}`,
              ...room.welcome,
            }),
          );
          if (frame.cursor === undefined) {
            socket.send(JSON.stringify({ type: 'event', event: { type: 'snapshot', cursor, offers: [], conversations: [], messages: [] } }));
          }
        }
      } else if (frame.type === 'ping' && room.pong) {
        socket.send(JSON.stringify({ type: 'pong', at: frame.at }));
      }
      room.changed();
    });
  }

  function onRequest(request, response) {
    const url = new URL(request.url, 'http://x');
    const [, first, key] = url.pathname.split('/');
    const room = first === 'upload' ? rooms.get(key ?? '') : undefined;
    if (!room) {
      response.writeHead(404).end();
      return;
    }
    // The browser's preflight: the test page and this server are different origins.
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': 'POST',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors).end();
      return;
    }
    let bytes = 0;
    request.on('data', (chunk) => {
      bytes += chunk.length;
    });
    request.on('end', () => {
      room.uploads.push({ url: url.pathname + url.search, authorization: request.headers.authorization, type: request.headers['content-type'], bytes });
      room.changed();
      const answer = room.upload;
      if (answer === 'hang') return;
      if (answer) {
        response.writeHead(answer.status, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        return;
      }
      const name = url.searchParams.get('name') ?? 'file';
      response
        .writeHead(200, { ...cors, 'content-type': 'application/json' })
        .end(JSON.stringify({ id: `att-${room.uploads.length}`, kind: 'file', name, mimeType: request.headers['content-type'], size: bytes, url: `http://127.0.0.1:${port}/files/${name}` }));
    });
  }

  /** What a test can ask of the server. */
  const actions = {
    open() {
      const key = `room-${++roomCount}`;
      rooms.set(key, new Room());
      return { key, url: `ws://127.0.0.1:${port}/agent/${key}`, uploadUrl: `http://127.0.0.1:${port}/upload/${key}` };
    },
    set({ key, ...settings }) {
      Object.assign(roomOf(key), settings);
      return true;
    },
    /** Sends a frame (an object as JSON, a string as it is) to the room's newest socket. */
    send({ key, frame }) {
      const socket = roomOf(key).sockets.at(-1);
      if (!socket) throw new Error('No socket to send to.');
      socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
      return true;
    },
    /** Closes the newest socket with `code`, or drops it without a close frame (`terminate`). */
    close({ key, code, reason = '', terminate = false }) {
      const socket = roomOf(key).sockets.at(-1);
      if (terminate) socket?.terminate();
      else socket?.close(code, reason);
      return true;
    },
    /** The `n`-th (from 0) frame of `type` the server received, once it has. */
    frame({ key, type, n = 0 }) {
      const room = roomOf(key);
      return room.until(() => room.frames.filter((f) => f.type === type)[n], `frame #${n} of type "${type}"`);
    },
    /** The `n`-th close a client made, once it has. */
    closed({ key, n = 0 }) {
      const room = roomOf(key);
      return room.until(() => room.closes[n], `close #${n}`);
    },
    /** The `n`-th upload the server received, once it has. */
    uploaded({ key, n = 0 }) {
      const room = roomOf(key);
      return room.until(() => room.uploads[n], `upload #${n}`);
    },
    frames({ key }) {
      return roomOf(key).frames;
    },
    dispose({ key }) {
      const room = roomOf(key);
      for (const socket of room.sockets) socket.terminate();
      rooms.delete(key);
      return true;
    },
  };

  return {
    name: 'websocket-fake-server',
    async serverStart() {
      http = createServer(onRequest);
      wss = new WebSocketServer({ server: http });
      wss.on('connection', onSocket);
      await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
      port = http.address().port;
    },
    async serverStop() {
      for (const client of wss?.clients ?? []) client.terminate();
      await new Promise((resolve) => wss?.close(() => resolve()) ?? resolve());
      await new Promise((resolve) => http?.close(() => resolve()) ?? resolve());
    },
    async executeCommand({ command, payload }) {
      if (command !== 'websocket-fake') return undefined;
      const action = actions[payload?.action];
      if (!action) throw new Error(`Unknown websocket-fake action "${payload?.action}".`);
      // A null result would read as "no plugin ran the command": wrap it.
      return { value: (await action(payload)) ?? null };
    },
  };
}
