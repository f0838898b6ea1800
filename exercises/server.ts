// Task 1: the server of the lab "Client–Server (single thread)".
// Tugas 1: server untuk praktikum "Client–Server (single thread)".
//
// Run it:     npm run server          (or: PORT=12345 node --import tsx exercises/server.ts)
// Check it:   npm run grade -- --quick    then, before handing in:    npm run grade
// ID: Jalankan:  npm run server          (atau: PORT=12345 node --import tsx exercises/server.ts)
//     Cek:       npm run grade -- --quick    lalu, sebelum mengumpulkan:    npm run grade
//
// The protocol (docs/protocol.md): a client connects and sends one message, UTF-8 text ended
// by "\n" or by closing its sending side. Your server replies with the number of characters
// in the message followed by "\n" (for example "5\n") and closes the connection. After
// SOCKET_TIMEOUT seconds without a new client it prints a timeout message and stops.
// ID: Protokolnya (docs/protocol.md): klien tersambung lalu mengirim satu pesan, berupa teks
// UTF-8 yang diakhiri "\n" atau dengan menutup sisi kirimnya. Server Anda membalas dengan jumlah
// karakter pesan itu diikuti "\n" (misalnya "5\n") lalu menutup koneksi. Jika tidak ada klien
// baru selama SOCKET_TIMEOUT detik, server mencetak pesan timeout lalu berhenti.
import net from 'node:net';

// The run contract: the grader passes these; the defaults are the lab's.
// ID: Kontrak menjalankan program: nilai-nilai ini diberikan oleh grader; nilai bawaannya
// adalah nilai bawaan praktikum.
const port = Number(process.env.PORT ?? 12345);
const host = process.env.HOST ?? '127.0.0.1';
const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);

// TODO 1. Create the server: net.createServer({ allowHalfOpen: true }, (socket) => { ... }).
//         allowHalfOpen keeps your side of the connection open after the client has closed its
//         side (half-close), so a reply you send a moment later still gets through; without it,
//         Node closes your side as soon as the client's side ends.
//         ID: Buat server: net.createServer({ allowHalfOpen: true }, (socket) => { ... }).
//         allowHalfOpen menjaga sisi koneksi Anda tetap terbuka setelah klien menutup sisinya
//         (half-close), sehingga balasan yang Anda kirim sesaat kemudian tetap sampai; tanpa
//         opsi itu, Node langsung menutup sisi Anda begitu sisi klien berakhir.
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
//         ID: Untuk setiap klien (di dalam callback):
//         a. cetak log koneksinya dengan alamat klien: socket.remoteAddress, socket.remotePort;
//         b. kumpulkan potongan-potongan pesan (event 'data', masing-masing sebuah Buffer): satu
//            pesan bisa tiba dalam beberapa potongan, dan sebuah karakter bisa terbelah di antara
//            dua potongan;
//         c. pesan berakhir di "\n" pertama (buang "\r" tepat sebelumnya) atau pada event 'end',
//            mana yang lebih dulu: setelah itu dekode seluruh pesan sekali
//            (Buffer.concat(pieces).toString('utf8'));
//         d. hitung karakter, bukan byte dan bukan unit UTF-16: [...text].length;
//         e. cetak log pesan dan ukurannya, kirim `${count}\n` dengan socket.end(...), lalu cetak
//            log balasannya;
//         f. socket.on('error', ...) agar klien yang terputus tiba-tiba tidak membuat server
//            crash, dan socket.setTimeout(timeoutSeconds * 1000, ...) untuk memutus klien yang
//            diam saja.
// TODO 3. The idle timeout: a timer of timeoutSeconds, restarted at each new connection; when
//         it fires, print a line with the word "timeout" and close the server (server.close()).
//         ID: Batas waktu tanpa koneksi (idle timeout): sebuah pewaktu sepanjang timeoutSeconds,
//         yang dimulai ulang di setiap koneksi baru; saat waktunya habis, cetak satu baris yang
//         memuat kata "timeout" lalu tutup server (server.close()).
// TODO 4. server.listen(port, host, ...) and log that the server is listening.
//         ID: server.listen(port, host, ...) lalu cetak log bahwa server sudah mendengarkan.
// Then delete the three lines below.
// ID: Setelah itu, hapus tiga baris di bawah ini.
void [net, port, host, timeoutSeconds];
console.error('exercises/server.ts: not implemented yet (belum dikerjakan): follow the TODO steps in this file.');
process.exitCode = 1;
