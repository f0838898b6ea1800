// Task 1: the server of the lab "Client–Server (single thread)".
// Tugas 1: server untuk praktikum "Client–Server (single thread)".
//
// Run it:     npm run server          (or: PORT=12345 node --import tsx exercises/server.ts)
// Check it:   npm run grade -- --quick    then, before handing in:    npm run grade
//
// The protocol (docs/protocol.md): a client connects and sends one message, UTF-8 text ended
// by "\n" or by closing its sending side. Your server replies with the number of characters
// in the message followed by "\n" (for example "5\n") and closes the connection. After
// SOCKET_TIMEOUT seconds without a new client it prints a timeout message and stops.
import net from 'node:net';

// The run contract: the grader passes these; the defaults are the lab's.
const port = Number(process.env.PORT ?? 12345);
const host = process.env.HOST ?? '127.0.0.1';
const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);

// TODO 1. Create the server: net.createServer({ allowHalfOpen: true }, (socket) => { ... }).
//         allowHalfOpen keeps your side of the connection open after the client has closed its
//         side (half-close), so a reply you send a moment later still gets through; without it,
//         Node closes your side as soon as the client's side ends.
// TODO 2. For each client (inside the callback):
//         a. log the connection with the client's address: socket.remoteAddress, socket.remotePort;
//         b. collect the pieces of the message ('data' events, each a Buffer): one message may
//            arrive in several pieces, and a character may be cut between two of them;
//         c. the message ends at the first "\n" (drop a "\r" right before it) or at the
//            'end' event, whichever comes first: then decode the whole message once
//            (Buffer.concat(pieces).toString('utf8'));
//         d. count characters, not bytes and not UTF-16 units: [...text].length;
//         e. log the message and its size, send `${count}\n` with socket.end(...), log the reply;
//         f. socket.on('error', ...) so that a client that disconnects abruptly cannot crash
//            the server, and socket.setTimeout(timeoutSeconds * 1000, ...) to drop a client
//            that stays silent.
// TODO 3. The idle timeout: a timer of timeoutSeconds, restarted at each new connection; when
//         it fires, print a line with the word "timeout" and close the server (server.close()).
// TODO 4. server.listen(port, host, ...) and log that the server is listening.
// Then delete the two lines below.
void [net, port, host, timeoutSeconds];
console.error('exercises/server.ts: not implemented yet (belum dikerjakan): follow the TODO steps in this file.');
process.exitCode = 1;
