// Reference solution, Task 2: the client of the lab "Client–Server (single thread)".
//
// Each line typed on standard input is one message: connect, send it ended by "\n", print the
// server's reply, and go on with the next line. A failed connection or a silent server ends
// the client with one clear line on standard error and exit status 1.
import net from 'node:net';
import readline from 'node:readline';

const port = Number(process.env.PORT ?? 12345);
const host = process.env.HOST ?? '127.0.0.1';
const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);

function ask(message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const pieces: Buffer[] = [];
    // Covers both connecting and waiting for the reply.
    socket.setTimeout(timeoutSeconds * 1000, () => {
      socket.destroy();
      reject(new Error(`no answer from ${host}:${port} within ${timeoutSeconds} s`));
    });
    socket.on('connect', () => socket.end(`${message}\n`));
    socket.on('data', (piece) => pieces.push(piece));
    // The server closes the connection after its reply: everything it sent is the reply.
    socket.on('end', () => {
      if (pieces.length === 0) reject(new Error(`${host}:${port} closed the connection without a reply`));
      else resolve(Buffer.concat(pieces).toString('utf8').trim());
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ECONNREFUSED' ? 'connection refused (is the server running?)' : error.message;
      reject(new Error(`cannot talk to ${host}:${port}: ${reason}`));
    });
  });
}

for await (const line of readline.createInterface({ input: process.stdin })) {
  try {
    console.log(await ask(line));
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    process.exit(1);
  }
}
