# Task 1: the server of the lab "Client–Server (single thread)", in Python.
# Tugas 1: server untuk praktikum "Client–Server (single thread)", dengan Python.
#
# Run it:     python3 exercises/python/server.py      (or: PORT=12345 python3 exercises/python/server.py)
# Check it:   npm run grade:py -- --quick    then, before handing in:    npm run grade:py
# ID: Jalankan:  python3 exercises/python/server.py
#                (atau: PORT=12345 python3 exercises/python/server.py)
#     Cek:       npm run grade:py -- --quick    lalu, sebelum mengumpulkan:    npm run grade:py
#
# The protocol (docs/protocol.md): a client connects and sends one message, UTF-8 text ended
# by "\n" or by closing its sending side. Your server replies with the number of characters
# in the message followed by "\n" (for example "5\n") and closes the connection. After
# SOCKET_TIMEOUT seconds without a new client it prints a timeout message and stops.
# ID: Protokolnya (docs/protocol.md): klien tersambung lalu mengirim satu pesan, berupa teks
# UTF-8 yang diakhiri "\n" atau dengan menutup sisi kirimnya. Server Anda membalas dengan jumlah
# karakter pesan itu diikuti "\n" (misalnya "5\n") lalu menutup koneksi. Jika tidak ada klien
# baru selama SOCKET_TIMEOUT detik, server mencetak pesan timeout lalu berhenti.
import os
import socket
import sys

# The run contract: the grader passes these; the defaults are the lab's.
# ID: Kontrak menjalankan program: nilai-nilai ini diberikan oleh grader; nilai bawaannya
# adalah nilai bawaan praktikum.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", "12345"))
TIMEOUT = float(os.environ.get("SOCKET_TIMEOUT", "10"))

# TODO 1. Create the listening socket: socket.socket(socket.AF_INET, socket.SOCK_STREAM).
#         ID: Buat socket yang mendengarkan: socket.socket(socket.AF_INET, socket.SOCK_STREAM).
# TODO 2. setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1), so that you can start the
#         server again at once on the same port after stopping it.
#         ID: setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1), agar Anda bisa langsung
#         menjalankan server lagi di port yang sama setelah menghentikannya.
# TODO 3. bind((HOST, PORT)), then listen(), then print that the server is listening.
#         ID: bind((HOST, PORT)), lalu listen(), lalu cetak bahwa server sudah mendengarkan.
# TODO 4. settimeout(TIMEOUT) on the listening socket: accept() then raises socket.timeout when
#         no new client comes for TIMEOUT seconds. That is the idle timeout.
#         ID: settimeout(TIMEOUT) pada socket yang mendengarkan: dengan begitu accept() melempar
#         socket.timeout jika tidak ada klien baru selama TIMEOUT detik. Itulah batas waktu
#         tanpa koneksi (idle timeout).
# TODO 5. The accept loop: while True: conn, addr = server.accept()
#         - on socket.timeout: print a line with the word "Timeout" and leave the loop (break);
#         - print the connection with the client's address (addr[0], addr[1]);
#         - conn.settimeout(TIMEOUT), so that a client that says nothing cannot block the others.
#         ID: Perulangan accept: while True: conn, addr = server.accept()
#         - saat socket.timeout: cetak satu baris yang memuat kata "Timeout" lalu keluar dari
#           perulangan (break);
#         - cetak log koneksinya dengan alamat klien (addr[0], addr[1]);
#         - conn.settimeout(TIMEOUT), agar klien yang diam saja tidak bisa menghalangi klien lain.
# TODO 6. The recv loop: one recv() may return only part of the message (TCP is a stream).
#         Add each chunk to a bytes buffer until it holds b"\n" or recv() returns b"" (the client
#         closed its sending side). The message is the bytes before the first b"\n"; drop one
#         b"\r" right before it (Windows line ending).
#         ID: Perulangan recv: satu recv() bisa mengembalikan hanya sebagian pesan (TCP adalah
#         aliran byte). Tambahkan setiap potongan ke buffer bertipe bytes sampai buffer itu memuat
#         b"\n" atau recv() mengembalikan b"" (klien menutup sisi kirimnya). Pesannya adalah
#         byte-byte sebelum b"\n" pertama; buang satu b"\r" tepat sebelumnya (akhir baris Windows).
# TODO 7. Decode the whole message once: message.decode("utf-8", errors="replace"). Decoding
#         chunk by chunk breaks a character cut between two chunks; errors="replace" keeps
#         invalid UTF-8 from crashing the server.
#         ID: Dekode seluruh pesan sekali: message.decode("utf-8", errors="replace"). Mendekode
#         potongan demi potongan merusak karakter yang terbelah di antara dua potongan;
#         errors="replace" mencegah UTF-8 yang tidak valid membuat server crash.
# TODO 8. Count characters with len(text) (Unicode code points, not bytes), print the message
#         and its size.
#         ID: Hitung karakter dengan len(text) (code point Unicode, bukan byte), lalu cetak pesan
#         dan ukurannya.
# TODO 9. conn.sendall(f"{count}\n".encode()), print the reply, then conn.close().
#         ID: conn.sendall(f"{count}\n".encode()), cetak balasannya, lalu conn.close().
# TODO 10. Wrap the work on each connection in try/except OSError (a reset, a silent client
#          timing out): print it and go on with the next client; the server must not stop.
#          ID: Letakkan penanganan setiap koneksi di dalam try/except OSError (koneksi yang
#          di-reset, klien diam yang melewati batas waktu): cetak error-nya lalu lanjutkan ke
#          klien berikutnya; server tidak boleh berhenti.
# Then delete the two lines below.
# ID: Setelah itu, hapus dua baris di bawah ini.
print("exercises/python/server.py: not implemented yet (belum dikerjakan): follow the TODO steps in this file.", file=sys.stderr)
sys.exit(1)
