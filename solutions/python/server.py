# Reference solution, Task 1: the server of the lab "Client–Server (single thread)", in Python.
#
# One message per connection: the client sends UTF-8 text ended by "\n" or by closing its
# sending side; the server replies with the number of characters and closes the connection.
# After SOCKET_TIMEOUT seconds without a new client it says so and stops.
import os
import socket

# The run contract: the grader passes these; the defaults are the lab's.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "12345"))
TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "10"))


def read_message(conn):
    """The bytes of one message, without its line ending."""
    # TCP is a stream: one recv() may return only part of the message (a long one, or one the
    # client sent in pieces). Keep reading until the "\n" or until the client closes its side.
    data = b""
    while b"\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:  # b"": the client half-closed, so the message is complete
            break
        data += chunk
    message, newline, _ = data.partition(b"\n")
    # A "\r" right before the "\n" is part of the line ending (Windows clients send "\r\n").
    if newline and message.endswith(b"\r"):
        message = message[:-1]
    return message


def serve(conn, client):
    message = read_message(conn)
    # Decode the whole message once: a multi-byte character may be split between two chunks.
    # errors="replace" turns invalid UTF-8 into U+FFFD instead of crashing the server.
    text = message.decode("utf-8", errors="replace")
    # len() of a str counts Unicode code points ("héllo" is 5), not bytes (6).
    count = len(text)
    print(f"Received {len(message)} bytes from {client}: {text[:60]!r}")
    conn.sendall(f"{count}\n".encode())
    print(f"Sent reply to {client}: {count}")


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# Lets the server start again at once on the same port after a previous run.
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((HOST, PORT))
server.listen(5)
# accept() gives up after TIMEOUT seconds without a new client: that is the idle timeout.
server.settimeout(TIMEOUT)
print(f"Listening on {HOST}:{PORT}")

while True:
    try:
        conn, addr = server.accept()
    except socket.timeout:
        print(f"Timeout: no new connection for {TIMEOUT:g} s, server stopping")
        break
    client = f"{addr[0]}:{addr[1]}"
    print(f"Connection from {client}")
    with conn:  # closes the connection after the reply, whatever happens
        # A client that connects and says nothing must not keep the others waiting forever.
        conn.settimeout(TIMEOUT)
        try:
            serve(conn, client)
        except socket.timeout:
            print(f"Client {client} silent for {TIMEOUT:g} s: closing its connection")
        except OSError as error:
            # A client that resets the connection costs us that connection only.
            print(f"Connection {client} broken: {error}")

server.close()
