// Reference solution, Task 2: the client of the lab "Client–Server (single thread)", in JavaScript.
//
// Each line typed on standard input is one message: connect, send it ended by "\n", print the
// server's reply, and go on with the next line. A failed connection, a silent server or an
// empty reply ends the client with one clear line on standard error and exit status 1.
import net from 'node:net';
import readline from 'node:readline';

// The run contract: the grader passes these; the defaults are the lab's.
const port = Number(process.env.PORT ?? 12345);
const host = process.env.HOST ?? '127.0.0.1';
const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);

function ask(message) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const pieces = [];
    let connected = false;
    // Covers both connecting and waiting for the reply.
    socket.setTimeout(timeoutSeconds * 1000, () => {
      socket.destroy();
      const what = connected ? 'no reply from' : 'cannot connect to';
      reject(new Error(`${what} ${host}:${port} within ${timeoutSeconds} s`));
    });
    socket.on('connect', () => {
      connected = true;
      // end() sends the line and then half-closes: the server knows the message is complete.
      socket.end(`${message}\n`);
    });
    socket.on('data', (piece) => pieces.push(piece));
    // The server closes the connection after its reply: everything it sent is the reply.
    socket.on('end', () => resolve(Buffer.concat(pieces).toString('utf8').trim()));
    socket.on('error', (error) => {
      if (connected) return reject(new Error(`connection to ${host}:${port} broken (${error.message})`));
      const reason = error.code === 'ECONNREFUSED' ? 'connection refused: is the server running?' : error.message;
      reject(new Error(`cannot connect to ${host}:${port} (${reason})`));
    });
  });
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  let reply;
  try {
    reply = await ask(line);
  } catch (error) {
    // One clear line for the user instead of a stack trace, and a status that says it failed.
    console.error(`Error: ${error.message}`);
    process.exit(1);
  }
  if (!reply) {
    // An empty reply is a broken server, not an answer: say so rather than print nothing.
    console.error('Error: the server closed the connection without a reply');
    process.exit(1);
  }
  // Print the server's answer as it sent it: counting here would hide a wrong server.
  console.log(reply);
}
