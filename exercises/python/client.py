# Task 2: the client of the lab "Client–Server (single thread)", in Python.
# Tugas 2: klien untuk praktikum "Client–Server (single thread)", dengan Python.
#
# Run it (with your server running):   python3 exercises/python/client.py
# It reads lines that you type; each line is one message to the server (one connection each),
# and it prints the count that the server sends back.
# ID: Jalankan (saat server Anda sedang berjalan):   python3 exercises/python/client.py
# Program ini membaca baris-baris yang Anda ketik; setiap baris adalah satu pesan ke server
# (satu koneksi untuk setiap baris), lalu mencetak jumlah yang dikirim balik oleh server.
import os
import socket
import sys

# The run contract: the grader passes these; the defaults are the lab's.
# ID: Kontrak menjalankan program: nilai-nilai ini diberikan oleh grader; nilai bawaannya
# adalah nilai bawaan praktikum.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "12345"))
TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "10"))

# TODO 1. Read standard input line by line: for line in sys.stdin: (it ends quietly at the end
#         of input; input() would raise EOFError there). Remove the line ending: "\n" or "\r\n".
#         ID: Baca standard input baris demi baris: for line in sys.stdin: (perulangan ini
#         berakhir tanpa error di akhir input; input() akan melempar EOFError di situ). Buang
#         akhir barisnya: "\n" atau "\r\n".
# TODO 2. For each line, connect: sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT).
#         The timeout covers connecting and each recv() below.
#         ID: Untuk setiap baris, sambungkan ke server:
#         sock = socket.create_connection((HOST, PORT), timeout=TIMEOUT).
#         Batas waktu itu berlaku saat menyambung dan untuk setiap recv() di bawah ini.
# TODO 3. sock.sendall(line.encode() + b"\n"), then sock.shutdown(socket.SHUT_WR): the server
#         then knows that the message is complete, and you can still read its reply.
#         ID: sock.sendall(line.encode() + b"\n"), lalu sock.shutdown(socket.SHUT_WR): dengan
#         begitu server tahu bahwa pesannya sudah lengkap, dan Anda masih bisa membaca balasannya.
# TODO 4. The recv loop: add each chunk of sock.recv(1024) to a bytes buffer until recv()
#         returns b"" (the server closed the connection after its reply), then sock.close().
#         ID: Perulangan recv: tambahkan setiap potongan dari sock.recv(1024) ke buffer bertipe
#         bytes sampai recv() mengembalikan b"" (server menutup koneksi setelah membalas), lalu
#         sock.close().
# TODO 5. Print the server's reply: reply.decode().strip(). Do not count the characters yourself.
#         If the reply is empty, print on sys.stderr that the server closed the connection
#         without a reply.
#         ID: Cetak balasan server: reply.decode().strip(). Jangan menghitung karakternya sendiri.
#         Jika balasannya kosong, cetak ke sys.stderr bahwa server menutup koneksi tanpa
#         membalas.
# TODO 6. except ConnectionRefusedError (nothing listening) and except socket.timeout (no
#         answer in time): print ONE clear line on sys.stderr, for example
#         "Error: cannot connect to 127.0.0.1:12345 (connection refused: is the server running?)",
#         then sys.exit(1). No traceback, no hang.
#         ID: except ConnectionRefusedError (tidak ada yang mendengarkan) dan except
#         socket.timeout (tidak ada jawaban tepat waktu): cetak SATU baris yang jelas ke
#         sys.stderr, misalnya
#         "Error: cannot connect to 127.0.0.1:12345 (connection refused: is the server running?)",
#         lalu sys.exit(1). Tanpa traceback, tanpa menggantung.
# TODO 7. At the end of the input the program ends with status 0.
#         ID: Di akhir input, program berakhir dengan status 0.
# Then delete the two lines below.
# ID: Setelah itu, hapus dua baris di bawah ini.
print("exercises/python/client.py: not implemented yet (belum dikerjakan): follow the TODO steps in this file.", file=sys.stderr)
sys.exit(1)
