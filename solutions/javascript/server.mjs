// Reference solution, Task 1: the server of the lab "Client–Server (single thread)", in JavaScript.
//
// One message per connection: the client sends UTF-8 text ended by '\n' or by closing its
// sending side; the server replies with the number of characters and closes the connection.
// After SOCKET_TIMEOUT seconds without a new client it says so and stops.
import net from 'node:net';

// The run contract: the grader passes these; the defaults are the lab's.
const port = Number(process.env.PORT ?? 12345);
const host = process.env.HOST ?? '127.0.0.1';
const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);

// Characters are Unicode code points: [...'👋'] has one element, while '👋'.length is 2
// (JavaScript strings count UTF-16 units) and Buffer.byteLength('👋') is 4.
function countCharacters(text) {
  return [...text].length;
}

// allowHalfOpen: a client that ends its message by half-closing still gets the reply.
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  const client = `${socket.remoteAddress}:${socket.remotePort}`;
  console.log(`Connection from ${client}`);
  restartIdleTimer();

  // TCP is a stream: a message may arrive in several pieces, and a multi-byte character may be
  // cut between two of them. Collect the bytes and decode the whole message once.
  const pieces = [];
  let answered = false;

  function answer(message) {
    if (answered) return;
    answered = true;
    const text = message.toString('utf8');
    const count = countCharacters(text);
    console.log(`Received ${message.length} bytes from ${client}: ${JSON.stringify(text.slice(0, 60))}`);
    socket.end(`${count}\n`);
    console.log(`Sent reply to ${client}: ${count}`);
  }

  socket.on('data', (piece) => {
    pieces.push(piece);
    if (!piece.includes(0x0a)) return;
    const received = Buffer.concat(pieces);
    const line = received.subarray(0, received.indexOf(0x0a));
    // A '\r' right before the '\n' is part of the line ending (Windows clients send "\r\n").
    answer(line.at(-1) === 0x0d ? line.subarray(0, -1) : line);
  });
  socket.on('end', () => answer(Buffer.concat(pieces)));
  // A client that resets the connection costs us that connection only.
  socket.on('error', (error) => console.log(`Connection ${client} broken: ${error.message}`));
  // A client that connects and says nothing must not keep the others waiting forever.
  socket.setTimeout(timeoutSeconds * 1000, () => {
    console.log(`Client ${client} silent for ${timeoutSeconds} s: closing its connection`);
    socket.destroy();
  });
});

let idleTimer;

function restartIdleTimer() {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    console.log(`Timeout: no new connection for ${timeoutSeconds} s, server stopping`);
    // Stop accepting; the process ends by itself once the last connection is gone.
    server.close();
  }, timeoutSeconds * 1000);
}

server.listen(port, host, () => {
  console.log(`Listening on ${host}:${port}`);
  restartIdleTimer();
});
