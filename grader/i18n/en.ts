import type { Catalogue } from './catalogue.ts';

/** "a", "a and b", "a, b and c" (or with "or"). */
const listed = (items: readonly string[], word = 'and') => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`);
const languageNames = { python: 'Python', node: 'JavaScript', typescript: 'TypeScript' } as const;

export const en: Catalogue = {
  status: { pass: 'PASS', fail: 'FAIL', warn: 'WARN', skip: 'SKIP' },
  tiers: { core: 'core', protocol: 'protocol', robustness: 'robustness', conventions: 'conventions' },
  checks: {
    'starts-listening': {
      title: 'Starts and accepts connections',
      what: 'Starts the program with PORT, HOST and SOCKET_TIMEOUT set and waits (up to 10 s) until it accepts connections.',
    },
    'counts-ascii': {
      title: 'Counts a plain ASCII message',
      what: 'Sends a random sentence of plain words in one write, then half-closes; expects the number of characters and "\\n".',
    },
    'counts-digits': {
      title: 'Counts a digits-only message',
      what: 'Sends a random number such as 48213 and expects its number of digits (not an answer about the number itself).',
    },
    'counts-accented': {
      title: 'Counts accented letters as one character each',
      what: 'Sends words such as "café naïve": each accented letter is one character but two bytes in UTF-8.',
    },
    'counts-cjk': {
      title: 'Counts Chinese, Japanese and Korean characters',
      what: 'Sends words such as "こんにちは": each character is three bytes in UTF-8.',
    },
    'counts-emoji': {
      title: 'Counts each emoji as one character',
      what: 'Sends text with emoji such as 👋: one character, four bytes in UTF-8, two UTF-16 units (JavaScript\'s .length).',
    },
    'counts-empty-message': {
      title: 'Answers 0 to an empty message',
      what: 'Connects and half-closes without sending anything; expects "0\\n".',
    },
    'counts-padded-message': {
      title: 'Counts the spaces and tabs around a message',
      what: 'One message with spaces and tabs before and after it, in one write, then a half-close; expects its count with them ("  halo\t" is 7).',
    },
    'serves-clients-in-turn': {
      title: 'Serves several clients one after another',
      what: 'Three clients in a row on the same server process; each must get a reply.',
    },
    'idle-timeout': {
      title: 'Stops after the idle timeout, with a message',
      what: 'On a copy of its own: one client, then nothing. Expects a timeout message and exit status 0 after SOCKET_TIMEOUT (10 s by default) ± tolerance.',
    },
    'idle-timeout-restarts': {
      title: 'Restarts the idle timeout at every connection',
      what: 'Full grade only, on a copy of its own: its client connects 2 s after the server listens. Expects the timeout that idle-timeout measured to run from that connection, not from start-up.',
    },
    'newline-framing': {
      title: 'A message ends at "\\n" while the connection stays open',
      what: 'Sends a sentence ended by "\\n" and keeps the connection open; expects the reply without waiting for the client to close.',
    },
    'crlf-framing': {
      title: 'A message ends at "\\r\\n" (Windows line ending)',
      what: 'Sends a sentence ended by "\\r\\n"; neither "\\r" nor "\\n" is counted.',
    },
    'segmented-message': {
      title: 'Reads a message that arrives in pieces',
      what: 'Sends one message in three pieces, 250 ms apart, then half-closes; expects one reply, for the whole message.',
    },
    'split-character': {
      title: 'Decodes a character split between two pieces',
      what: 'Sends a message whose "é" (two bytes) is cut between two pieces 250 ms apart.',
    },
    'large-message': {
      title: 'Counts a 64 KiB message',
      what: 'Sends 65,536 bytes of plain text in one write; expects 65536.',
    },
    'closes-after-reply': {
      title: 'Closes the connection after replying',
      what: 'Sends a line ended by "\\n", keeps its side open, and expects the server to close the connection within 1 s of its reply.',
    },
    'abrupt-disconnect': {
      title: 'Survives a client that disconnects abruptly',
      what: 'A client connects and resets the connection without a word; the next client must still be served.',
    },
    'invalid-utf8': {
      title: 'Survives bytes that are not UTF-8',
      what: 'Sends bytes such as 0xFF that are not valid UTF-8; any number is accepted, a crash is not.',
    },
    'idle-client': {
      title: 'Is not blocked forever by a silent client',
      what: 'On a copy of its own: a client connects and says nothing; a second client must be answered within SOCKET_TIMEOUT (plus tolerance).',
    },
    logs: {
      title: 'Logs listening, connections, messages and replies',
      what: 'Reads the program\'s output for the four kinds of log line the lab asks for (in English or Indonesian).',
    },
    'honours-port-env': {
      title: 'Listens on the port given in PORT',
      what: 'Checks that the server listened on the free port the grader passed in PORT, not on a hard-coded one.',
    },
    'honours-timeout-env': {
      title: 'Uses the idle timeout given in SOCKET_TIMEOUT',
      what: 'Only with --quick: checks that the server timed out after the short SOCKET_TIMEOUT, not after a hard-coded 10 s.',
    },
    'client-sends-line': {
      title: 'Sends the typed line, ended by "\\n" or a half-close',
      what: 'Gives the client one line on standard input; the grader\'s server checks the bytes it receives and how the message ends.',
    },
    'client-prints-reply': {
      title: "Prints the server's reply, not a count of its own",
      what: 'The grader\'s server answers a number that is not the true count; the client must print that number.',
    },
    'client-sends-utf8': {
      title: 'Sends accented, CJK and emoji text as UTF-8',
      what: 'Gives the client a line such as "café こんにちは 👋"; the bytes received must be its UTF-8 encoding.',
    },
    'client-several-lines': {
      title: 'Sends each input line as a message of its own',
      what: 'Gives the client three lines; expects three connections and the three replies printed.',
    },
    'client-reads-whole-reply': {
      title: 'Reads a reply that arrives in two pieces',
      what: 'The grader\'s server sends the reply in two pieces 300 ms apart; the client must print all of it.',
    },
    'client-server-closes': {
      title: 'Notices a server that closes without replying',
      what: 'The grader\'s server closes the connection without a reply; the client must say so and not wait on.',
    },
    'client-refused': {
      title: 'Handles a refused connection: one line, non-zero status',
      what: 'Nothing listens on the port; expects one clear line on standard error and a non-zero exit status, no stack trace, no hang.',
    },
    'client-silent-server': {
      title: 'Gives up on a silent server after SOCKET_TIMEOUT',
      what: 'The grader\'s server accepts the connection and never answers; the client must give up after SOCKET_TIMEOUT with one clear line and a non-zero status.',
    },
    'client-end-of-input': {
      title: 'Exits with status 0 at the end of its input',
      what: 'After its lines, standard input ends; the client must exit with status 0, without a stack trace.',
    },
    'client-honours-port-env': {
      title: 'Connects to the port given in PORT',
      what: 'Checks that the client connected to the port the grader passed in PORT, not to a hard-coded one.',
    },
    'end-to-end': {
      title: 'Your client and your server work together',
      what: 'Starts your server, runs your client with two lines, and expects their true counts to be printed.',
    },
  },
  diagnoses: {
    'not-implemented': {
      meaning: 'The server is still the unfinished stub: it stopped at once without listening.',
      why: 'The socket code has not been written yet (the stub prints "not implemented" and exits).',
      hint: 'Follow the numbered TODO steps in the file: create the server, listen on PORT and HOST, reply to each message.',
    },
    'not-listening': {
      meaning: 'Nothing accepted connections on the port within the deadline.',
      why: {
        python: 'The program does not call bind() and listen(), binds another port, or waits for something (such as input()) before listening.',
        node: 'The program does not call server.listen(), listens on another port, or waits for something (such as input) before listening.',
      },
      hint: 'Listen on the port from the PORT environment variable (default 12345) as soon as the program starts, and print a line when it listens.',
    },
    crashed: {
      meaning: 'The server process ended with an error: a non-zero exit status, or a signal.',
      why: 'An exception that nothing caught; the program\'s last lines, shown with this check, say which one and where.',
      hint: 'Read the program\'s last lines shown with this check, fix the line they point to, or catch the error for that one connection so the server keeps serving.',
    },
    'wrong-count': {
      meaning: 'The reply is a number, but not the number of characters.',
      why: 'Something other than characters was counted (words, a fixed buffer size, part of the message), or the reply holds no number at all.',
      hint: {
        python: 'Count the characters of the whole decoded message: len(data.decode("utf-8", errors="replace")).',
        node: 'Count the characters of the whole decoded message: [...buffer.toString("utf8")].length.',
      },
    },
    'counts-bytes': {
      meaning: 'The reply is the number of UTF-8 bytes, not the number of characters.',
      why: {
        python: 'The length of the raw bytes was taken: len(data) on the bytes from recv().',
        node: 'The length of the raw bytes was taken: buffer.length or Buffer.byteLength(text).',
      },
      hint: {
        python: 'Decode first, then count: len(data.decode("utf-8", errors="replace")).',
        node: 'Decode first, then count: [...buffer.toString("utf8")].length.',
      },
    },
    'counts-utf16': {
      meaning: 'The reply is the number of UTF-16 units (JavaScript\'s .length), which counts each emoji as 2.',
      why: {
        python: 'The count was taken in UTF-16 units (such as len(text.encode("utf-16-le")) // 2), in which each emoji takes 2.',
        node: 'text.length counts UTF-16 code units, not characters.',
      },
      hint: {
        python: 'Count the characters of the decoded text: len(text).',
        node: 'Count code points: [...text].length or Array.from(text).length.',
      },
    },
    'counts-newline': {
      meaning: 'The line ending was counted as part of the message.',
      why: 'The "\\n" (and, from Windows clients, the "\\r" before it) was left on the text before counting.',
      hint: {
        python: 'Cut the message at the first "\\n" and remove a "\\r" right before it: text.rstrip("\\r\\n").',
        node: 'Cut the message at the first "\\n" and remove a "\\r" right before it: text.split("\\n")[0].replace(/\\r$/, "").',
      },
    },
    'reads-once': {
      meaning: 'The server answered the first piece of a message that came in several.',
      why: {
        python: 'A single recv() was taken as the whole message; TCP delivers a stream, and one message may arrive in several pieces.',
        node: 'The first "data" event was taken as the whole message; TCP delivers a stream, and one message may arrive in several pieces.',
      },
      hint: {
        python: 'Keep calling recv() in a loop until the data holds "\\n" or recv() returns b"" (the client closed its side).',
        node: 'Collect the chunks of every "data" event until one holds "\\n" or the "end" event comes (the client closed its side), then reply.',
      },
    },
    'decodes-per-segment': {
      meaning: 'A character split between two pieces of the message was miscounted or crashed the server.',
      why: {
        python: 'Each piece was decoded on its own; half of a multi-byte character is not valid UTF-8, so chunk.decode("utf-8") raises UnicodeDecodeError.',
        node: 'Each piece was decoded on its own (text += chunk.toString()); half of a multi-byte character is not valid UTF-8 and becomes two broken characters.',
      },
      hint: {
        python: 'Collect the bytes of the whole message first (data += chunk) and decode them once at the end.',
        node: 'Collect the chunks and decode them once at the end (Buffer.concat(chunks).toString("utf8")), or call socket.setEncoding("utf8") so that Node decodes across pieces.',
      },
    },
    'truncates-large': {
      meaning: 'A long message was counted only up to a fixed size.',
      why: {
        python: 'Only one buffer\'s worth was read or kept (such as one recv(1024)).',
        node: 'Only a fixed size was read or kept (such as the first "data" chunk, or chunk.subarray(0, 1024)).',
      },
      hint: 'Keep reading until the end of the message, however long it is; do not cut it to a buffer size.',
    },
    'waits-for-eof': {
      meaning: 'The server answered a "\\n"-terminated message only after the client closed its side.',
      why: 'It reads until the end of the stream and ignores the line ending; an interactive client that waits for the reply then waits forever.',
      hint: 'Stop reading at the first "\\n" as well as at the end of the stream, whichever comes first.',
    },
    'no-reply': {
      meaning: 'The connection closed, or the deadline passed, with no reply.',
      why: 'The count is printed on the server\'s console but never sent to the client, or the server is still waiting for more data.',
      hint: {
        python: 'Send the count back on the connection before closing it: conn.sendall(f"{n}\\n".encode()).',
        node: 'Send the count back on the connection: socket.end(`${n}\\n`) sends it, then closes.',
      },
    },
    'verbose-reply': {
      meaning: 'The reply holds the right number among other text: accepted.',
      why: 'The reply is a sentence, such as "Jumlah karakter: 5", rather than just the number.',
      hint: 'The protocol asks for only the number and "\\n" (for example "5\\n"), so that any client can read it.',
    },
    'reply-without-newline': {
      meaning: 'The reply is the right number but has no "\\n" after it: accepted.',
      why: 'The number was sent without a line ending.',
      hint: 'End the reply with "\\n" (for example "5\\n"), so that a client reading a line gets it at once.',
    },
    'no-close': {
      meaning: 'The server did not close the connection after replying.',
      why: 'The connection is left open (or closed only when the client closes it), so a client reading until the end waits.',
      hint: {
        python: 'Close the connection right after sending the reply: conn.close().',
        node: 'Close the connection right after the reply: socket.end(reply) sends it and closes.',
      },
    },
    'exits-after-first-client': {
      meaning: 'The server process ended after serving one client.',
      why: {
        python: 'accept() is called once, with no loop around it.',
        node: 'The server is closed (server.close() or process.exit()) after the first client has been served.',
      },
      hint: {
        python: 'Put accept() and the handling of one client in a loop (while True: ...), so the server serves clients one after another.',
        node: 'Keep the server open after a reply: call server.close() only when the idle timeout fires, so that the net.createServer handler runs for every client.',
      },
    },
    'crash-on-empty': {
      meaning: 'An empty message (a client that connects and closes at once) ended the server.',
      why: {
        python: 'The code assumes the message has at least one character (text[0], text[-1]) or treats "no data" (recv() returning b"") as an error.',
        node: 'The code assumes the message has at least one character (text.at(-1).trim() throws on an empty one), or replies only from the "data" event, which never comes for an empty message.',
      },
      hint: {
        python: 'An empty message is valid: its count is 0, so reply "0\\n".',
        node: 'An empty message is valid: its count is 0, so reply "0\\n" (from the "end" event when no "data" came).',
      },
    },
    'crash-on-disconnect': {
      meaning: 'A client that disconnected abruptly crashed the server.',
      why: {
        python: 'A connection reset raises ConnectionResetError (or BrokenPipeError) and nothing catches it.',
        node: 'A connection reset emits an "error" event (ECONNRESET) on the socket; with no listener for it, Node ends the program.',
      },
      hint: {
        python: 'Handle errors per connection: try/except OSError around the handling of one client.',
        node: 'Handle errors per connection: socket.on("error", ...) on every socket.',
      },
    },
    'crash-on-invalid-utf8': {
      meaning: 'Bytes that are not UTF-8 crashed the server.',
      why: {
        python: 'Decoding raised an error: data.decode("utf-8") raises UnicodeDecodeError on bytes that are not UTF-8.',
        node: 'Decoding raised an error: a strict decoder (new TextDecoder("utf-8", { fatal: true })) throws on bytes that are not UTF-8.',
      },
      hint: {
        python: 'Decode leniently: data.decode("utf-8", errors="replace").',
        node: 'Decode leniently: buffer.toString("utf8") replaces invalid bytes instead of throwing.',
      },
    },
    'blocked-by-idle-client': {
      meaning: 'A client that connects and sends nothing keeps every other client waiting past SOCKET_TIMEOUT.',
      why: {
        python: 'A single-threaded server waits in recv() for the silent client with no time limit.',
        node: 'The server serves one connection at a time (new clients kept waiting, paused or queued, until the current one ends), and the silent connection has no time limit.',
      },
      hint: {
        python: 'Give each connection a read timeout of SOCKET_TIMEOUT: conn.settimeout(t), and close the connection when socket.timeout is raised.',
        node: 'Give each connection a timeout of SOCKET_TIMEOUT: socket.setTimeout(ms), and socket.destroy() on its "timeout" event.',
      },
    },
    'no-idle-timeout': {
      meaning: 'The server was still running well past the idle timeout.',
      why: {
        python: 'The listening socket has no timeout, or the timeout is never acted on.',
        node: 'No timer stops the server after SOCKET_TIMEOUT without a new connection, or the timer never closes it.',
      },
      hint: {
        python: 'Call server.settimeout(t) on the listening socket, and leave the loop in an except socket.timeout around accept().',
        node: 'Start a timer (setTimeout, in milliseconds) that closes the server, and restart it at each new connection.',
      },
    },
    'wrong-idle-timeout': {
      meaning: 'The server stopped, but too early or too late.',
      why: 'The timeout is not the one asked for (SOCKET_TIMEOUT, 10 s by default), or the timer does not restart at each new connection.',
      hint: 'Use SOCKET_TIMEOUT seconds (default 10), counted from the last new connection.',
    },
    'no-timeout-message': {
      meaning: 'The server stopped on time but printed no timeout message.',
      why: 'The program exits when the timeout fires without saying so.',
      hint: 'Print a line that says it timed out (for example "Timeout: no new connection for 10 s") before stopping.',
    },
    'timeout-keeps-running': {
      meaning: 'The server announced the timeout on time but kept running.',
      why: {
        python: 'The "except socket.timeout: print(...); continue" idiom: the loop goes on after the message.',
        node: 'The timer prints the message but does not close the server (or the timer is simply started again).',
      },
      hint: {
        python: 'After printing the timeout message, leave the loop (break) and close the server so the program ends with status 0.',
        node: 'After printing the timeout message, call server.close() (and end any open socket) so the program ends with status 0.',
      },
    },
    'ignores-port-env': {
      meaning: 'The server listens on its hard-coded port, whatever PORT says.',
      why: 'The port is written in the code (such as 12345) instead of read from the environment.',
      hint: {
        python: 'Read the port from PORT with 12345 as the default: int(os.environ.get("PORT", 12345)).',
        node: 'Read the port from PORT with 12345 as the default: Number(process.env.PORT ?? 12345).',
      },
    },
    'ignores-timeout-env': {
      meaning: 'The server keeps 10 s whatever SOCKET_TIMEOUT says.',
      why: 'The timeout is written in the code instead of read from the environment.',
      hint: {
        python: 'Read SOCKET_TIMEOUT with 10 as the default: float(os.environ.get("SOCKET_TIMEOUT", 10)).',
        node: 'Read SOCKET_TIMEOUT with 10 as the default: Number(process.env.SOCKET_TIMEOUT ?? 10), in seconds (times 1000 for setTimeout).',
      },
    },
    'missing-logs': {
      meaning: 'Some of the log lines the lab asks for are missing.',
      why: 'The program does not print when it listens, when a client connects or when a message arrives.',
      hint: 'Print a line when the server listens, for each connection (with the client\'s address), for each message (with its size) and for each reply.',
    },
    'ambiguous-reply': {
      meaning: 'The reply holds several numbers, and the right count is only one of them: no client can tell which is the answer.',
      why: 'The reply names more than one count (for example "12 11 10 … 0", or a counter beside the count, "Klien 3: 12"). A reply that lists many numbers would contain the right one by chance.',
      hint: {
        python: 'Send one number, the count, and nothing else that is a number: conn.sendall(f"{n}\\n".encode()). Text around it ("Jumlah karakter: 5") is accepted; an echo of the message is too.',
        node: 'Send one number, the count, and nothing else that is a number: socket.end(`${n}\\n`). Text around it ("Jumlah karakter: 5") is accepted; an echo of the message is too.',
      },
    },
    'counts-stripped': {
      meaning: 'The server counted the message without its leading and trailing spaces and tabs.',
      why: {
        python: 'It strips the message before counting (len(data.decode().strip())): the spaces around a message are characters of the message too.',
        node: 'It trims the message before counting (text.trim().length): the spaces around a message are characters of the message too.',
      },
      hint: {
        python: 'Remove only the line ending, never the spaces: text.removesuffix("\\n").removesuffix("\\r"), or rstrip("\\r\\n").',
        node: 'Remove only the line ending, never the spaces: text.replace(/\\r?\\n$/, "").',
      },
    },
    'timeout-not-restarted': {
      meaning: 'The server stopped 10 s after it started, not 10 s after its last connection: its idle timer is never restarted.',
      why: {
        python: 'The timer is started once (start = time.time() before the loop, or one threading.Timer) and a new connection does not reset it.',
        node: 'One setTimeout is set when the server starts and never cleared: a new connection does not restart it.',
      },
      hint: {
        python: 'Restart the wait at every accept(): server.settimeout(timeout) before the loop makes each accept() wait the whole timeout again.',
        node: 'Restart the timer on every connection: clearTimeout(timer); timer = setTimeout(stop, timeout * 1000) in the connection handler.',
      },
    },
    'client-not-implemented': {
      meaning: 'The client is still the unfinished stub: it stopped at once without connecting.',
      why: 'The socket code has not been written yet (the stub prints "not implemented" and exits).',
      hint: 'Follow the numbered TODO steps in the file: read lines, connect to HOST and PORT, send, print the reply.',
    },
    'client-no-connect': {
      meaning: 'The client never connected to the server.',
      why: 'It connects to another port or host than the ones in PORT and HOST, or it stops before connecting.',
      hint: {
        python: 'Connect to HOST and PORT from the environment (defaults 127.0.0.1 and 12345): socket.create_connection((host, port)).',
        node: 'Connect to HOST and PORT from the environment (defaults 127.0.0.1 and 12345): net.connect({ host, port }).',
      },
    },
    'client-wrong-message': {
      meaning: 'The bytes the client sent are not the line that was typed (in UTF-8).',
      why: 'It sends a fixed text, only part of the line, or encodes it with something other than UTF-8.',
      hint: {
        python: 'Send exactly the line you read, encoded as UTF-8, with its "\\n": sock.sendall((line + "\\n").encode("utf-8")).',
        node: 'Send exactly the line you read, with its "\\n": socket.write(line + "\\n") sends a string as UTF-8.',
      },
    },
    'client-no-terminator': {
      meaning: 'The client sent the message with neither "\\n" nor a half-close, so no server can tell where it ends: the grader\'s server answered only after a pause, and the kit\'s own server (solutions/) never answers it.',
      why: 'TCP is a byte stream, not a series of messages: the server only sees bytes arriving, and one recv() that happens to return the whole text looks like a message only on a quiet loopback. The end of the message has to be marked, by "\\n" or by closing the sending side (the lab\'s framing).',
      hint: {
        python: 'End the message with "\\n" (sock.sendall((line + "\\n").encode())), and/or half-close after sending (sock.shutdown(socket.SHUT_WR)).',
        node: 'End the message with "\\n" (socket.write(line + "\\n")), and/or half-close after sending (socket.end()).',
      },
    },
    'client-counts-locally': {
      meaning: 'The client printed a count it worked out itself instead of the server\'s reply.',
      why: {
        python: 'It prints len(line) (or similar) rather than what the server sent back; the grader\'s server answers a number that is not the true count, to tell the two apart.',
        node: 'It prints line.length (or similar) rather than what the server sent back; the grader\'s server answers a number that is not the true count, to tell the two apart.',
      },
      hint: 'Print exactly what the server sends back: the point of the client is to show the server\'s answer.',
    },
    'client-no-output': {
      meaning: 'The client did not print the server\'s reply.',
      why: 'The reply is read but not printed on standard output (or printed only on standard error).',
      hint: {
        python: 'Print the server\'s reply on standard output: print(reply).',
        node: 'Print the server\'s reply on standard output: console.log(reply).',
      },
    },
    'client-reads-once': {
      meaning: 'The client printed only part of a reply that arrived in two pieces.',
      why: {
        python: 'A single recv() was taken as the whole reply.',
        node: 'The first "data" event was taken as the whole reply.',
      },
      hint: {
        python: 'Keep calling recv() until it returns b"" (the server closed the connection), then print everything received.',
        node: 'Collect every "data" chunk and print the reply on the "end" event, once the server has closed the connection.',
      },
    },
    'client-ignores-close': {
      meaning: 'When the server closed the connection without a reply, the client kept waiting or printed nothing to say so.',
      why: {
        python: 'An empty read (recv() returning b"") is the server closing the connection; the client does not treat it as the end.',
        node: 'The "end" event with no data before it is the server closing the connection; the client does not treat it as the end.',
      },
      hint: 'When the connection closes with no reply, print one line on standard error (for example "the server closed the connection without a reply") and go on.',
    },
    'client-single-message': {
      meaning: 'The client handled only the first line of its input.',
      why: {
        python: 'It reads one line (one input()) and stops.',
        node: 'It reads one line (one rl.question(), or only the first "line" event) and stops.',
      },
      hint: {
        python: 'Loop over every line of standard input (for line in sys.stdin), one connection per line.',
        node: 'Handle every line of standard input (readline: for await (const line of rl)), one connection per line.',
      },
    },
    'client-unhandled-refused': {
      meaning: 'With no server listening, the client crashed with a stack trace, hung, or ended with exit status 0.',
      why: {
        python: 'The refused connection (ConnectionRefusedError) is not caught.',
        node: 'The refused connection (an "error" event with ECONNREFUSED) is not handled.',
      },
      hint: {
        python: 'Catch ConnectionRefusedError, print one clear line on standard error (such as "cannot connect to 127.0.0.1:12345: is the server running?") and exit with status 1: sys.exit(1).',
        node: 'Handle the socket\'s "error" event: print one clear line on standard error (such as "cannot connect to 127.0.0.1:12345: is the server running?") and exit with status 1.',
      },
    },
    'client-hangs-on-silent-server': {
      meaning: 'The client waited far past SOCKET_TIMEOUT for a server that never answers.',
      why: {
        python: 'The socket has no timeout, so recv() blocks forever.',
        node: 'The socket has no timeout, so the client waits for a "data" event forever.',
      },
      hint: {
        python: 'Give the socket a timeout of SOCKET_TIMEOUT seconds (sock.settimeout(t)) and give up with one clear line and exit status 1.',
        node: 'Give the socket a timeout of SOCKET_TIMEOUT (socket.setTimeout(ms)) and give up with one clear line and exit status 1.',
      },
    },
    'client-unhandled-timeout': {
      meaning: 'On a silent server the client timed out with a stack trace or exit status 0, not one clear line and a non-zero status.',
      why: {
        python: 'The timeout is set, but its error (socket.timeout) is not caught.',
        node: 'The timeout is set, but its "timeout" event is not handled: Node only reports it and keeps the socket open.',
      },
      hint: {
        python: 'Catch socket.timeout, print one clear line on standard error (such as "no reply from the server within 10 s") and exit with status 1.',
        node: 'On the "timeout" event, print one clear line on standard error (such as "no reply from the server within 10 s"), close the socket with socket.destroy() and exit with status 1.',
      },
    },
    'client-crash-on-eof': {
      meaning: 'At the end of its input the client crashed or exited with a non-zero status.',
      why: {
        python: 'input() raises EOFError at the end of input (Ctrl-D, or a file), and nothing catches it.',
        node: 'The end of input (Ctrl-D, or a file) is not handled: for example rl.question() after readline has closed throws an error.',
      },
      hint: {
        python: 'Iterate over standard input (for line in sys.stdin) or catch EOFError, and exit with status 0 at the end.',
        node: 'Read the lines with for await (const line of rl) (or the "line" and "close" events), and exit with status 0 when the input ends.',
      },
    },
    'client-ignores-port-env': {
      meaning: 'The client connects to its hard-coded port, whatever PORT says.',
      why: 'The port is written in the code (such as 12345) instead of read from the environment.',
      hint: {
        python: 'Read the port from PORT with 12345 as the default: int(os.environ.get("PORT", 12345)).',
        node: 'Read the port from PORT with 12345 as the default: Number(process.env.PORT ?? 12345).',
      },
    },
    'end-to-end-fails': {
      meaning: 'Your client and your server together did not print the right counts.',
      why: 'One of the two does not follow the protocol (see their own checks), or they disagree on framing: for example a client that sends no "\\n" to a server that waits for one.',
      hint: {
        python: 'Run them together by hand (python3 and your server\'s file, then python3 and your client\'s file in a second terminal) and fix the first failing check of either part.',
        node: 'Run them together by hand (your server, then your client in a second terminal: npm run server, npm run client in the kit) and fix the first failing check of either part.',
      },
    },
    'client-ambiguous-output': {
      meaning: 'The client printed the server\'s reply among other numbers: nobody reading its output can tell which is the answer.',
      why: 'Besides the reply it prints numbers that are neither the message, nor the host, nor the port (for example a list of numbers, or a count of its own beside the reply).',
      hint: 'Print the server\'s reply, and no other number of your own: "Balasan server: 5" is fine, so is printing the message and the port.',
    },
  },
  evidence: {
    'message-size': (v) => `the message: ${v.chars} characters, ${v.bytes} bytes in UTF-8, ${v.utf16} UTF-16 units`,
    'expected-count': (v) => `expected ${v.expected}, got ${v.got}`,
    'late-connection': (v) => `this copy's client connected ${v.after} s after the server listened; with its timeout of ${v.timeout} s the server should stop ${v.timeout} s after that connection`,
    'late-timeout': (v) => `it timed out ${v.sinceStart} s after it listened, ${v.sinceConnection} s after that connection`,
    'empty-unanswered': () => 'the server is still running but never answered the empty message: a server that replies only from the "data" event (or only after recv() returned something) never answers it; the count of an empty message is 0',
    'reply-numbers': (v) => `the reply names these numbers: ${v.numbers}${Number(v.total) > 12 ? `, … (${v.total} in all)` : ''}; the count is ${v.expected}, but a reply has to name one`,
    'printed-numbers': (v) => `besides the reply (${v.replies}) the client printed these numbers: ${v.others}${Number(v.total) > 12 ? `, … (${v.total} in all)` : ''}`,
    started: (v) => `listening ${v.ms} ms after start, on port ${v.port}`,
    'start-error': (v) => `it stopped at start-up with this error, in its own code: ${v.error}`,
    'start-exited': (v) =>
      `the program ended ${v.seconds} s after it started, before the grader could reach it (exit status ${v.code}${v.signal === '—' ? '' : `, signal ${v.signal}`})`,
    'timed-out-at-start': () => 'it printed its timeout message and stopped almost at once: is the timeout given in seconds where milliseconds are needed?',
    'message-resent': () => 'the server ended during this message or just before it; the grader started it again and sent the message once more, to be sure',
    'crashed-after-reply': () =>
      'the client got the reply, then ended with a stack trace before printing it: does it expect the reply in another form (for example split(":") of "Jumlah karakter: 5")? The protocol\'s reply is the number alone, such as "5\\n": print what the server sent',
    'crashed-before-connecting': (v) =>
      `the client ended with an error of its own before it made any connection: ${v.error}. It is not a question of the host or port: fix the line its output points to first`,
    'stub-lines-left': () => "the stub's last two lines are still there: the one that prints \"not implemented yet\" (shown below) and the one after it, which sets exit status 1; delete both",
    'stopped-by-disconnect': (v) => `the server stopped (exit status ${v.code}) when this client disconnected, although it serves clients one after another`,
    'not-listening': (v) => `nothing accepted connections within ${v.seconds} s`,
    'fixed-port-taken': (v) => `port ${v.port} was already in use by another program`,
    'server-exited': (v) => `the server process ended (exit status ${v.code}${v.signal === '—' ? '' : `, signal ${v.signal}`})`,
    'server-restarted': () => 'the server had stopped after an earlier check, so the grader started it again for this one',
    'replied-before-end': (v) => `the reply came before the last of the ${v.pieces} pieces was sent`,
    'waited-for-eof': (v) => `no reply within ${v.ms} ms of the "\\n"; the reply came only after the grader closed its side`,
    'no-close': (v) => `the connection was still open ${v.ms} ms after the reply`,
    'closed-without-reply': () => 'the server closed the connection without a reply',
    'served-clients': (v) => `${v.served} of ${v.of} clients got a reply`,
    'idle-expected': (v) => `expected: a timeout message and exit status 0 about ${v.seconds} s (± ${v.tolerance} s) after the last connection`,
    'idle-remeasured': (v) => `a first copy timed out ${v.seconds} s after its last connection, just outside the tolerance; the timeout was measured again on a fresh copy, and that measurement stands`,
    'idle-message': (v) => `timeout message ${v.seconds} s after the last connection`,
    'idle-exit': (v) => `the process ended ${v.seconds} s after the last connection, exit status ${v.code}`,
    'idle-nothing': (v) => `still running, with no timeout message, ${v.seconds} s after the last connection`,
    'idle-still-running': (v) => `still running ${v.seconds} s after the last connection`,
    'idle-crashed': () => 'the program ended with an error when its timeout fired: handle the timeout and stop normally, with exit status 0',
    'second-client-concurrent': (v) => `a second client was answered ${v.ms} ms after sending, while the silent client was still connected`,
    'second-client-waited': (v) => `a second client was answered only after the silent one was dropped, ${v.seconds} s after sending`,
    'second-client-blocked': (v) => `a second client got no reply in ${v.seconds} s while the silent client stayed connected`,
    'port-used': (v) => (v.source === 'env' ? `listened on the port given in PORT (${v.port})` : `listened on its hard-coded port ${v.port}, not on the one given in PORT`),
    'timeout-env-used': (v) => `SOCKET_TIMEOUT was ${v.given} s; the server timed out after ${v.seconds} s`,
    'logs-found': (v) => `log lines found: ${v.kinds}`,
    'logs-missing': (v) => `log lines missing: ${v.kinds}`,
    'plain-message-crashes-too': () => 'an ordinary message crashed it as well: the fault is not in how this message is handled, but in code every message goes through',
    'ended-with-silent-client': () => 'the server ended while the silent client was connected: a timeout on one connection must close that connection only, not stop the server',
    'typed-line': (v) => `the typed line: ${v.line}`,
    'client-exited': (v) => `the client ended after ${v.seconds} s with exit status ${v.code}`,
    'address-in-use': () =>
      'it could not listen: its port was already in use by another program (EADDRINUSE), although the grader had given it a free one in PORT. It probably uses a port of its own: read PORT, or name that port with --port',
    'sandbox-limit': (v) =>
      v.limit === 'memory'
        ? `the sandbox's memory limit (${v.amount}) ended it`
        : v.limit === 'processes'
          ? `it ran into the sandbox's limit of ${v.amount} processes`
          : `the sandbox's CPU time limit (${v.amount} per process) ended it`,
    'client-still-running': (v) => `the client was still running after ${v.seconds} s; the grader ended it`,
    'decoy-reply': (v) => `the grader's server answered ${v.decoy} on purpose (the true count is ${v.count}), to tell its reply from a count the client makes itself`,
    'connections-made': (v) => `the client made ${v.count} ${Number(v.count) === 1 ? 'connection' : 'connections'} for ${v.lines} input lines`,
    'reply-in-pieces': (v) => `the grader's server sent the reply ${v.reply} in two pieces, ${v.pauseMs} ms apart`,
    'server-closed-silently': () => "the grader's server closed the connection without a reply",
    'nothing-listening': (v) => `nothing was listening on port ${v.port}`,
    'server-stayed-silent': (v) => `the grader's server accepted the connection and never answered; SOCKET_TIMEOUT was ${v.seconds} s`,
    'stack-trace-shown': () => 'the client showed a stack trace',
    'end-to-end-expected': (v) => `your client, talking to your server, should print ${v.counts}`,
    'client-port-used': (v) => (v.source === 'env' ? `connected to the port given in PORT (${v.port})` : `connected to its hard-coded port ${v.port}, not to the one given in PORT`),
    'any-reply-accepted': () => 'any number is accepted here; the server only has to survive and answer',
  },
  skips: {
    'client-did-not-start': 'not run: the client did not connect in its first run',
    'no-server-to-pair': 'not run: the submission has no server to pair the client with',
    'server-did-not-start': 'not run: the server did not start',
    'quick-mode-only': 'measured only with --quick (a full grade leaves SOCKET_TIMEOUT unset)',
    'full-grade-only': 'judged only in a full grade (the quick grade\'s 2 s timeout is too short to tell start-up from a late connection)',
    'timed-out-during-check': 'the server reached its idle timeout while this check ran, three times: the machine took longer than SOCKET_TIMEOUT between two clients. Grade again on a quieter machine, or without --quick',
    'stopped-after-first-client': 'not judged: the server stopped after its first client (see serves-clients-in-turn)',
    'no-reply-to-line': 'not judged: the server did not answer a "\\n"-terminated message (see newline-framing)',
    'no-idle-timeout-seen': 'not judged: the server never timed out (see idle-timeout)',
    'timeout-judged-elsewhere': 'not judged: its timeout is neither SOCKET_TIMEOUT nor the default 10 s (see idle-timeout)',
    'crashed-before-timeout': 'not judged: the server crashed before its timeout could be seen (see the checks that crashed it)',
    'crashed-at-timeout': 'not judged: the server crashed instead of timing out (see idle-timeout)',
    'crashed-on-first-client': 'not judged: an ordinary first client crashed the server (see the checks that show the crash)',
    'run-deadline': 'not run: the whole grade passed its deadline',
    'port-in-time-wait': 'not judged: the port stayed held by old connections in TIME_WAIT for longer than the grader waits (not your fault; grade again in a minute)',
    'grader-error': 'not judged: the grader itself failed here (not your fault)',
  },
  labels: {
    message: () => 'client',
    'client-n': (n) => `client ${n}`,
    'client-connection': (n) => `connection ${n}`,
    'plain-message': () => 'ordinary message',
    'first-client': () => 'first client',
    'silent-client': () => 'silent client',
    'second-client': () => 'second client',
    'abrupt-client': () => 'abrupt client',
    'next-client': () => 'next client',
    'whole-message': () => 'same text, one piece',
    'short-message': () => 'short message',
  },
  transcript: {
    connect: 'connected',
    refused: 'connection refused',
    send: 'sent',
    'half-close': 'half-closed (end of message)',
    'reset-sent': 'reset the connection',
    receive: 'received',
    'server-closed': 'server closed',
    reset: 'connection reset',
    'write-failed': 'could not send (connection gone)',
    deadline: 'deadline passed, no more waiting',
    'grader-closed': 'grader closed',
    'client-connected': 'the client connected from',
    'client-half-close': 'the client closed its sending side',
    'client-reset': 'the client reset the connection',
    bytes: (n) => `(${n} ${n === 1 ? 'byte' : 'bytes'})`,
    empty: '(nothing)',
  },
  report: {
    title: 'Lab "Client–Server (single thread)" · grader',
    grading: (folder, program) => `Grading ${folder} · ${program}`,
    discovery: {
      line: (part, file, reasons) => `${part}: ${file} (${reasons})`,
      reasons: {
        named: (r) => `named with ${r.option}`,
        'exact-name': () => 'the name the kit asks for',
        'name-says': (r) => `its name says ${r.word}`,
        'folder-says': (r) => `its folder's name, ${r.folder}, says ${r.word}`,
        calls: (r) => `it calls ${listed(r.calls)}`,
        language: (r) => `${languageNames[r.language]}, going by its ${r.from === 'shebang' ? '#! line' : 'code'}`,
        'over-stub': (r) => `preferred to the kit's unfinished stub ${listed(r.stubs)}`,
        'nearest-top': (r) => `nearer the top of the folder than ${listed(r.others)}`,
        stub: () => "still the kit's unfinished stub, and the only candidate",
      },
    },
    seedLine: (seed, mode, rubric) => `seed ${seed} · ${mode} · rubric ${rubric}`,
    selectionLine: (asked) => `Only what you asked for was run (${asked}): the score is not your grade. Grade without it before handing in.`,
    fullMode: (seconds) => `full grade (idle timeout ${seconds} s)`,
    quickMode: (seconds) => `quick grade (SOCKET_TIMEOUT=${seconds})`,
    parts: { server: 'Server', client: 'Client' },
    required: 'required',
    optional: 'not required',
    why: 'why',
    hint: 'what to do',
    severity: { warning: 'warning: no points, never fails', accepted: 'accepted' },
    programOutput: 'what the program printed (last lines, escaped):',
    sameOutput: (checkId) => `(the program printed the same last lines as under ${checkId})`,
    graderError: (message) => `grader error: ${message}`,
    analysisTitle: 'Analysis · what the grader measured',
    fixFirst: (part) => `Fix this first (${part})`,
    fixFirstAbove: '(shown above: fix this first)',
    sameCauseAs: (checkId) => `(the same cause as ${checkId})`,
    explainMore: (code) => `more, with an example: npm run grade -- --explain ${code}`,
    passedChecks: (count) => `${count} ${count === 1 ? 'check' : 'checks'}:`,
    notJudgedInMode: (ids, reason) => `not judged: ${ids} · ${reason}`,
    verboseHint: 'Every check in full (each transcript, why each code happens): add --verbose. One code in full, with an example: --explain CODE.',
    startup: (v) =>
      `start-up: listening ${v.startupSeconds} s after start, ${v.portSource === 'env' ? `on the port given in PORT (${v.port})` : `on its hard-coded port ${v.port}`}`,
    latency: (median, max, count) => `reply time: median ${median} ms, slowest ${max} ms, over ${count} ${count === 1 ? 'message' : 'messages'}`,
    idle: (message, exit, expected, tolerance) =>
      `idle timeout, from the last connection: ${message === undefined ? 'no timeout message' : `message after ${message} s`}, ${exit === undefined ? 'did not exit' : `exit after ${exit} s`} (expected ${expected} s ± ${tolerance} s)`,
    idleOffTime: 'but not at the expected time',
    idleBehaviour: {
      stops: 'announces the timeout and stops',
      'keeps-running': 'announces the timeout and keeps running',
      never: 'never times out',
      crashes: 'ends with an error at the timeout',
      'silent-stop': 'stops without a timeout message',
    },
    concurrent: (ms) =>
      `second client: answered in ${ms} ms while a silent client was still connected, so this server serves clients concurrently (an event loop, or threads)`,
    sequential: (seconds) =>
      `second client: waited ${seconds} s, until the silent client was dropped: this server serves one client at a time (single-threaded), as the lab's title says`,
    blocked: 'second client: never answered while a silent client stayed connected: one client at a time, with no limit on waiting',
    restarts: (count) => `the server stopped during the checks and was started again ${count} time${count === 1 ? '' : 's'}`,
    score: (score, max) => `Score ${score}/${max}`,
    passed: 'PASSED: every required check passed',
    notPassed: (failed) => `NOT PASSED: required checks failed: ${failed}`,
    repeat: (command) => `Repeat this run with the same messages: ${command}`,
    repeatByHand: (command) =>
      `Repeat this run with the same messages (a name in it cannot be pasted safely into a shell: it is shown escaped, type it yourself): ${command}`,
    notStarted: (count, reason) => `${count} checks: ${reason}`,
    quickNote: 'Quick grade: the final grade uses the default 10 s timeout; run without --quick before handing in.',
    portNotes: {
      'taken-on-machine': (n) =>
        `Port ${n.port} is in use on this machine by another program${n.owner ? ` (${n.owner})` : ''}, maybe a server of yours still running; the programs were graded in networks of their own, where ${n.port} was free.`,
      'taken-not-tried': (n) =>
        `Port ${n.port} is in use on this machine by another program${n.owner ? ` (${n.owner})` : ''}: whether your client connects to ${n.port} instead of PORT could not be tried. Stop that program and grade again.`,
      'time-wait-on-machine': (n) =>
        `Port ${n.port} was still held on this machine by ${n.connections} earlier connection${n.connections === 1 ? '' : 's'} in TIME_WAIT; the programs were graded in networks of their own, where ${n.port} was free.`,
      'time-wait-waited': (n) =>
        `Port ${n.port} was held by ${n.connections} earlier connection${n.connections === 1 ? '' : 's'} in TIME_WAIT (a server without SO_REUSEADDR cannot bind it for up to 60 s); the grader waited ${n.waitedSeconds} s for ${n.connections === 1 ? 'it' : 'them'}, then went on.`,
      'time-wait-outlasted': (n) =>
        `Port ${n.port} was still held by connections in TIME_WAIT after the grader had waited ${n.waitedSeconds} s: the checks that needed it were not judged.`,
    },
    portsLeftBound: (ports) =>
      `Still in use after the grader had ended every program it started: ${ports.length === 1 ? 'port' : 'ports'} ${ports.join(', ')}. A process of the submission escaped (it left its process group): find it with "lsof -i :${ports[0]}" (or netstat) and end it. On Linux, --sandbox prevents this.`,
  },
  setup: {
    'no-such-folder': (p) => `No such folder: ${p.path}`,
    'nothing-to-grade': (p) =>
      `Nothing to grade in ${p.path}: no server or client program was found (such as server.py, or a program that calls bind and listen, or connect). Name them with --server FILE and --client FILE.`,
    'ambiguous-program': (p) =>
      `Cannot tell which program is the ${p.part} in ${p.path}: did you mean ${listed(p.candidates.slice(0, 5), 'or')}${p.candidates.length > 5 ? ` (or one of ${p.candidates.length - 5} more)` : ''}? They are equally likely: name one with --${p.part} FILE.`,
    'no-such-file': (p) => `No such file for ${p.option}: ${p.path}`,
    'unknown-language': (p) =>
      `Cannot tell how to run ${p.file}: neither its extension nor (without one) its #! line or its code says Python, JavaScript or TypeScript. Give it an extension (.py, .js, .ts), or the command with --server-cmd or --client-cmd.`,
    'runtime-missing': (p) => `Cannot run ${p.file}: ${p.runtime} was not found on this machine. Install it, or give the command with --server-cmd or --client-cmd.`,
    'link-outside': (p) => `${p.file} is a link to ${p.target}, outside the submission's folder: the grader grades only the submission's own files.`,
    'not-a-file': (p) =>
      `${p.file} is not a program file but a folder (or something else): the grader runs only a file of the submission's own. Rename it, or name the program with --server FILE or --client FILE.`,
    'port-taken': (p) =>
      `Port ${p.port} is in use by another program${p.owner ? `, ${p.owner}` : ''} (maybe a server of yours still running): stop it, or make your server read PORT, then grade again.`,
    'unknown-option': (p) => `Unknown option ${p.option} (see npm run grade -- --help).`,
    'missing-value': (p) => `The option ${p.option} needs a value (see npm run grade -- --help).`,
    'bad-number': (p) => `${p.option} needs a whole number from ${p.min} to ${p.max}, not "${p.value}".`,
    'unknown-report': (p) => `--report ${p.name}: no such format (${p.known}).`,
    'reports-in-place': (p) => `--report ${p.names}: only one format can take the terminal report's place; give the others a file (--report NAME=FILE).`,
    'report-with-class': () => 'In a class grade --report takes a format\'s name only (--report junit: every student\'s folder gets report.xml); --json FILE and --report NAME=FILE are for one submission.',
    'bad-csv-delimiter': (p) => `--csv-delimiter is "," or ";", not "${p.value}".`,
    'not-a-class-folder': (p) => `--class needs a folder of submissions (one sub-folder or .zip per student): ${p.path}`,
    'class-needs-sandbox': () =>
      'A class is graded in the sandbox (it is code you did not write), and the sandbox cannot run here (see the line above); add --no-sandbox to grade without it.',
    'bad-lang': (p) => `--lang is id or en, not "${p.value}".`,
    'too-many-folders': (p) => `Grade one folder at a time, not several (${p.folders}).`,
    'bad-rubric': (p) => `Rubric ${p.file}: ${p.detail}.`,
    'bad-settings': (p) => `The kit's settings, ${p.file}: ${p.detail}.`,
    'bad-lang-env': (p) => `LAB_LANG is id or en, not "${p.value}".`,
    'bad-track': (p) => `--track is typescript or python, not "${p.value}".`,
    'selection-with-class': () => '--only and --check are for one submission: a class is graded whole.',
    'cannot-combine': (p) => `${p.option} cannot go with ${p.other}: ${p.option === '--repeat' ? 'it grades with fresh seeds and prints pass rates, not a report' : 'it grades again on every save and prints the report on the screen'}.`,
    'unknown-code': (p) => `--explain ${p.code}: no such diagnosis code (${p.near ? `did you mean ${p.near}? ` : ''}every code is in docs/checks.md).`,
    'bad-only': (p) => `--only is server or client, not "${p.value}".`,
    'unknown-check': (p) => `--check ${p.id}: no such check (${p.near ? `did you mean ${p.near}? ` : ''}every check is in docs/checks.md).`,
    'nothing-selected': (p) => `--only ${p.only} --check ${p.checks}: no check of that part was asked for, so nothing would run.`,
    'empty-command': () => '--server-cmd and --client-cmd need a command to run.',
    'sandbox-unavailable': (p) =>
      ({
        'not-linux': `--sandbox works only on Linux (this is ${p.detail}); grade without it, or on a Linux machine.`,
        portable: '--sandbox needs the Linux ways, which LAB_GRADER_PORTABLE=1 turns off: unset it, or grade without --sandbox (nothing was run).',
        'no-bwrap': '--sandbox needs bubblewrap, which is not installed: apt-get install bubblewrap (nothing was run).',
        'no-util-linux': `--sandbox needs ${p.detail} (util-linux), which is not installed (nothing was run).`,
        'bwrap-refused': `--sandbox: bubblewrap cannot create namespaces on this machine (${p.detail}); nothing was run.${
          p.enable === undefined
            ? ''
            : ` ${
                {
                  apparmor: 'Ubuntu restricts unprivileged user namespaces: grade as root, or allow them with: sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0',
                  'userns-limit': 'User namespaces are switched off: sudo sysctl user.max_user_namespaces=15000',
                  'userns-clone': 'Unprivileged user namespaces are switched off: sudo sysctl kernel.unprivileged_userns_clone=1',
                  container: 'In a container, start it with --security-opt seccomp=unconfined --security-opt apparmor=unconfined (or --privileged): see the instructor\'s guide, Safety.',
                }[p.enable]
              }`
        }`,
      })[p.reason],
    'sandbox-outside-private-network': () => 'The sandbox must be started by the command line (npm run grade -- --sandbox).',
  },
  classGrade: {
    progress: (done, total, student, outcome) => `[${done}/${total}] ${student}: ${outcome}`,
    progressBar: (done, total, passed, failed, errors, eta) =>
      `${done}/${total} · passed ${passed} · not passed ${failed}${errors > 0 ? ` · not graded ${errors}` : ''}${eta === undefined ? '' : ` · ${eta} left`}`,
    passed: (score, max, seconds) => `${score}/${max} PASSED (${seconds} s)`,
    failed: (score, max, seconds) => `${score}/${max} not passed (${seconds} s)`,
    error: (reason) => `not graded: ${reason}`,
    interrupted: (done, total, out) =>
      `${done} of ${total} students graded and kept in ${out}. Run the same command again to grade the rest: the ones graded are not graded again.`,
    resumed: (outcome) => `${outcome}, unchanged since its last grade (--force grades it again)`,
    start: (count, folder, jobs, sandbox) => `Grading ${count} submission${count === 1 ? '' : 's'} in ${folder}, ${jobs} at a time${sandbox ? ', each in the sandbox' : ', without the sandbox'}`,
    summaryGraded: (graded, total, errors) => `Graded: ${graded} of ${total}${errors > 0 ? `; ${errors} could not be graded (below)` : ''}`,
    summaryPassed: (passed, graded) => `Passed: ${passed} of ${graded}`,
    summaryMedian: (percent) => `Median score: ${percent} %`,
    summaryMistakes: 'Most common mistakes:',
    summaryMistake: (code, students) => `  ${code}: ${students} student${students === 1 ? '' : 's'}`,
    summaryError: (student, reason) => `Not graded: ${student}: ${reason}`,
    summaryStopped: (count) => `Stopped: ${count} submission${count === 1 ? ' was' : 's were'} not graded; run the same command again to go on.`,
    written: (out, gradebook) => `Reports in ${out}; gradebook: ${gradebook}`,
    zipRefused: (r) =>
      ({
        'unsafe-path': () => `the archive was refused: its entry ${'entry' in r ? JSON.stringify(r.entry) : ''} would be unpacked outside its folder`,
        link: () => `the archive was refused: its entry ${'entry' in r ? JSON.stringify(r.entry) : ''} is a link`,
        encrypted: () => `the archive was refused: its entry ${'entry' in r ? JSON.stringify(r.entry) : ''} is encrypted`,
        'too-large': () => `the archive was refused: it unpacks to more than ${'limitMiB' in r ? r.limitMiB : ''} MiB`,
        'too-many-entries': () => `the archive was refused: it holds more than ${'limit' in r ? r.limit : ''} entries`,
        unreadable: () => `the archive could not be read as a zip: ${'message' in r ? r.message : ''}`,
      })[r.reason](),
  },
  classPage: {
    title: 'The class',
    counts: (students, graded, passed) => `${students} submissions, ${graded} graded, ${passed} passed.`,
    distribution: 'Scores',
    range: 'score',
    students: 'students',
    checks: 'Each check',
    check: 'check',
    passedIt: 'got its points',
    mistakes: 'Mistakes, most frequent first',
    code: 'code',
    who: 'who',
    notGraded: 'Not graded',
    lookAt: 'Submissions to look at',
    lookAtWhy:
      'A flag for a person to look at, never a grade: the code of each submission is reduced to its shape (no comments, strings, numbers or names; the stubs taken out) and compared by Jaccard similarity of its 6-token runs. 80 % or more is listed.',
    nothingAlike: 'None: no two submissions, and none with the kit\'s solutions, are 80 % alike.',
    pair: (a, b, percent) => `${a} and ${b}: ${percent} % alike`,
    copy: (student, solution, percent) => `${student}: ${percent} % alike the kit's ${solution}`,
    lang: 'en',
    studentTable: 'Every student (click a column to sort)',
    columns: ['student', 'score', 'max', 'percent', 'passed', 'status', 'codes, or why not graded'],
    terminalLine: (pairs, copies) => `To look at: ${pairs} pair${pairs === 1 ? '' : 's'} of submissions alike, ${copies} alike the kit's solutions (class-summary.md)`,
  },
  markdown: {
    status: 'Status',
    check: 'Check',
    points: 'Points',
    codes: 'Codes',
    failures: (shown, total) => (shown === total ? `What failed (${total})` : `What failed: the first ${shown} of ${total}`),
  },
  explain: {
    severity: { error: 'fails its check', warning: 'a warning: costs the check\'s points, never fails it', accepted: 'accepted: keeps the check\'s points' },
    givenBy: (checks) => `given by the checks: ${checks}`,
    example: (language) => `In ${language}:`,
    wrong: 'the mistake',
    right: 'fixed',
    noExample: 'No line of code shows this one: the report\'s evidence and the hint above say what to do.',
    everyCode: 'Every code, with both languages\' hints: docs/checks.md',
  },
  live: {
    preparing: (seconds) => `${seconds} s · finding, building and starting the programs…`,
    status: (seconds, judged, total) => `${seconds} s · ${judged}/${total} checks judged`,
    running: (ids) => `now: ${ids}`,
    idleDue: (seconds) => `the server's idle timeout is due in ${seconds} s`,
    idleOverdue: (seconds) => `waiting for the server to stop, ${seconds} s past its idle timeout`,
    more: (count) => `… and ${count} more`,
    passedSoFar: (count) => `${count} checks passed so far`,
  },
  labReport: {
    title: 'Lab report: Client–Server (single thread)',
    run: 'What was run',
    folder: 'Submission',
    programs: 'Programs',
    mode: 'Grade',
    results: 'Results',
    analysis: 'Analysis',
    counted: (title, chars, bytes, reply, expected) =>
      `${title}: the grader sent a message of ${chars} characters (${bytes} bytes in UTF-8), and the reply was ${reply}${expected === undefined ? '.' : `; the right count is ${expected}.`}`,
    noReply: 'nothing',
    timelines: 'Timeline of each connection',
    timelinesIntro:
      'Each picture is one TCP connection, in time order from the top: the grader on the left, your program on the right. An arrow is what one side sent the other: the bytes of a message or a reply, or one of TCP\'s signals: SYN opens the connection, FIN closes one side (the end of a message), RST breaks the connection off. The times count from the moment the grader began to connect.',
    grader: 'grader',
    connects: (who) => (who === 'grader' ? 'the grader connects' : 'your client connects'),
    diagramTitle: (check, connection) => `${check}: ${connection}`,
    otherChecks: (count) => `${count} more checks talked to the program; their transcripts are in the terminal report (--verbose) and in the JSON.`,
    repeat: 'Repeat this run with the same messages:',
  },
  repeat: {
    title: (runs, folder, quick) => `${folder} graded ${runs} times with fresh seeds${quick ? ' (quick)' : ''}`,
    runLine: (run, runs, seed, passed, checksPassed, checks) => `run ${run}/${runs} · seed ${seed}: ${passed ? 'passed' : 'not passed'} (${checksPassed}/${checks} checks passed)`,
    steady: 'Every check gave the same verdict in every run.',
    flickering: 'Not the same verdict in every run (a race, or a timing the program does not always keep):',
    rate: (passed, runs) => `passed ${passed}/${runs}`,
    notPassedWith: (seeds, more) => `not passed with seed ${seeds}${more > 0 ? ` and ${more} more` : ''}`,
    replay: (command) => `replay: ${command}`,
    alwaysPassed: (count) => `${count} checks passed every time`,
    neverPassed: (ids) => `never passed: ${ids}`,
    gradePassed: (passed, runs) => `The grade passed in ${passed} of ${runs} runs.`,
  },
  watch: {
    sinceLast: 'Since the last run:',
    nothingChanged: 'every check gave the same verdict as before',
    fixed: (ids) => `fixed: ${ids}`,
    broke: (ids) => `newly failing: ${ids}`,
    watching: (folder) => `Watching ${folder}: saving a file grades it again (Ctrl-C to stop).`,
    saved: (file) => `${file} changed: grading again…`,
  },
  cli: {
    usageHead: `Usage: npm run grade -- [folder] [options]

Grades the server and the client in a submission folder (default: exercises):
server.<ext> and client.<ext> at its top (ext: ts, mts, cts, js, mjs, cjs, py), or else
the programs in it and its sub-folders whose names or code say server or client (the
report says which it chose and why). A .zip is graded as the folder it unpacks to.

Options:`,
    usageTail: `Exit status: 0 passed, 1 a required check failed, 2 usage or setup error.`,
    optionHelp: {
      server: 'grade this file as the server (any name; without a folder, its folder is the submission)',
      client: 'grade this file as the client (the same)',
      quick: 'short SOCKET_TIMEOUT (2 s) for a fast self-check',
      verbose: 'the report in full: every check\'s transcript, and why each code happens',
      repeat: 'grade n times with fresh seeds (at most 50) and print each check\'s pass rate, with the seeds of the runs where a check did not pass (to replay one: --seed)',
      watch: 'grade --quick now and again whenever you save a file of the submission, with what changed since the last run (Ctrl-C to stop)',
      explain: 'explain a diagnosis code in full, with an example in your program\'s language, and grade nothing',
      only: 'grade only the server or only the client',
      check: 'run only these checks (ids as in the report, comma-separated), with the first check of their part;\nthe score is then not your grade',
      track: 'grade the kit\'s own exercises of a track: typescript (exercises/) or python (exercises/python;\nnpm run grade:py is the short form)',
      rubric: 'kit (default, unless the kit\'s lab-settings.json names one), classic, or a rubric file (.json)',
      seed: 'repeat a run exactly (the report prints its seed)',
      port: 'the port your server hard-codes, if not 12345',
      report: 'also write the results in another format, to a file or (without =<file>) instead of this report:\nterminal, json, junit, markdown, html, gradescope, classroom (repeatable: every format from one run;\nwith --class, a name only: every student\'s folder gets that format)',
      json: 'also write the results as JSON (the same as --report json=<file>; when nothing could be graded: status "error" and why)',
      lang: 'language of the report (default: LAB_LANG, else the kit\'s lab-settings.json, else your locale)',
      'server-cmd': 'run the server with this command instead (wins over --server)',
      'client-cmd': 'run the client with this command instead (wins over --client)',
      sandbox: `run every program in a sandbox (Linux, bubblewrap): for grading others' code`,
      class: `grade a whole class: every sub-folder or .zip in it is one student's submission\n(in the sandbox unless --no-sandbox; a submission unchanged since its last grade is not graded again)`,
      out: 'where a class grade writes its reports and gradebook.csv (default: <class>-grades)',
      jobs: 'how many students at once in a class grade (default: 8 per core, at most 32)',
      force: 'grade every student of the class again, changed or not',
      'csv-delimiter': '"," (default) or ";" for gradebook.csv (";" also writes decimal commas, as Indonesian Excel expects)',
      'no-sandbox': 'grade a class without the sandbox',
      help: 'show this help',
    },
    interrupted: 'Interrupted: every program the grader started has been stopped.',
    crashed: (message) => `The grader failed (not your submission): ${message}`,
    jsonWritten: (file) => `Results written to ${file}`,
  },
};
