// Task 2: the client of the lab "Client–Server (single thread)".
// Tugas 2: klien untuk praktikum "Client–Server (single thread)".
//
// Run it (with your server running):   npm run client
// It reads lines that you type; each line is one message to the server (one connection each),
// and it prints the count that the server sends back.
// ID: Jalankan (saat server Anda sedang berjalan):   npm run client
// Program ini membaca baris-baris yang Anda ketik; setiap baris adalah satu pesan ke server
// (satu koneksi untuk setiap baris), lalu mencetak jumlah yang dikirim balik oleh server.
import net from 'node:net';
import readline from 'node:readline';

// The run contract: the grader passes these; the defaults are the lab's.
// ID: Kontrak menjalankan program: nilai-nilai ini diberikan oleh grader; nilai bawaannya
// adalah nilai bawaan praktikum.
const port = Number(process.env.PORT ?? 12345);
const host = process.env.HOST ?? '127.0.0.1';
const timeoutSeconds = Number(process.env.SOCKET_TIMEOUT ?? 10);

// TODO 1. Read standard input line by line: for await (const line of readline.createInterface({ input: process.stdin })).
//         ID: Baca standard input baris demi baris:
//         for await (const line of readline.createInterface({ input: process.stdin })).
// TODO 2. For each line, connect: net.connect({ host, port }).
//         a. socket.setTimeout(timeoutSeconds * 1000): give up if the server does not answer;
//         b. send the line followed by "\n" (socket.write(`${line}\n`)); you may also end your
//            side with socket.end();
//         c. collect what the server sends until it closes the connection ('data', then 'end');
//         d. print the server's reply (its number, as it sent it): do not count the characters yourself.
//         ID: Untuk setiap baris, sambungkan ke server: net.connect({ host, port }).
//         a. socket.setTimeout(timeoutSeconds * 1000): berhenti menunggu jika server tidak
//            menjawab;
//         b. kirim barisnya diikuti "\n" (socket.write(`${line}\n`)); Anda juga boleh menutup
//            sisi kirim Anda dengan socket.end();
//         c. kumpulkan yang dikirim server sampai server menutup koneksi ('data', lalu 'end');
//         d. cetak balasan server (angkanya, apa adanya seperti yang dikirim server): jangan
//            menghitung karakternya sendiri.
// TODO 3. When the connection fails (nothing listening: 'error' with ECONNREFUSED) or times
//         out, print one clear line on standard error and exit with a non-zero status
//         (process.exitCode = 1): no stack trace, no hang.
//         ID: Jika koneksi gagal (tidak ada yang mendengarkan: 'error' dengan ECONNREFUSED)
//         atau melewati batas waktu, cetak satu baris pesan error yang jelas ke standard error
//         lalu keluar dengan status bukan 0 (process.exitCode = 1): tanpa stack trace, tanpa
//         menggantung.
// TODO 4. At the end of the input, exit with status 0.
//         ID: Di akhir input, keluar dengan status 0.
// Then delete the three lines below.
// ID: Setelah itu, hapus tiga baris di bawah ini.
void [net, readline, port, host, timeoutSeconds];
console.error('exercises/client.ts: not implemented yet (belum dikerjakan): follow the TODO steps in this file.');
process.exitCode = 1;
