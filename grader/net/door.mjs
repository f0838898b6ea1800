// The grader's door into a network namespace of one program's copy (own-network.ts). Started by
// `unshare --net`, it brings the namespace's loopback up, then opens connections and listening
// sockets inside the namespace on the grader's request, and hands every connection over through
// the IPC channel, paused: it never reads a byte itself, so everything a program sends, and when,
// reaches the grader.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

const send = (message, handle) => process.connected && process.send(message, handle, () => undefined);
const listeners = new Map();

function connect({ id, host, port, timeoutMs }) {
  const socket = net.connect({ host, port });
  // Paused before it connects, so that not even a greeting is read here.
  socket.pause();
  const timer = setTimeout(() => {
    socket.destroy();
    send({ kind: 'failed', id, failure: 'timeout' });
  }, timeoutMs);
  socket.once('connect', () => {
    clearTimeout(timer);
    socket.removeAllListeners('error');
    socket.on('error', () => undefined);
    send({ kind: 'connected', id, host }, socket);
  });
  socket.once('error', (error) => {
    clearTimeout(timer);
    socket.destroy();
    send({ kind: 'failed', id, failure: error.code === 'ECONNREFUSED' ? 'refused' : 'error', errorCode: error.code });
  });
}

// The listening socket stays here: each connection it accepts is passed on as it comes.
function listen({ id, host, port }) {
  const server = net.createServer({ pauseOnConnect: true }, (socket) => {
    socket.on('error', () => undefined);
    send({ kind: 'connection', listener: id }, socket);
  });
  server.once('error', (error) => send({ kind: 'failed', id, failure: 'error', errorCode: error.code }));
  server.listen({ host, port, exclusive: true }, () => {
    listeners.set(id, server);
    send({ kind: 'listening', id });
  });
}

function unlisten({ id, listener }) {
  const server = listeners.get(listener);
  listeners.delete(listener);
  if (server) server.close(() => send({ kind: 'unlistened', id }));
  else send({ kind: 'unlistened', id });
}

const requests = { connect, listen, unlisten };
const up = spawnSync('ip', ['link', 'set', 'lo', 'up'], { encoding: 'utf8', timeout: 5_000 });
if (up.status !== 0) {
  const detail = (up.error?.message ?? up.stderr ?? `exit ${up.status}`).trim().split('\n')[0];
  process.send({ kind: 'unavailable', detail }, () => process.exit(1));
} else {
  process.on('message', (request) => requests[request.kind]?.(request));
  // The grader closed the channel, or died: the namespace ends with this process.
  process.on('disconnect', () => process.exit(0));
  send({ kind: 'ready' });
}
