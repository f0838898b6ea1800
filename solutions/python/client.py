# Reference solution, Task 2: the client of the lab "Client–Server (single thread)", in Python.
#
# Each line typed on standard input is one message: connect, send it ended by "\n", print the
# server's reply, and go on with the next line. A failed connection, a silent server or an
# empty reply ends the client with one clear line on standard error and exit status 1.
import os
import socket
import sys

# The run contract: the grader passes these; the defaults are the lab's.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "12345"))
TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "10"))
SERVER = f"{HOST}:{PORT}"


def fail(reason):
    # One clear line for the user instead of a traceback, and a status that says it failed.
    print(f"Error: {reason}", file=sys.stderr)
    sys.exit(1)


def ask(message):
    """Sends one message on a connection of its own; returns everything the server sent back."""
    try:
        # The timeout covers connecting and, below, each wait for the reply.
        sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT)
    except ConnectionRefusedError:
        fail(f"cannot connect to {SERVER} (connection refused: is the server running?)")
    except socket.timeout:
        fail(f"cannot connect to {SERVER} within {TIMEOUT:g} s")
    except OSError as error:
        fail(f"cannot connect to {SERVER} ({error})")
    with sock:
        try:
            sock.sendall(message.encode("utf-8") + b"\n")
            # Half-close: tells the server the message is complete, while we can still read.
            sock.shutdown(socket.SHUT_WR)
            # The reply may come in several pieces: it is complete when the server closes (b"").
            reply = b""
            while chunk := sock.recv(1024):
                reply += chunk
        except socket.timeout:
            fail(f"no reply from {SERVER} within {TIMEOUT:g} s")
        except OSError as error:
            fail(f"connection to {SERVER} broken ({error})")
    return reply.decode("utf-8", errors="replace").strip()


# The message is sent as UTF-8, so read what the user typed as UTF-8 whatever the system's locale.
sys.stdin.reconfigure(encoding="utf-8")

# Iterating over sys.stdin ends quietly at the end of input (input() would raise EOFError).
for line in sys.stdin:
    reply = ask(line.removesuffix("\n").removesuffix("\r"))
    if not reply:
        # An empty reply is a broken server, not an answer: say so rather than print nothing.
        fail("the server closed the connection without a reply")
    # Print the server's answer as it sent it: counting here would hide a wrong server.
    print(reply)
