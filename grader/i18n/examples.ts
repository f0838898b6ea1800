import type { DiagnosisCode } from '../diagnoses.ts';

// The mistake behind each diagnosis code next to its fix, in a few lines of Python and of Node,
// printed by `npm run grade -- --explain CODE` under the code's explanation. The snippets hold
// code only, with no comments: every text a student reads is in both languages and lives in the
// catalogues (en.ts, id.ts); the names are those of the reference solutions.

export interface CodeExample {
  /** The mistake, as students write it. */
  readonly wrong: string;
  /** The same lines, fixed. */
  readonly right: string;
}

export interface CodeExamples {
  readonly python: CodeExample;
  readonly node: CodeExample;
}

/** Codes with no mistake in code to show (the program never ran, or the fix is not a line of code), each with why. */
export const withoutExample: Readonly<Partial<Record<DiagnosisCode, string>>> = {
  'not-implemented': 'the stub was not changed: the fix is the TODO steps',
  'client-not-implemented': 'the stub was not changed: the fix is the TODO steps',
  crashed: 'any uncaught exception: the line to fix is the one the program\'s last lines point to',
  'end-to-end-fails': 'the fault is in one of the two programs: the example is that part\'s own failing code',
};

export const examples: Readonly<Partial<Record<DiagnosisCode, CodeExamples>>> = {
  'not-listening': {
    python: {
      wrong: `PORT = int(input("Port: "))
server.bind((HOST, PORT))
server.listen()`,
      right: `PORT = int(os.environ.get("PORT", "12345"))
server.bind((HOST, PORT))
server.listen()
print(f"Listening on {HOST}:{PORT}")`,
    },
    node: {
      wrong: `const port = Number(await rl.question('Port: '));
server.listen(port, host);`,
      right: `const port = Number(process.env.PORT ?? 12345);
server.listen(port, host, () => console.log(\`Listening on \${host}:\${port}\`));`,
    },
  },
  'wrong-count': {
    python: {
      wrong: `count = len(data.decode("utf-8", errors="replace").split())`,
      right: `count = len(data.decode("utf-8", errors="replace"))`,
    },
    node: {
      wrong: `const text = Buffer.concat(pieces).toString('utf8');
const count = text.split(' ').length;`,
      right: `const text = Buffer.concat(pieces).toString('utf8');
const count = [...text].length;`,
    },
  },
  'counts-bytes': {
    python: {
      wrong: `count = len(data)`,
      right: `count = len(data.decode("utf-8", errors="replace"))`,
    },
    node: {
      wrong: `const count = Buffer.concat(pieces).length;`,
      right: `const text = Buffer.concat(pieces).toString('utf8');
const count = [...text].length;`,
    },
  },
  'counts-utf16': {
    python: {
      wrong: `count = len(text.encode("utf-16-le")) // 2`,
      right: `count = len(text)`,
    },
    node: {
      wrong: `const count = text.length;`,
      right: `const count = [...text].length;`,
    },
  },
  'counts-newline': {
    python: {
      wrong: `text = data.decode("utf-8", errors="replace")`,
      right: `text = data.decode("utf-8", errors="replace").rstrip("\\r\\n")`,
    },
    node: {
      wrong: `const text = Buffer.concat(pieces).toString('utf8');`,
      right: `const received = Buffer.concat(pieces).toString('utf8');
const text = received.split('\\n')[0].replace(/\\r$/, '');`,
    },
  },
  'reads-once': {
    python: {
      wrong: `data = conn.recv(4096)`,
      right: `data = b""
while b"\\n" not in data:
    chunk = conn.recv(4096)
    if not chunk:
        break
    data += chunk`,
    },
    node: {
      wrong: `socket.on('data', (piece) => answer(piece));`,
      right: `socket.on('data', (piece) => {
  pieces.push(piece);
  if (piece.includes(0x0a)) answer(Buffer.concat(pieces));
});
socket.on('end', () => answer(Buffer.concat(pieces)));`,
    },
  },
  'decodes-per-segment': {
    python: {
      wrong: `while "\\n" not in text:
    chunk = conn.recv(4096)
    if not chunk:
        break
    text += chunk.decode("utf-8")`,
      right: `while b"\\n" not in data:
    chunk = conn.recv(4096)
    if not chunk:
        break
    data += chunk
text = data.decode("utf-8", errors="replace")`,
    },
    node: {
      wrong: `socket.on('data', (piece) => (text += piece.toString()));
socket.on('end', () => {
  socket.end(\`\${[...text].length}\\n\`);
});`,
      right: `socket.on('data', (piece) => pieces.push(piece));
socket.on('end', () => {
  const text = Buffer.concat(pieces).toString('utf8');
  socket.end(\`\${[...text].length}\\n\`);
});`,
    },
  },
  'truncates-large': {
    python: {
      wrong: `data = conn.recv(1024)`,
      right: `data = b""
while b"\\n" not in data:
    chunk = conn.recv(1024)
    if not chunk:
        break
    data += chunk`,
    },
    node: {
      wrong: `socket.on('data', (piece) => pieces.push(piece.subarray(0, 1024)));`,
      right: `socket.on('data', (piece) => pieces.push(piece));`,
    },
  },
  'waits-for-eof': {
    python: {
      wrong: `while True:
    chunk = conn.recv(4096)
    if not chunk:
        break
    data += chunk`,
      right: `while b"\\n" not in data:
    chunk = conn.recv(4096)
    if not chunk:
        break
    data += chunk`,
    },
    node: {
      wrong: `socket.on('data', (piece) => pieces.push(piece));
socket.on('end', () => answer(Buffer.concat(pieces)));`,
      right: `socket.on('data', (piece) => {
  pieces.push(piece);
  if (piece.includes(0x0a)) answer(Buffer.concat(pieces));
});
socket.on('end', () => answer(Buffer.concat(pieces)));`,
    },
  },
  'no-reply': {
    python: {
      wrong: `print(count)`,
      right: `conn.sendall(f"{count}\\n".encode())`,
    },
    node: {
      wrong: `console.log(count);`,
      right: `socket.end(\`\${count}\\n\`);`,
    },
  },
  'verbose-reply': {
    python: {
      wrong: `conn.sendall(f"Number of characters: {count}\\n".encode())`,
      right: `conn.sendall(f"{count}\\n".encode())`,
    },
    node: {
      wrong: `socket.end(\`Number of characters: \${count}\\n\`);`,
      right: `socket.end(\`\${count}\\n\`);`,
    },
  },
  'reply-without-newline': {
    python: {
      wrong: `conn.sendall(str(count).encode())`,
      right: `conn.sendall(f"{count}\\n".encode())`,
    },
    node: {
      wrong: `socket.end(String(count));`,
      right: `socket.end(\`\${count}\\n\`);`,
    },
  },
  'no-close': {
    python: {
      wrong: `conn.sendall(f"{count}\\n".encode())`,
      right: `conn.sendall(f"{count}\\n".encode())
conn.close()`,
    },
    node: {
      wrong: `socket.write(\`\${count}\\n\`);`,
      right: `socket.end(\`\${count}\\n\`);`,
    },
  },
  'exits-after-first-client': {
    python: {
      wrong: `conn, addr = server.accept()
with conn:
    serve(conn, client)`,
      right: `while True:
    conn, addr = server.accept()
    with conn:
        serve(conn, client)`,
    },
    node: {
      wrong: `socket.end(\`\${count}\\n\`);
server.close();`,
      right: `socket.end(\`\${count}\\n\`);`,
    },
  },
  'crash-on-empty': {
    python: {
      wrong: `if text[-1] == "\\n":
    text = text[:-1]`,
      right: `if text.endswith("\\n"):
    text = text[:-1]`,
    },
    node: {
      wrong: `socket.on('data', (piece) => {
  pieces.push(piece);
  if (piece.includes(0x0a)) answer(Buffer.concat(pieces));
});`,
      right: `socket.on('data', (piece) => {
  pieces.push(piece);
  if (piece.includes(0x0a)) answer(Buffer.concat(pieces));
});
socket.on('end', () => answer(Buffer.concat(pieces)));`,
    },
  },
  'crash-on-disconnect': {
    python: {
      wrong: `with conn:
    serve(conn, client)`,
      right: `with conn:
    try:
        serve(conn, client)
    except OSError as error:
        print(f"Connection {client} broken: {error}")`,
    },
    node: {
      wrong: `socket.on('data', (piece) => pieces.push(piece));`,
      right: `socket.on('data', (piece) => pieces.push(piece));
socket.on('error', (error) => console.log(\`Connection broken: \${error.message}\`));`,
    },
  },
  'crash-on-invalid-utf8': {
    python: {
      wrong: `text = data.decode("utf-8")`,
      right: `text = data.decode("utf-8", errors="replace")`,
    },
    node: {
      wrong: `const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(pieces));`,
      right: `const text = Buffer.concat(pieces).toString('utf8');`,
    },
  },
  'blocked-by-idle-client': {
    python: {
      wrong: `with conn:
    serve(conn, client)`,
      right: `with conn:
    conn.settimeout(TIMEOUT)
    try:
        serve(conn, client)
    except socket.timeout:
        print(f"Client {client} silent for {TIMEOUT:g} s: closing its connection")`,
    },
    node: {
      wrong: `server.maxConnections = 1;`,
      right: `socket.setTimeout(timeoutSeconds * 1000, () => socket.destroy());`,
    },
  },
  'no-idle-timeout': {
    python: {
      wrong: `while True:
    conn, addr = server.accept()`,
      right: `server.settimeout(TIMEOUT)
while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        break`,
    },
    node: {
      wrong: `server.listen(port, host);`,
      right: `server.listen(port, host);
let idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);
server.on('connection', () => {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);
});`,
    },
  },
  'wrong-idle-timeout': {
    python: {
      wrong: `TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "5"))`,
      right: `TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "10"))`,
    },
    node: {
      wrong: `idleTimer = setTimeout(() => server.close(), timeoutSeconds);`,
      right: `idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);`,
    },
  },
  'no-timeout-message': {
    python: {
      wrong: `while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        break`,
      right: `while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        print(f"Timeout: no new connection for {TIMEOUT:g} s, server stopping")
        break`,
    },
    node: {
      wrong: `idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);`,
      right: `idleTimer = setTimeout(() => {
  console.log(\`Timeout: no new connection for \${timeoutSeconds} s, server stopping\`);
  server.close();
}, timeoutSeconds * 1000);`,
    },
  },
  'timeout-keeps-running': {
    python: {
      wrong: `while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        print(f"Timeout: no new connection for {TIMEOUT:g} s")
        continue`,
      right: `while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        print(f"Timeout: no new connection for {TIMEOUT:g} s")
        break`,
    },
    node: {
      wrong: `idleTimer = setTimeout(() => {
  console.log(\`Timeout: no new connection for \${timeoutSeconds} s\`);
  restartIdleTimer();
}, timeoutSeconds * 1000);`,
      right: `idleTimer = setTimeout(() => {
  console.log(\`Timeout: no new connection for \${timeoutSeconds} s\`);
  server.close();
}, timeoutSeconds * 1000);`,
    },
  },
  'ignores-port-env': {
    python: {
      wrong: `server.bind((HOST, 12345))`,
      right: `PORT = int(os.environ.get("PORT", "12345"))
server.bind((HOST, PORT))`,
    },
    node: {
      wrong: `server.listen(12345, host);`,
      right: `const port = Number(process.env.PORT ?? 12345);
server.listen(port, host);`,
    },
  },
  'ignores-timeout-env': {
    python: {
      wrong: `server.settimeout(10)`,
      right: `TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "10"))
server.settimeout(TIMEOUT)`,
    },
    node: {
      wrong: `idleTimer = setTimeout(() => server.close(), 10000);`,
      right: `const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);
idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);`,
    },
  },
  'missing-logs': {
    python: {
      wrong: `conn, addr = server.accept()
conn.sendall(f"{count}\\n".encode())`,
      right: `print(f"Listening on {HOST}:{PORT}")
conn, addr = server.accept()
print(f"Connection from {addr[0]}:{addr[1]}")
print(f"Received {len(data)} bytes: {text!r}")
conn.sendall(f"{count}\\n".encode())
print(f"Sent reply: {count}")`,
    },
    node: {
      wrong: `server.listen(port, host);
socket.end(\`\${count}\\n\`);`,
      right: `server.listen(port, host, () => console.log(\`Listening on \${host}:\${port}\`));
console.log(\`Connection from \${socket.remoteAddress}:\${socket.remotePort}\`);
console.log(\`Received \${Buffer.concat(pieces).length} bytes: \${JSON.stringify(text)}\`);
socket.end(\`\${count}\\n\`);
console.log(\`Sent reply: \${count}\`);`,
    },
  },
  'ambiguous-reply': {
    python: {
      wrong: `conn.sendall(f"Client {number}: {count}\\n".encode())`,
      right: `conn.sendall(f"{count}\\n".encode())`,
    },
    node: {
      wrong: `socket.end(\`Client \${number}: \${count}\\n\`);`,
      right: `socket.end(\`\${count}\\n\`);`,
    },
  },
  'counts-stripped': {
    python: {
      wrong: `text = data.decode("utf-8", errors="replace").strip()`,
      right: `text = data.decode("utf-8", errors="replace").rstrip("\\r\\n")`,
    },
    node: {
      wrong: `const count = [...text.trim()].length;`,
      right: `const count = [...text.replace(/\\r?\\n$/, '')].length;`,
    },
  },
  'timeout-not-restarted': {
    python: {
      wrong: `start = time.time()
while time.time() - start < TIMEOUT:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        continue`,
      right: `server.settimeout(TIMEOUT)
while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        break`,
    },
    node: {
      wrong: `server.listen(port, host);
setTimeout(() => server.close(), timeoutSeconds * 1000);`,
      right: `server.listen(port, host);
let idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);
server.on('connection', () => {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => server.close(), timeoutSeconds * 1000);
});`,
    },
  },
  'client-no-connect': {
    python: {
      wrong: `sock = socket.create_connection(("localhost", 8080))`,
      right: `HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "12345"))
sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT)`,
    },
    node: {
      wrong: `const socket = net.connect({ host: 'localhost', port: 8080 });`,
      right: `const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 12345);
const socket = net.connect({ host, port });`,
    },
  },
  'client-wrong-message': {
    python: {
      wrong: `sock.sendall(b"Hello, server!\\n")`,
      right: `sock.sendall(line.encode("utf-8") + b"\\n")`,
    },
    node: {
      wrong: `socket.write('Hello, server!\\n');`,
      right: `socket.write(\`\${line}\\n\`);`,
    },
  },
  'client-no-terminator': {
    python: {
      wrong: `sock.sendall(line.encode("utf-8"))`,
      right: `sock.sendall(line.encode("utf-8") + b"\\n")
sock.shutdown(socket.SHUT_WR)`,
    },
    node: {
      wrong: `socket.write(line);`,
      right: `socket.write(\`\${line}\\n\`);
socket.end();`,
    },
  },
  'client-counts-locally': {
    python: {
      wrong: `print(len(line))`,
      right: `print(reply.decode().strip())`,
    },
    node: {
      wrong: `console.log(line.length);`,
      right: `console.log(Buffer.concat(pieces).toString('utf8').trim());`,
    },
  },
  'client-no-output': {
    python: {
      wrong: `print(reply.decode().strip(), file=sys.stderr)`,
      right: `print(reply.decode().strip())`,
    },
    node: {
      wrong: `const reply = Buffer.concat(pieces).toString('utf8').trim();
console.error(reply);`,
      right: `const reply = Buffer.concat(pieces).toString('utf8').trim();
console.log(reply);`,
    },
  },
  'client-reads-once': {
    python: {
      wrong: `reply = sock.recv(1024)`,
      right: `reply = b""
while chunk := sock.recv(1024):
    reply += chunk`,
    },
    node: {
      wrong: `socket.on('data', (piece) => {
  console.log(piece.toString('utf8').trim());
  socket.destroy();
});`,
      right: `socket.on('data', (piece) => pieces.push(piece));
socket.on('end', () => console.log(Buffer.concat(pieces).toString('utf8').trim()));`,
    },
  },
  'client-ignores-close': {
    python: {
      wrong: `while b"\\n" not in reply:
    reply += sock.recv(1024)
print(reply.decode().strip())`,
      right: `while chunk := sock.recv(1024):
    reply += chunk
if not reply:
    print("the server closed the connection without a reply", file=sys.stderr)
else:
    print(reply.decode().strip())`,
    },
    node: {
      wrong: `socket.on('end', () => {
  const reply = Buffer.concat(pieces).toString('utf8').trim();
  console.log(reply);
});`,
      right: `socket.on('end', () => {
  const reply = Buffer.concat(pieces).toString('utf8').trim();
  if (reply) console.log(reply);
  else console.error('the server closed the connection without a reply');
});`,
    },
  },
  'client-single-message': {
    python: {
      wrong: `line = input()
print(ask(line))`,
      right: `for line in sys.stdin:
    print(ask(line.removesuffix("\\n")))`,
    },
    node: {
      wrong: `const line = await rl.question('Message: ');
console.log(await ask(line));`,
      right: `for await (const line of rl) {
  console.log(await ask(line));
}`,
    },
  },
  'client-unhandled-refused': {
    python: {
      wrong: `sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT)`,
      right: `try:
    sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT)
except ConnectionRefusedError:
    print(f"Error: cannot connect to {HOST}:{PORT}", file=sys.stderr)
    sys.exit(1)`,
    },
    node: {
      wrong: `const socket = net.connect({ host, port });`,
      right: `const socket = net.connect({ host, port });
socket.on('error', (error) => {
  console.error(\`Error: cannot connect to \${host}:\${port}: \${error.message}\`);
  process.exit(1);
});`,
    },
  },
  'client-hangs-on-silent-server': {
    python: {
      wrong: `sock = socket.create_connection((HOST, PORT))`,
      right: `sock = socket.create_connection((HOST, PORT))
sock.settimeout(TIMEOUT)`,
    },
    node: {
      wrong: `const socket = net.connect({ host, port });`,
      right: `const socket = net.connect({ host, port });
socket.setTimeout(timeoutSeconds * 1000, () => {
  console.error(\`Error: no reply from \${host}:\${port} within \${timeoutSeconds} s\`);
  process.exit(1);
});`,
    },
  },
  'client-unhandled-timeout': {
    python: {
      wrong: `while chunk := sock.recv(1024):
    reply += chunk`,
      right: `try:
    while chunk := sock.recv(1024):
        reply += chunk
except socket.timeout:
    print(f"Error: no reply from {HOST}:{PORT} within {TIMEOUT:g} s", file=sys.stderr)
    sys.exit(1)`,
    },
    node: {
      wrong: `socket.setTimeout(timeoutSeconds * 1000);`,
      right: `socket.setTimeout(timeoutSeconds * 1000, () => {
  console.error(\`Error: no reply from \${host}:\${port} within \${timeoutSeconds} s\`);
  socket.destroy();
  process.exit(1);
});`,
    },
  },
  'client-crash-on-eof': {
    python: {
      wrong: `while True:
    line = input()
    print(ask(line))`,
      right: `for line in sys.stdin:
    print(ask(line.removesuffix("\\n")))`,
    },
    node: {
      wrong: `while (true) {
  const line = await rl.question('Message: ');
  console.log(await ask(line));
}`,
      right: `for await (const line of rl) {
  console.log(await ask(line));
}`,
    },
  },
  'client-ignores-port-env': {
    python: {
      wrong: `sock = socket.create_connection((HOST, 12345), timeout=TIMEOUT)`,
      right: `PORT = int(os.environ.get("PORT", "12345"))
sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT)`,
    },
    node: {
      wrong: `const socket = net.connect({ host, port: 12345 });`,
      right: `const port = Number(process.env.PORT ?? 12345);
const socket = net.connect({ host, port });`,
    },
  },
  'client-ambiguous-output': {
    python: {
      wrong: `print(f"Sent {len(line)} characters, reply: {reply.decode().strip()}")`,
      right: `print(f"Server reply: {reply.decode().strip()}")`,
    },
    node: {
      wrong: `console.log(\`Sent \${line.length} characters, reply: \${reply}\`);`,
      right: `console.log(\`Server reply: \${reply}\`);`,
    },
  },
};
