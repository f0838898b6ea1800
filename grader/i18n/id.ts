import type { Catalogue } from './catalogue.ts';

// Bahasa Indonesia. Istilah teknis yang lazim dipakai di kelas (server, klien, port, socket,
// timeout, byte) sengaja tidak diterjemahkan.

/** "a", "a dan b", "a, b dan c" (atau dengan "atau"). */
const listed = (items: readonly string[], word = 'dan') => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${word} ${items.at(-1)}`);
const languageNames = { python: 'Python', node: 'JavaScript', typescript: 'TypeScript' } as const;
const partNames = { server: 'server', client: 'klien' } as const;

export const id: Catalogue = {
  status: { pass: 'LULUS', fail: 'GAGAL', warn: 'PERINGATAN', skip: 'LEWAT' },
  tiers: { core: 'inti', protocol: 'protokol', robustness: 'ketahanan', conventions: 'konvensi' },
  checks: {
    'starts-listening': {
      title: 'Berjalan dan menerima koneksi',
      what: 'Menjalankan program dengan PORT, HOST dan SOCKET_TIMEOUT, lalu menunggu (paling lama 10 detik) sampai program menerima koneksi.',
    },
    'counts-ascii': {
      title: 'Menghitung pesan ASCII biasa',
      what: 'Mengirim kalimat acak berisi kata-kata biasa dalam satu kali tulis, lalu half-close; mengharapkan jumlah karakter dan "\\n".',
    },
    'counts-digits': {
      title: 'Menghitung pesan yang hanya berisi angka',
      what: 'Mengirim bilangan acak seperti 48213 dan mengharapkan banyaknya digit (bukan jawaban tentang bilangan itu).',
    },
    'counts-accented': {
      title: 'Menghitung huruf beraksen sebagai satu karakter',
      what: 'Mengirim kata seperti "café naïve": setiap huruf beraksen adalah satu karakter tetapi dua byte dalam UTF-8.',
    },
    'counts-cjk': {
      title: 'Menghitung karakter Tionghoa, Jepang dan Korea',
      what: 'Mengirim kata seperti "こんにちは": setiap karakter berukuran tiga byte dalam UTF-8.',
    },
    'counts-emoji': {
      title: 'Menghitung setiap emoji sebagai satu karakter',
      what: 'Mengirim teks dengan emoji seperti 👋: satu karakter, empat byte dalam UTF-8, dua unit UTF-16 (.length di JavaScript).',
    },
    'counts-empty-message': {
      title: 'Menjawab 0 untuk pesan kosong',
      what: 'Tersambung lalu half-close tanpa mengirim apa pun; mengharapkan "0\\n".',
    },
    'counts-padded-message': {
      title: 'Menghitung spasi dan tab di sekitar pesan',
      what: 'Satu pesan dengan spasi dan tab di depan dan di belakangnya, dalam satu kali kirim, lalu half-close; mengharapkan jumlah karakter termasuk semuanya ("  halo\t" berarti 7).',
    },
    'serves-clients-in-turn': {
      title: 'Melayani beberapa klien secara bergantian',
      what: 'Tiga klien berturut-turut ke proses server yang sama; masing-masing harus mendapat balasan.',
    },
    'idle-timeout': {
      title: 'Berhenti setelah batas waktu tanpa koneksi, dengan pesan',
      what: 'Pada salinan server tersendiri: satu klien, lalu tidak ada apa-apa. Mengharapkan pesan timeout dan status keluar 0 setelah SOCKET_TIMEOUT (bawaan 10 detik) ± toleransi.',
    },
    'idle-timeout-restarts': {
      title: 'Mengulang batas waktu idle di setiap koneksi',
      what: 'Hanya pada penilaian penuh, pada salinan server tersendiri: kliennya tersambung 2 detik setelah server mulai mendengarkan. Mengharapkan batas waktu yang diukur idle-timeout dihitung dari koneksi itu, bukan dari saat server mulai.',
    },
    'newline-framing': {
      title: 'Pesan berakhir di "\\n" walau koneksi masih terbuka',
      what: 'Mengirim kalimat yang diakhiri "\\n" dan membiarkan koneksi terbuka; mengharapkan balasan tanpa menunggu klien menutup koneksi.',
    },
    'crlf-framing': {
      title: 'Pesan berakhir di "\\r\\n" (akhir baris Windows)',
      what: 'Mengirim kalimat yang diakhiri "\\r\\n"; "\\r" maupun "\\n" tidak ikut dihitung.',
    },
    'segmented-message': {
      title: 'Membaca pesan yang datang terpotong-potong',
      what: 'Mengirim satu pesan dalam tiga potongan berjarak 250 ms, lalu half-close; mengharapkan satu balasan untuk seluruh pesan.',
    },
    'split-character': {
      title: 'Mendekode karakter yang terbelah di antara dua potongan',
      what: 'Mengirim pesan yang huruf "é"-nya (dua byte) terbelah di antara dua potongan berjarak 250 ms.',
    },
    'large-message': {
      title: 'Menghitung pesan 64 KiB',
      what: 'Mengirim 65.536 byte teks biasa dalam satu kali tulis; mengharapkan 65536.',
    },
    'closes-after-reply': {
      title: 'Menutup koneksi setelah membalas',
      what: 'Mengirim satu baris yang diakhiri "\\n", membiarkan sisi klien terbuka, dan mengharapkan server menutup koneksi paling lama 1 detik setelah membalas.',
    },
    'abrupt-disconnect': {
      title: 'Tetap berjalan saat klien terputus tiba-tiba',
      what: 'Sebuah klien tersambung lalu me-reset koneksi tanpa mengirim apa pun; klien berikutnya harus tetap dilayani.',
    },
    'invalid-utf8': {
      title: 'Tetap berjalan saat menerima byte yang bukan UTF-8',
      what: 'Mengirim byte seperti 0xFF yang bukan UTF-8 yang sah; angka berapa pun diterima, crash tidak.',
    },
    'idle-client': {
      title: 'Tidak terblokir selamanya oleh klien yang diam',
      what: 'Pada salinan server tersendiri: sebuah klien tersambung dan tidak mengirim apa-apa; klien kedua harus dijawab dalam SOCKET_TIMEOUT (ditambah toleransi).',
    },
    logs: {
      title: 'Mencatat log: mendengarkan, koneksi, pesan, balasan',
      what: 'Membaca keluaran program untuk empat jenis baris log yang diminta praktikum (dalam bahasa Inggris atau Indonesia).',
    },
    'honours-port-env': {
      title: 'Mendengarkan di port yang diberikan lewat PORT',
      what: 'Memeriksa bahwa server mendengarkan di port kosong yang diberikan grader lewat PORT, bukan di port yang ditulis mati di kode.',
    },
    'honours-timeout-env': {
      title: 'Memakai batas waktu dari SOCKET_TIMEOUT',
      what: 'Hanya dengan --quick: memeriksa bahwa server berhenti setelah SOCKET_TIMEOUT yang pendek, bukan setelah 10 detik yang ditulis mati.',
    },
    'client-sends-line': {
      title: 'Mengirim baris yang diketik, diakhiri "\\n" atau half-close',
      what: 'Memberi klien satu baris di standard input; server grader memeriksa byte yang diterimanya dan cara pesan diakhiri.',
    },
    'client-prints-reply': {
      title: 'Mencetak balasan server, bukan hitungannya sendiri',
      what: 'Server grader menjawab angka yang bukan jumlah sebenarnya; klien harus mencetak angka itu.',
    },
    'client-sends-utf8': {
      title: 'Mengirim teks beraksen, CJK dan emoji sebagai UTF-8',
      what: 'Memberi klien baris seperti "café こんにちは 👋"; byte yang diterima harus berupa encoding UTF-8-nya.',
    },
    'client-several-lines': {
      title: 'Mengirim setiap baris input sebagai pesan tersendiri',
      what: 'Memberi klien tiga baris; mengharapkan tiga koneksi dan ketiga balasan tercetak.',
    },
    'client-reads-whole-reply': {
      title: 'Membaca balasan yang datang dalam dua potongan',
      what: 'Server grader mengirim balasan dalam dua potongan berjarak 300 ms; klien harus mencetak seluruhnya.',
    },
    'client-server-closes': {
      title: 'Menyadari server yang menutup koneksi tanpa membalas',
      what: 'Server grader menutup koneksi tanpa balasan; klien harus memberi tahu dan tidak terus menunggu.',
    },
    'client-refused': {
      title: 'Menangani koneksi yang ditolak: satu baris, status bukan 0',
      what: 'Tidak ada yang mendengarkan di port itu; mengharapkan satu baris pesan yang jelas di standard error dan status keluar bukan 0, tanpa stack trace, tanpa menggantung.',
    },
    'client-silent-server': {
      title: 'Menyerah pada server yang diam setelah SOCKET_TIMEOUT',
      what: 'Server grader menerima koneksi dan tidak pernah menjawab; klien harus menyerah setelah SOCKET_TIMEOUT dengan satu baris pesan yang jelas dan status bukan 0.',
    },
    'client-end-of-input': {
      title: 'Keluar dengan status 0 di akhir input',
      what: 'Setelah baris-barisnya, standard input berakhir; klien harus keluar dengan status 0, tanpa stack trace.',
    },
    'client-honours-port-env': {
      title: 'Tersambung ke port yang diberikan lewat PORT',
      what: 'Memeriksa bahwa klien tersambung ke port yang diberikan grader lewat PORT, bukan ke port yang ditulis mati.',
    },
    'end-to-end': {
      title: 'Klien dan server Anda bekerja bersama',
      what: 'Menjalankan server Anda, menjalankan klien Anda dengan dua baris, dan mengharapkan jumlah yang benar tercetak.',
    },
  },
  diagnoses: {
    'not-implemented': {
      meaning: 'Server masih berupa kerangka yang belum dikerjakan: langsung berhenti tanpa mendengarkan.',
      why: 'Kode socket-nya belum ditulis (kerangka mencetak "not implemented" lalu keluar).',
      hint: 'Ikuti langkah TODO bernomor di file itu: buat server, dengarkan di PORT dan HOST, balas setiap pesan.',
    },
    'not-listening': {
      meaning: 'Tidak ada yang menerima koneksi di port itu sampai batas waktu.',
      why: {
        python: 'Program tidak memanggil bind() dan listen(), memakai port lain, atau menunggu sesuatu (misalnya input()) sebelum mendengarkan.',
        node: 'Program tidak memanggil server.listen(), mendengarkan di port lain, atau menunggu sesuatu (misalnya input) sebelum mendengarkan.',
      },
      hint: 'Dengarkan di port dari variabel lingkungan PORT (bawaan 12345) begitu program mulai, dan cetak satu baris saat sudah mendengarkan.',
    },
    crashed: {
      meaning: 'Proses server berakhir dengan error: status keluar bukan 0, atau dihentikan oleh sinyal.',
      why: 'Ada exception yang tidak ditangkap; baris terakhir keluaran program, yang ditampilkan bersama pemeriksaan ini, menunjukkan yang mana dan di mana.',
      hint: 'Baca baris terakhir keluaran program yang ditampilkan bersama pemeriksaan ini, perbaiki baris yang ditunjuknya, atau tangkap error untuk koneksi itu saja agar server tetap melayani.',
    },
    'wrong-count': {
      meaning: 'Balasannya berupa angka, tetapi bukan jumlah karakter.',
      why: 'Yang dihitung bukan karakter (kata, ukuran buffer tetap, sebagian pesan), atau balasannya tidak berisi angka sama sekali.',
      hint: {
        python: 'Hitung karakter dari seluruh pesan yang sudah didekode: len(data.decode("utf-8", errors="replace")).',
        node: 'Hitung karakter dari seluruh pesan yang sudah didekode: [...buffer.toString("utf8")].length.',
      },
    },
    'counts-bytes': {
      meaning: 'Balasannya adalah jumlah byte UTF-8, bukan jumlah karakter.',
      why: {
        python: 'Yang diambil panjang byte mentah: len(data) dari hasil recv().',
        node: 'Yang diambil panjang byte mentah: buffer.length atau Buffer.byteLength(text).',
      },
      hint: {
        python: 'Dekode dulu, baru hitung: len(data.decode("utf-8", errors="replace")).',
        node: 'Dekode dulu, baru hitung: [...buffer.toString("utf8")].length.',
      },
    },
    'counts-utf16': {
      meaning: 'Balasannya adalah jumlah unit UTF-16 (.length di JavaScript), yang menghitung setiap emoji sebagai 2.',
      why: {
        python: 'Jumlahnya dihitung dalam unit UTF-16 (misalnya len(text.encode("utf-16-le")) // 2), yang memakai 2 unit untuk setiap emoji.',
        node: 'text.length menghitung unit kode UTF-16, bukan karakter.',
      },
      hint: {
        python: 'Hitung karakter dari teks yang sudah didekode: len(text).',
        node: 'Hitung code point: [...text].length atau Array.from(text).length.',
      },
    },
    'counts-newline': {
      meaning: 'Akhir baris ikut dihitung sebagai bagian pesan.',
      why: '"\\n" (dan, dari klien Windows, "\\r" sebelumnya) masih menempel pada teks saat dihitung.',
      hint: {
        python: 'Potong pesan di "\\n" pertama dan buang "\\r" tepat sebelumnya: text.rstrip("\\r\\n").',
        node: 'Potong pesan di "\\n" pertama dan buang "\\r" tepat sebelumnya: text.split("\\n")[0].replace(/\\r$/, "").',
      },
    },
    'reads-once': {
      meaning: 'Server membalas potongan pertama dari pesan yang datang dalam beberapa potongan.',
      why: {
        python: 'Satu kali recv() dianggap sebagai seluruh pesan; TCP mengirim aliran byte, dan satu pesan bisa tiba dalam beberapa potongan.',
        node: 'Event "data" pertama dianggap sebagai seluruh pesan; TCP mengirim aliran byte, dan satu pesan bisa tiba dalam beberapa potongan.',
      },
      hint: {
        python: 'Panggil recv() terus dalam perulangan sampai datanya memuat "\\n" atau recv() mengembalikan b"" (klien menutup sisi kirimnya).',
        node: 'Kumpulkan potongan dari setiap event "data" sampai ada yang memuat "\\n" atau event "end" datang (klien menutup sisi kirimnya), baru balas.',
      },
    },
    'decodes-per-segment': {
      meaning: 'Karakter yang terbelah di antara dua potongan pesan salah dihitung atau membuat server crash.',
      why: {
        python: 'Setiap potongan didekode sendiri-sendiri; separuh karakter multi-byte bukan UTF-8 yang sah, sehingga chunk.decode("utf-8") memunculkan UnicodeDecodeError.',
        node: 'Setiap potongan didekode sendiri-sendiri (text += chunk.toString()); separuh karakter multi-byte bukan UTF-8 yang sah dan menjadi dua karakter rusak.',
      },
      hint: {
        python: 'Kumpulkan dulu byte seluruh pesan (data += chunk), lalu dekode sekali di akhir.',
        node: 'Kumpulkan potongannya lalu dekode sekali di akhir (Buffer.concat(chunks).toString("utf8")), atau panggil socket.setEncoding("utf8") agar Node mendekode lintas potongan.',
      },
    },
    'truncates-large': {
      meaning: 'Pesan panjang hanya dihitung sampai ukuran tertentu.',
      why: {
        python: 'Hanya satu buffer yang dibaca atau disimpan (misalnya satu kali recv(1024)).',
        node: 'Hanya sebagian berukuran tetap yang dibaca atau disimpan (misalnya potongan "data" pertama, atau chunk.subarray(0, 1024)).',
      },
      hint: 'Terus baca sampai akhir pesan, sepanjang apa pun; jangan potong pesan sebesar ukuran buffer.',
    },
    'waits-for-eof': {
      meaning: 'Server baru menjawab pesan berakhiran "\\n" setelah klien menutup sisi kirimnya.',
      why: 'Server membaca sampai akhir aliran dan mengabaikan akhir baris; klien interaktif yang menunggu balasan akan menunggu selamanya.',
      hint: 'Berhenti membaca di "\\n" pertama maupun di akhir aliran, mana yang lebih dulu.',
    },
    'no-reply': {
      meaning: 'Koneksi ditutup, atau batas waktu lewat, tanpa balasan.',
      why: 'Jumlahnya dicetak di konsol server tetapi tidak dikirim ke klien, atau server masih menunggu data lagi.',
      hint: {
        python: 'Kirim jumlahnya kembali lewat koneksi sebelum menutupnya: conn.sendall(f"{n}\\n".encode()).',
        node: 'Kirim jumlahnya kembali lewat koneksi: socket.end(`${n}\\n`) mengirimnya, lalu menutup koneksi.',
      },
    },
    'verbose-reply': {
      meaning: 'Balasannya memuat angka yang benar di tengah teks lain: diterima.',
      why: 'Balasannya berupa kalimat, misalnya "Jumlah karakter: 5", bukan angkanya saja.',
      hint: 'Protokol meminta angkanya saja diikuti "\\n" (misalnya "5\\n"), agar klien mana pun bisa membacanya.',
    },
    'reply-without-newline': {
      meaning: 'Balasannya angka yang benar tetapi tanpa "\\n" sesudahnya: diterima.',
      why: 'Angka dikirim tanpa akhir baris.',
      hint: 'Akhiri balasan dengan "\\n" (misalnya "5\\n"), agar klien yang membaca satu baris langsung menerimanya.',
    },
    'no-close': {
      meaning: 'Server tidak menutup koneksi setelah membalas.',
      why: 'Koneksi dibiarkan terbuka (atau baru ditutup saat klien menutupnya), sehingga klien yang membaca sampai akhir ikut menunggu.',
      hint: {
        python: 'Tutup koneksi tepat setelah mengirim balasan: conn.close().',
        node: 'Tutup koneksi tepat setelah membalas: socket.end(balasan) mengirim balasan lalu menutup koneksi.',
      },
    },
    'exits-after-first-client': {
      meaning: 'Proses server berhenti setelah melayani satu klien.',
      why: {
        python: 'accept() hanya dipanggil sekali, tanpa perulangan.',
        node: 'Server ditutup (server.close() atau process.exit()) setelah klien pertama selesai dilayani.',
      },
      hint: {
        python: 'Letakkan accept() dan penanganan satu klien di dalam perulangan (while True: ...), agar server melayani klien satu demi satu.',
        node: 'Biarkan server tetap terbuka setelah membalas: panggil server.close() hanya saat batas waktu idle habis, agar handler net.createServer berjalan untuk setiap klien.',
      },
    },
    'crash-on-empty': {
      meaning: 'Pesan kosong (klien yang tersambung lalu langsung menutup) membuat server berhenti.',
      why: {
        python: 'Kode menganggap pesan minimal berisi satu karakter (text[0], text[-1]) atau menganggap "tidak ada data" (recv() mengembalikan b"") sebagai error.',
        node: 'Kode menganggap pesan minimal berisi satu karakter (text.at(-1).trim() melempar error untuk pesan kosong), atau hanya membalas dari event "data", yang tidak pernah datang untuk pesan kosong.',
      },
      hint: {
        python: 'Pesan kosong itu sah: jumlahnya 0, jadi balas "0\\n".',
        node: 'Pesan kosong itu sah: jumlahnya 0, jadi balas "0\\n" (dari event "end" jika tidak ada "data" yang datang).',
      },
    },
    'crash-on-disconnect': {
      meaning: 'Klien yang terputus tiba-tiba membuat server crash.',
      why: {
        python: 'Koneksi yang di-reset memunculkan ConnectionResetError (atau BrokenPipeError) yang tidak ditangkap.',
        node: 'Koneksi yang di-reset memicu event "error" (ECONNRESET) pada socket; karena tidak ada yang menanganinya, Node menghentikan program.',
      },
      hint: {
        python: 'Tangani error per koneksi: try/except OSError di sekitar penanganan satu klien.',
        node: 'Tangani error per koneksi: socket.on("error", ...) pada setiap socket.',
      },
    },
    'crash-on-invalid-utf8': {
      meaning: 'Byte yang bukan UTF-8 membuat server crash.',
      why: {
        python: 'Proses dekode memunculkan error: data.decode("utf-8") memunculkan UnicodeDecodeError untuk byte yang bukan UTF-8.',
        node: 'Proses dekode memunculkan error: decoder yang ketat (new TextDecoder("utf-8", { fatal: true })) melempar error untuk byte yang bukan UTF-8.',
      },
      hint: {
        python: 'Dekode dengan longgar: data.decode("utf-8", errors="replace").',
        node: 'Dekode dengan longgar: buffer.toString("utf8") mengganti byte yang tidak sah, bukan melempar error.',
      },
    },
    'blocked-by-idle-client': {
      meaning: 'Klien yang tersambung tanpa mengirim apa pun membuat semua klien lain menunggu melewati SOCKET_TIMEOUT.',
      why: {
        python: 'Server single-thread menunggu di recv() untuk klien yang diam tanpa batas waktu.',
        node: 'Server hanya melayani satu koneksi dalam satu waktu (klien baru dibuat menunggu, dijeda atau diantrekan, sampai klien yang sekarang selesai), dan koneksi yang diam tidak diberi batas waktu.',
      },
      hint: {
        python: 'Beri setiap koneksi batas waktu baca sebesar SOCKET_TIMEOUT: conn.settimeout(t), lalu tutup koneksi saat socket.timeout muncul.',
        node: 'Beri setiap koneksi batas waktu sebesar SOCKET_TIMEOUT: socket.setTimeout(ms), lalu socket.destroy() pada event "timeout"-nya.',
      },
    },
    'no-idle-timeout': {
      meaning: 'Server masih berjalan jauh melewati batas waktu tanpa koneksi.',
      why: {
        python: 'Socket yang mendengarkan tidak diberi timeout, atau timeout-nya tidak pernah ditindaklanjuti.',
        node: 'Tidak ada timer yang menghentikan server setelah SOCKET_TIMEOUT tanpa koneksi baru, atau timer-nya tidak pernah menutup server.',
      },
      hint: {
        python: 'Panggil server.settimeout(t) pada socket yang mendengarkan, lalu keluar dari perulangan di except socket.timeout di sekitar accept().',
        node: 'Jalankan timer (setTimeout, dalam milidetik) yang menutup server, dan mulai ulang timer itu di setiap koneksi baru.',
      },
    },
    'wrong-idle-timeout': {
      meaning: 'Server berhenti, tetapi terlalu cepat atau terlalu lambat.',
      why: 'Batas waktunya bukan yang diminta (SOCKET_TIMEOUT, bawaan 10 detik), atau timer tidak dimulai ulang di setiap koneksi baru.',
      hint: 'Pakai SOCKET_TIMEOUT detik (bawaan 10), dihitung dari koneksi baru yang terakhir.',
    },
    'no-timeout-message': {
      meaning: 'Server berhenti tepat waktu tetapi tidak mencetak pesan timeout.',
      why: 'Program keluar saat timeout tanpa memberi tahu.',
      hint: 'Cetak satu baris yang menyatakan timeout (misalnya "Timeout: tidak ada koneksi baru selama 10 detik") sebelum berhenti.',
    },
    'timeout-keeps-running': {
      meaning: 'Server mengumumkan timeout tepat waktu tetapi tetap berjalan.',
      why: {
        python: 'Pola "except socket.timeout: print(...); continue": perulangan berlanjut setelah pesan dicetak.',
        node: 'Timer mencetak pesan timeout tetapi tidak menutup server (atau timer-nya malah dimulai lagi).',
      },
      hint: {
        python: 'Setelah mencetak pesan timeout, keluar dari perulangan (break) dan tutup server agar program berakhir dengan status 0.',
        node: 'Setelah mencetak pesan timeout, panggil server.close() (dan tutup socket yang masih terbuka) agar program berakhir dengan status 0.',
      },
    },
    'ignores-port-env': {
      meaning: 'Server mendengarkan di port yang ditulis mati di kode, apa pun isi PORT.',
      why: 'Nomor port ditulis langsung di kode (misalnya 12345), bukan dibaca dari variabel lingkungan.',
      hint: {
        python: 'Baca port dari PORT dengan 12345 sebagai bawaan: int(os.environ.get("PORT", 12345)).',
        node: 'Baca port dari PORT dengan 12345 sebagai bawaan: Number(process.env.PORT ?? 12345).',
      },
    },
    'ignores-timeout-env': {
      meaning: 'Server tetap memakai 10 detik apa pun isi SOCKET_TIMEOUT.',
      why: 'Batas waktu ditulis langsung di kode, bukan dibaca dari variabel lingkungan.',
      hint: {
        python: 'Baca SOCKET_TIMEOUT dengan 10 sebagai bawaan: float(os.environ.get("SOCKET_TIMEOUT", 10)).',
        node: 'Baca SOCKET_TIMEOUT dengan 10 sebagai bawaan: Number(process.env.SOCKET_TIMEOUT ?? 10), dalam detik (kalikan 1000 untuk setTimeout).',
      },
    },
    'missing-logs': {
      meaning: 'Sebagian baris log yang diminta praktikum tidak ada.',
      why: 'Program tidak mencetak apa-apa saat mulai mendengarkan, saat klien tersambung, atau saat pesan tiba.',
      hint: 'Cetak satu baris saat server mendengarkan, untuk setiap koneksi (dengan alamat klien), setiap pesan (dengan ukurannya) dan setiap balasan.',
    },
    'ambiguous-reply': {
      meaning: 'Balasan berisi beberapa angka, dan jumlah yang benar hanya salah satunya: tidak ada klien yang tahu mana jawabannya.',
      why: 'Balasan menyebut lebih dari satu jumlah (misalnya "12 11 10 … 0", atau penghitung di samping jumlahnya, "Klien 3: 12"). Balasan yang berisi banyak angka akan memuat angka yang benar secara kebetulan.',
      hint: {
        python: 'Kirim satu angka, yaitu jumlahnya, tanpa angka lain: conn.sendall(f"{n}\\n".encode()). Teks di sekitarnya ("Jumlah karakter: 5") diterima; pesan yang diulang juga.',
        node: 'Kirim satu angka, yaitu jumlahnya, tanpa angka lain: socket.end(`${n}\\n`). Teks di sekitarnya ("Jumlah karakter: 5") diterima; pesan yang diulang juga.',
      },
    },
    'counts-stripped': {
      meaning: 'Server menghitung pesan tanpa spasi dan tab di awal dan akhirnya.',
      why: {
        python: 'Pesan di-strip sebelum dihitung (len(data.decode().strip())): spasi di sekitar pesan juga karakter pesan itu.',
        node: 'Pesan di-trim sebelum dihitung (text.trim().length): spasi di sekitar pesan juga karakter pesan itu.',
      },
      hint: {
        python: 'Buang hanya akhir barisnya, jangan spasinya: text.removesuffix("\\n").removesuffix("\\r"), atau rstrip("\\r\\n").',
        node: 'Buang hanya akhir barisnya, jangan spasinya: text.replace(/\\r?\\n$/, "").',
      },
    },
    'timeout-not-restarted': {
      meaning: 'Server berhenti 10 detik setelah dijalankan, bukan 10 detik setelah koneksi terakhir: pewaktu idle-nya tidak pernah diulang.',
      why: {
        python: 'Pewaktu dimulai sekali saja (start = time.time() sebelum loop, atau satu threading.Timer) dan koneksi baru tidak mengulangnya.',
        node: 'Satu setTimeout dipasang saat server mulai dan tidak pernah dibatalkan: koneksi baru tidak mengulangnya.',
      },
      hint: {
        python: 'Ulangi penantian di setiap accept(): server.settimeout(timeout) sebelum loop membuat setiap accept() menunggu penuh lagi.',
        node: 'Ulangi pewaktunya di setiap koneksi: clearTimeout(timer); timer = setTimeout(stop, timeout * 1000) di handler koneksi.',
      },
    },
    'client-not-implemented': {
      meaning: 'Klien masih berupa kerangka yang belum dikerjakan: langsung berhenti tanpa tersambung.',
      why: 'Kode socket-nya belum ditulis (kerangka mencetak "not implemented" lalu keluar).',
      hint: 'Ikuti langkah TODO bernomor di file itu: baca baris, sambungkan ke HOST dan PORT, kirim, cetak balasan.',
    },
    'client-no-connect': {
      meaning: 'Klien tidak pernah tersambung ke server.',
      why: 'Klien tersambung ke port atau host selain yang ada di PORT dan HOST, atau berhenti sebelum tersambung.',
      hint: {
        python: 'Sambungkan ke HOST dan PORT dari variabel lingkungan (bawaan 127.0.0.1 dan 12345): socket.create_connection((host, port)).',
        node: 'Sambungkan ke HOST dan PORT dari variabel lingkungan (bawaan 127.0.0.1 dan 12345): net.connect({ host, port }).',
      },
    },
    'client-wrong-message': {
      meaning: 'Byte yang dikirim klien bukan baris yang diketik (dalam UTF-8).',
      why: 'Klien mengirim teks tetap, sebagian baris saja, atau memakai encoding selain UTF-8.',
      hint: {
        python: 'Kirim persis baris yang dibaca, di-encode sebagai UTF-8, dengan "\\n"-nya: sock.sendall((line + "\\n").encode("utf-8")).',
        node: 'Kirim persis baris yang dibaca, dengan "\\n"-nya: socket.write(line + "\\n") mengirim string sebagai UTF-8.',
      },
    },
    'client-no-terminator': {
      meaning: 'Klien mengirim pesan tanpa "\\n" dan tanpa half-close, jadi tidak ada server yang bisa tahu di mana pesannya berakhir: server grader baru menjawab setelah jeda, dan server milik kit sendiri (solutions/) tidak pernah menjawabnya.',
      why: 'TCP adalah aliran byte, bukan rangkaian pesan: server hanya melihat byte yang datang, dan satu recv() yang kebetulan mengembalikan seluruh teks hanya tampak seperti satu pesan di loopback yang sepi. Akhir pesan harus ditandai, dengan "\\n" atau dengan menutup sisi pengiriman (framing dalam praktikum ini).',
      hint: {
        python: 'Akhiri pesan dengan "\\n" (sock.sendall((line + "\\n").encode())), dan/atau half-close setelah mengirim (sock.shutdown(socket.SHUT_WR)).',
        node: 'Akhiri pesan dengan "\\n" (socket.write(line + "\\n")), dan/atau half-close setelah mengirim (socket.end()).',
      },
    },
    'client-counts-locally': {
      meaning: 'Klien mencetak hasil hitungannya sendiri, bukan balasan server.',
      why: {
        python: 'Klien mencetak len(line) (atau sejenisnya), bukan yang dikirim balik oleh server; server grader sengaja menjawab angka yang bukan jumlah sebenarnya untuk membedakannya.',
        node: 'Klien mencetak line.length (atau sejenisnya), bukan yang dikirim balik oleh server; server grader sengaja menjawab angka yang bukan jumlah sebenarnya untuk membedakannya.',
      },
      hint: 'Cetak persis apa yang dikirim server: tugas klien adalah menampilkan jawaban server.',
    },
    'client-no-output': {
      meaning: 'Klien tidak mencetak balasan server.',
      why: 'Balasan dibaca tetapi tidak dicetak ke standard output (atau hanya ke standard error).',
      hint: {
        python: 'Cetak balasan server ke standard output: print(balasan).',
        node: 'Cetak balasan server ke standard output: console.log(balasan).',
      },
    },
    'client-reads-once': {
      meaning: 'Klien hanya mencetak sebagian balasan yang datang dalam dua potongan.',
      why: {
        python: 'Satu kali recv() dianggap sebagai seluruh balasan.',
        node: 'Event "data" pertama dianggap sebagai seluruh balasan.',
      },
      hint: {
        python: 'Panggil recv() terus sampai mengembalikan b"" (server menutup koneksi), lalu cetak semua yang diterima.',
        node: 'Kumpulkan setiap potongan "data" dan cetak balasannya pada event "end", setelah server menutup koneksi.',
      },
    },
    'client-ignores-close': {
      meaning: 'Saat server menutup koneksi tanpa balasan, klien terus menunggu atau tidak mencetak apa pun untuk memberi tahu.',
      why: {
        python: 'Pembacaan kosong (recv() mengembalikan b"") berarti server menutup koneksi; klien tidak menganggapnya sebagai akhir.',
        node: 'Event "end" tanpa data sebelumnya berarti server menutup koneksi; klien tidak menganggapnya sebagai akhir.',
      },
      hint: 'Jika koneksi ditutup tanpa balasan, cetak satu baris ke standard error (misalnya "server menutup koneksi tanpa balasan") lalu lanjutkan.',
    },
    'client-single-message': {
      meaning: 'Klien hanya menangani baris pertama dari input-nya.',
      why: {
        python: 'Klien membaca satu baris (satu kali input()) lalu berhenti.',
        node: 'Klien membaca satu baris (satu kali rl.question(), atau hanya event "line" pertama) lalu berhenti.',
      },
      hint: {
        python: 'Ulangi untuk setiap baris standard input (for line in sys.stdin), satu koneksi per baris.',
        node: 'Tangani setiap baris standard input (readline: for await (const line of rl)), satu koneksi per baris.',
      },
    },
    'client-unhandled-refused': {
      meaning: 'Saat tidak ada server, klien crash dengan stack trace, menggantung, atau keluar dengan status 0.',
      why: {
        python: 'Koneksi yang ditolak (ConnectionRefusedError) tidak ditangkap.',
        node: 'Koneksi yang ditolak (event "error" dengan ECONNREFUSED) tidak ditangani.',
      },
      hint: {
        python: 'Tangkap ConnectionRefusedError, cetak satu baris yang jelas ke standard error (misalnya "tidak bisa tersambung ke 127.0.0.1:12345: apakah server sudah berjalan?") lalu keluar dengan status 1: sys.exit(1).',
        node: 'Tangani event "error" pada socket: cetak satu baris yang jelas ke standard error (misalnya "tidak bisa tersambung ke 127.0.0.1:12345: apakah server sudah berjalan?") lalu keluar dengan status 1.',
      },
    },
    'client-hangs-on-silent-server': {
      meaning: 'Klien menunggu jauh melewati SOCKET_TIMEOUT untuk server yang tidak pernah menjawab.',
      why: {
        python: 'Socket tidak diberi timeout, sehingga recv() tertahan selamanya.',
        node: 'Socket tidak diberi timeout, sehingga klien menunggu event "data" selamanya.',
      },
      hint: {
        python: 'Beri socket timeout sebesar SOCKET_TIMEOUT detik (sock.settimeout(t)) lalu menyerah dengan satu baris pesan yang jelas dan status keluar 1.',
        node: 'Beri socket timeout sebesar SOCKET_TIMEOUT (socket.setTimeout(ms)) lalu menyerah dengan satu baris pesan yang jelas dan status keluar 1.',
      },
    },
    'client-unhandled-timeout': {
      meaning: 'Pada server yang diam, klien timeout dengan stack trace atau status keluar 0, bukan satu baris pesan yang jelas dan status bukan 0.',
      why: {
        python: 'Timeout sudah dipasang, tetapi error-nya (socket.timeout) tidak ditangkap.',
        node: 'Timeout sudah dipasang, tetapi event "timeout"-nya tidak ditangani: Node hanya memberi tahu dan membiarkan socket tetap terbuka.',
      },
      hint: {
        python: 'Tangkap socket.timeout, cetak satu baris yang jelas ke standard error (misalnya "server tidak menjawab dalam 10 detik") lalu keluar dengan status 1.',
        node: 'Pada event "timeout", cetak satu baris yang jelas ke standard error (misalnya "server tidak menjawab dalam 10 detik"), tutup socket dengan socket.destroy() lalu keluar dengan status 1.',
      },
    },
    'client-crash-on-eof': {
      meaning: 'Di akhir input, klien crash atau keluar dengan status bukan 0.',
      why: {
        python: 'input() memunculkan EOFError di akhir input (Ctrl-D, atau input dari file), dan tidak ada yang menangkapnya.',
        node: 'Akhir input (Ctrl-D, atau input dari file) tidak ditangani: misalnya rl.question() setelah readline ditutup melempar error.',
      },
      hint: {
        python: 'Ulangi langsung atas standard input (for line in sys.stdin) atau tangkap EOFError, lalu keluar dengan status 0 di akhir.',
        node: 'Baca baris-barisnya dengan for await (const line of rl) (atau event "line" dan "close"), lalu keluar dengan status 0 saat input habis.',
      },
    },
    'client-ignores-port-env': {
      meaning: 'Klien tersambung ke port yang ditulis mati di kode, apa pun isi PORT.',
      why: 'Nomor port ditulis langsung di kode (misalnya 12345), bukan dibaca dari variabel lingkungan.',
      hint: {
        python: 'Baca port dari PORT dengan 12345 sebagai bawaan: int(os.environ.get("PORT", 12345)).',
        node: 'Baca port dari PORT dengan 12345 sebagai bawaan: Number(process.env.PORT ?? 12345).',
      },
    },
    'end-to-end-fails': {
      meaning: 'Klien dan server Anda bersama-sama tidak mencetak jumlah yang benar.',
      why: 'Salah satunya tidak mengikuti protokol (lihat pemeriksaannya masing-masing), atau keduanya tidak sepakat soal akhir pesan: misalnya klien tanpa "\\n" dan server yang menunggu "\\n".',
      hint: {
        python: 'Jalankan keduanya bersama secara manual (python3 dengan file server Anda, lalu python3 dengan file klien Anda di terminal kedua) dan perbaiki pemeriksaan pertama yang gagal di salah satunya.',
        node: 'Jalankan keduanya bersama secara manual (server Anda, lalu klien Anda di terminal kedua: npm run server dan npm run client di kit ini) dan perbaiki pemeriksaan pertama yang gagal di salah satunya.',
      },
    },
    'client-ambiguous-output': {
      meaning: 'Klien mencetak balasan server di antara angka-angka lain: siapa pun yang membaca keluarannya tidak tahu mana jawabannya.',
      why: 'Selain balasan, klien mencetak angka yang bukan pesan, bukan host, dan bukan port (misalnya deretan angka, atau jumlah hitungannya sendiri di samping balasan).',
      hint: 'Cetak balasan server, tanpa angka lain buatan Anda sendiri: "Balasan server: 5" boleh, mencetak pesan dan port juga boleh.',
    },
  },
  evidence: {
    'message-size': (v) => `pesannya: ${v.chars} karakter, ${v.bytes} byte dalam UTF-8, ${v.utf16} unit UTF-16`,
    'expected-count': (v) => `diharapkan ${v.expected}, didapat ${v.got}`,
    'late-connection': (v) => `klien salinan ini tersambung ${v.after} detik setelah server mulai mendengarkan; dengan batas waktunya ${v.timeout} detik, server seharusnya berhenti ${v.timeout} detik setelah koneksi itu`,
    'late-timeout': (v) => `server mencapai batas waktu ${v.sinceStart} detik setelah mulai mendengarkan, ${v.sinceConnection} detik setelah koneksi itu`,
    'empty-unanswered': () => 'server masih berjalan tetapi tidak pernah menjawab pesan kosong: server yang hanya membalas dari event "data" (atau hanya setelah recv() mengembalikan sesuatu) tidak pernah menjawabnya; jumlah karakter pesan kosong adalah 0',
    'reply-numbers': (v) => `balasan menyebut angka-angka ini: ${v.numbers}${Number(v.total) > 12 ? `, … (seluruhnya ${v.total})` : ''}; jumlahnya ${v.expected}, tetapi balasan harus menyebut satu angka saja`,
    'printed-numbers': (v) => `selain balasan (${v.replies}) klien mencetak angka-angka ini: ${v.others}${Number(v.total) > 12 ? `, … (seluruhnya ${v.total})` : ''}`,
    started: (v) => `mendengarkan ${v.ms} ms setelah dijalankan, di port ${v.port}`,
    'start-error': (v) => `program berhenti saat mulai dengan galat ini, di kodenya sendiri: ${v.error}`,
    'start-exited': (v) =>
      `program berhenti ${v.seconds} detik setelah dijalankan, sebelum grader sempat tersambung (status keluar ${v.code}${v.signal === '—' ? '' : `, sinyal ${v.signal}`})`,
    'timed-out-at-start': () => 'program mencetak pesan timeout lalu langsung berhenti: apakah batas waktunya ditulis dalam detik padahal yang diminta milidetik?',
    'message-resent': () => 'server berhenti saat atau tepat sebelum pesan ini; grader menjalankannya lagi dan mengirim pesan yang sama sekali lagi, untuk memastikan',
    'crashed-after-reply': () =>
      'klien sudah menerima balasan, lalu berhenti dengan stack trace sebelum mencetaknya: apakah klien mengharapkan balasan dalam bentuk lain (misalnya split(":") dari "Jumlah karakter: 5")? Balasan dalam protokol ini hanya angkanya, misalnya "5\\n": cetak apa yang dikirim server',
    'crashed-before-connecting': (v) =>
      `klien berhenti karena error di programnya sendiri sebelum membuat koneksi apa pun: ${v.error}. Ini bukan soal host atau port: perbaiki dulu baris yang ditunjuk keluarannya`,
    'stub-lines-left': () => 'dua baris terakhir dari stub masih ada: baris yang mencetak "not implemented yet" (lihat di bawah) dan baris sesudahnya, yang membuat status keluar 1; hapus keduanya',
    'stopped-by-disconnect': (v) => `server berhenti (status keluar ${v.code}) ketika klien ini memutus koneksi, padahal server ini biasanya melayani klien satu per satu`,
    'not-listening': (v) => `tidak ada yang menerima koneksi dalam ${v.seconds} detik`,
    'fixed-port-taken': (v) => `port ${v.port} sudah dipakai program lain`,
    'server-exited': (v) => `proses server berhenti (status keluar ${v.code}${v.signal === '—' ? '' : `, sinyal ${v.signal}`})`,
    'server-restarted': () => 'server sudah berhenti setelah pemeriksaan sebelumnya, jadi grader menjalankannya lagi untuk pemeriksaan ini',
    'replied-before-end': (v) => `balasan datang sebelum potongan terakhir dari ${v.pieces} potongan dikirim`,
    'waited-for-eof': (v) => `tidak ada balasan dalam ${v.ms} ms setelah "\\n"; balasan baru datang setelah grader menutup sisi kirimnya`,
    'no-close': (v) => `koneksi masih terbuka ${v.ms} ms setelah balasan`,
    'closed-without-reply': () => 'server menutup koneksi tanpa balasan',
    'served-clients': (v) => `${v.served} dari ${v.of} klien mendapat balasan`,
    'idle-expected': (v) => `diharapkan: pesan timeout dan status keluar 0 sekitar ${v.seconds} detik (± ${v.tolerance} detik) setelah koneksi terakhir`,
    'idle-remeasured': (v) => `salinan pertama mencapai batas waktu ${v.seconds} detik setelah koneksi terakhirnya, sedikit di luar toleransi; batas waktu diukur lagi pada salinan baru, dan hasil itulah yang dipakai`,
    'idle-message': (v) => `pesan timeout ${v.seconds} detik setelah koneksi terakhir`,
    'idle-exit': (v) => `proses berhenti ${v.seconds} detik setelah koneksi terakhir, status keluar ${v.code}`,
    'idle-nothing': (v) => `masih berjalan, tanpa pesan timeout, ${v.seconds} detik setelah koneksi terakhir`,
    'idle-still-running': (v) => `masih berjalan ${v.seconds} detik setelah koneksi terakhir`,
    'idle-crashed': () => 'program berhenti dengan error saat timeout-nya terjadi: tangani timeout-nya lalu berhenti dengan normal, dengan status keluar 0',
    'second-client-concurrent': (v) => `klien kedua dijawab ${v.ms} ms setelah mengirim, saat klien yang diam masih tersambung`,
    'second-client-waited': (v) => `klien kedua baru dijawab setelah klien yang diam diputus, ${v.seconds} detik setelah mengirim`,
    'second-client-blocked': (v) => `klien kedua tidak mendapat balasan dalam ${v.seconds} detik selama klien yang diam masih tersambung`,
    'port-used': (v) => (v.source === 'env' ? `mendengarkan di port dari PORT (${v.port})` : `mendengarkan di port ${v.port} yang ditulis mati, bukan di port dari PORT`),
    'timeout-env-used': (v) => `SOCKET_TIMEOUT bernilai ${v.given} detik; server timeout setelah ${v.seconds} detik`,
    'logs-found': (v) => `baris log yang ditemukan: ${v.kinds}`,
    'logs-missing': (v) => `baris log yang tidak ada: ${v.kinds}`,
    'plain-message-crashes-too': () => 'pesan biasa juga membuatnya crash: kesalahannya bukan pada penanganan pesan ini, tetapi pada kode yang dilalui setiap pesan',
    'ended-with-silent-client': () => 'server berhenti saat klien yang diam masih tersambung: timeout pada satu koneksi cukup menutup koneksi itu, bukan menghentikan server',
    'typed-line': (v) => `baris yang diketik: ${v.line}`,
    'client-exited': (v) => `klien berhenti setelah ${v.seconds} detik dengan status keluar ${v.code}`,
    'address-in-use': () =>
      'ia tidak bisa listen: port-nya sudah dipakai program lain (EADDRINUSE), padahal grader sudah memberinya port yang bebas di PORT. Kemungkinan ia memakai port sendiri: baca PORT, atau sebutkan port itu dengan --port',
    'sandbox-limit': (v) =>
      v.limit === 'memory'
        ? `batas memori sandbox (${v.amount}) menghentikannya`
        : v.limit === 'processes'
          ? `ia mencapai batas sandbox sebanyak ${v.amount} proses`
          : `batas waktu CPU sandbox (${v.amount} per proses) menghentikannya`,
    'client-still-running': (v) => `klien masih berjalan setelah ${v.seconds} detik; grader menghentikannya`,
    'decoy-reply': (v) => `server grader sengaja menjawab ${v.decoy} (jumlah sebenarnya ${v.count}), untuk membedakan balasannya dari hitungan klien sendiri`,
    'connections-made': (v) => `klien membuat ${v.count} koneksi untuk ${v.lines} baris input`,
    'reply-in-pieces': (v) => `server grader mengirim balasan ${v.reply} dalam dua potongan, berjarak ${v.pauseMs} ms`,
    'server-closed-silently': () => 'server grader menutup koneksi tanpa balasan',
    'nothing-listening': (v) => `tidak ada yang mendengarkan di port ${v.port}`,
    'server-stayed-silent': (v) => `server grader menerima koneksi dan tidak pernah menjawab; SOCKET_TIMEOUT bernilai ${v.seconds} detik`,
    'stack-trace-shown': () => 'klien menampilkan stack trace',
    'end-to-end-expected': (v) => `klien Anda, bersama server Anda, seharusnya mencetak ${v.counts}`,
    'client-port-used': (v) => (v.source === 'env' ? `tersambung ke port dari PORT (${v.port})` : `tersambung ke port ${v.port} yang ditulis mati, bukan ke port dari PORT`),
    'any-reply-accepted': () => 'angka berapa pun diterima di sini; server cukup tetap berjalan dan menjawab',
  },
  skips: {
    'client-did-not-start': 'tidak dijalankan: klien tidak tersambung pada percobaan pertamanya',
    'no-server-to-pair': 'tidak dijalankan: tugas ini tidak punya server untuk dipasangkan dengan kliennya',
    'server-did-not-start': 'tidak dijalankan: server tidak berhasil berjalan',
    'quick-mode-only': 'hanya diukur dengan --quick (penilaian penuh tidak mengisi SOCKET_TIMEOUT)',
    'full-grade-only': 'hanya dinilai pada penilaian penuh (batas waktu 2 detik pada --quick terlalu singkat untuk membedakan saat mulai dari koneksi yang datang belakangan)',
    'timed-out-during-check': 'server mencapai batas waktu idle-nya saat pemeriksaan ini berjalan, tiga kali: komputer ini butuh lebih lama dari SOCKET_TIMEOUT di antara dua klien. Nilai ulang saat komputer lebih senggang, atau tanpa --quick',
    'stopped-after-first-client': 'tidak dinilai: server berhenti setelah klien pertamanya (lihat serves-clients-in-turn)',
    'no-reply-to-line': 'tidak dinilai: server tidak menjawab pesan berakhiran "\\n" (lihat newline-framing)',
    'no-idle-timeout-seen': 'tidak dinilai: server tidak pernah timeout (lihat idle-timeout)',
    'timeout-judged-elsewhere': 'tidak dinilai: timeout-nya bukan SOCKET_TIMEOUT dan bukan bawaan 10 detik (lihat idle-timeout)',
    'crashed-before-timeout': 'tidak dinilai: server crash sebelum timeout-nya terlihat (lihat pemeriksaan yang membuatnya crash)',
    'crashed-at-timeout': 'tidak dinilai: server crash, bukannya timeout (lihat idle-timeout)',
    'crashed-on-first-client': 'tidak dinilai: klien pertama yang biasa saja sudah membuat server crash (lihat pemeriksaan yang menunjukkan crash-nya)',
    'run-deadline': 'tidak dijalankan: seluruh penilaian melewati batas waktunya',
    'port-in-time-wait': 'tidak dinilai: port masih ditahan koneksi lama berstatus TIME_WAIT lebih lama daripada waktu tunggu grader (bukan kesalahan Anda; nilai lagi semenit lagi)',
    'grader-error': 'tidak dinilai: grader sendiri gagal di sini (bukan kesalahan Anda)',
  },
  labels: {
    message: () => 'klien',
    'client-n': (n) => `klien ${n}`,
    'client-connection': (n) => `koneksi ${n}`,
    'plain-message': () => 'pesan biasa',
    'first-client': () => 'klien pertama',
    'silent-client': () => 'klien yang diam',
    'second-client': () => 'klien kedua',
    'abrupt-client': () => 'klien yang terputus',
    'next-client': () => 'klien berikutnya',
    'whole-message': () => 'teks sama, satu potongan',
    'short-message': () => 'pesan pendek',
  },
  transcript: {
    connect: 'tersambung',
    refused: 'koneksi ditolak',
    send: 'dikirim',
    'half-close': 'half-close (akhir pesan)',
    'reset-sent': 'me-reset koneksi',
    receive: 'diterima',
    'server-closed': 'server menutup',
    reset: 'koneksi di-reset',
    'write-failed': 'tidak bisa mengirim (koneksi sudah putus)',
    deadline: 'batas waktu lewat, berhenti menunggu',
    'grader-closed': 'grader menutup',
    'client-connected': 'klien tersambung dari',
    'client-half-close': 'klien menutup sisi kirimnya',
    'client-reset': 'klien me-reset koneksi',
    bytes: (n) => `(${n} byte)`,
    empty: '(kosong)',
  },
  report: {
    title: 'Praktikum "Client–Server (single thread)" · grader',
    grading: (folder, program) => `Menilai ${folder} · ${program}`,
    discovery: {
      line: (part, file, reasons) => `${part}: ${file} (${reasons})`,
      reasons: {
        named: (r) => `ditentukan dengan ${r.option}`,
        'exact-name': () => 'nama yang diminta kit',
        'name-says': (r) => `namanya memuat kata ${r.word}`,
        'folder-says': (r) => `nama foldernya, ${r.folder}, memuat kata ${r.word}`,
        calls: (r) => `memanggil ${listed(r.calls)}`,
        language: (r) => `${languageNames[r.language]}, dilihat dari ${r.from === 'shebang' ? 'baris #!-nya' : 'isi kodenya'}`,
        'over-stub': (r) => `dipilih daripada kerangka kit yang belum dikerjakan, ${listed(r.stubs)}`,
        'nearest-top': (r) => `letaknya lebih dekat ke folder utama daripada ${listed(r.others)}`,
        stub: () => 'masih kerangka kit yang belum dikerjakan, dan satu-satunya kandidat',
      },
    },
    seedLine: (seed, mode, rubric) => `seed ${seed} · ${mode} · rubrik ${rubric}`,
    selectionLine: (asked) => `Hanya yang Anda minta yang dijalankan (${asked}): skornya bukan nilai Anda. Nilai tanpa opsi itu sebelum mengumpulkan.`,
    fullMode: (seconds) => `penilaian penuh (timeout ${seconds} detik)`,
    quickMode: (seconds) => `penilaian cepat (SOCKET_TIMEOUT=${seconds})`,
    parts: { server: 'Server', client: 'Klien' },
    required: 'wajib',
    optional: 'tidak wajib',
    why: 'penyebab',
    hint: 'yang perlu dilakukan',
    severity: { warning: 'peringatan: tanpa poin, tidak menggagalkan', accepted: 'diterima' },
    programOutput: 'yang dicetak program (baris terakhir, di-escape):',
    sameOutput: (checkId) => `(program mencetak baris terakhir yang sama seperti di ${checkId})`,
    graderError: (message) => `error grader: ${message}`,
    analysisTitle: 'Analisa · hasil pengukuran grader',
    fixFirst: (part) => `Perbaiki ini dulu (${part})`,
    fixFirstAbove: '(lihat di atas: perbaiki ini dulu)',
    sameCauseAs: (checkId) => `(penyebabnya sama dengan ${checkId})`,
    explainMore: (code) => `selengkapnya, dengan contoh: npm run grade -- --explain ${code}`,
    passedChecks: (count) => `${count} pemeriksaan:`,
    notJudgedInMode: (ids, reason) => `tidak dinilai: ${ids} · ${reason}`,
    verboseHint: 'Semua pemeriksaan selengkapnya (setiap transkrip, penyebab setiap kode): tambahkan --verbose. Satu kode selengkapnya, dengan contoh: --explain KODE.',
    startup: (v) =>
      `mulai: mendengarkan ${v.startupSeconds} detik setelah dijalankan, ${v.portSource === 'env' ? `di port dari PORT (${v.port})` : `di port ${v.port} yang ditulis mati`}`,
    latency: (median, max, count) => `waktu balas: median ${median} ms, paling lambat ${max} ms, dari ${count} pesan`,
    idle: (message, exit, expected, tolerance) =>
      `timeout, dihitung dari koneksi terakhir: ${message === undefined ? 'tanpa pesan timeout' : `pesan setelah ${message} detik`}, ${exit === undefined ? 'tidak berhenti' : `berhenti setelah ${exit} detik`} (diharapkan ${expected} detik ± ${tolerance} detik)`,
    idleOffTime: 'tetapi tidak pada waktu yang diharapkan',
    idleBehaviour: {
      stops: 'mengumumkan timeout lalu berhenti',
      'keeps-running': 'mengumumkan timeout tetapi tetap berjalan',
      never: 'tidak pernah timeout',
      crashes: 'berhenti dengan error saat timeout',
      'silent-stop': 'berhenti tanpa pesan timeout',
    },
    concurrent: (ms) =>
      `klien kedua: dijawab dalam ${ms} ms saat klien yang diam masih tersambung, jadi server ini melayani klien secara bersamaan (event loop, atau thread)`,
    sequential: (seconds) =>
      `klien kedua: menunggu ${seconds} detik, sampai klien yang diam diputus: server ini melayani satu klien dalam satu waktu (single-thread), sesuai judul praktikum`,
    blocked: 'klien kedua: tidak pernah dijawab selama klien yang diam masih tersambung: satu klien dalam satu waktu, tanpa batas waktu menunggu',
    restarts: (count) => `server berhenti di tengah pemeriksaan dan dijalankan ulang ${count} kali`,
    score: (score, max) => `Nilai ${score}/${max}`,
    passed: 'LULUS: semua pemeriksaan wajib berhasil',
    notPassed: (failed) => `BELUM LULUS: pemeriksaan wajib yang gagal: ${failed}`,
    repeat: (command) => `Ulangi penilaian dengan pesan yang sama: ${command}`,
    repeatByHand: (command) =>
      `Ulangi penilaian dengan pesan yang sama (sebuah nama di dalamnya tidak aman untuk ditempel ke shell: ditampilkan ter-escape, ketik sendiri): ${command}`,
    notStarted: (count, reason) => `${count} pemeriksaan: ${reason}`,
    quickNote: 'Penilaian cepat: penilaian akhir memakai timeout bawaan 10 detik; jalankan tanpa --quick sebelum mengumpulkan.',
    portNotes: {
      'taken-on-machine': (n) =>
        `Port ${n.port} di komputer ini sedang dipakai program lain${n.owner ? ` (${n.owner})` : ''}, mungkin server Anda yang masih berjalan; program-program dinilai di jaringan tersendiri, tempat ${n.port} masih kosong.`,
      'taken-not-tried': (n) =>
        `Port ${n.port} di komputer ini sedang dipakai program lain${n.owner ? ` (${n.owner})` : ''}: apakah klien Anda tersambung ke ${n.port} alih-alih PORT tidak bisa dicoba. Hentikan program itu lalu nilai ulang.`,
      'time-wait-on-machine': (n) =>
        `Port ${n.port} di komputer ini masih ditahan ${n.connections} koneksi lama berstatus TIME_WAIT; program-program dinilai di jaringan tersendiri, tempat ${n.port} masih kosong.`,
      'time-wait-waited': (n) =>
        `Port ${n.port} masih ditahan ${n.connections} koneksi lama berstatus TIME_WAIT (server tanpa SO_REUSEADDR tidak bisa bind ke port itu sampai 60 detik); grader menunggu ${n.waitedSeconds} detik sampai koneksi itu hilang, lalu melanjutkan.`,
      'time-wait-outlasted': (n) =>
        `Port ${n.port} masih ditahan koneksi berstatus TIME_WAIT setelah grader menunggu ${n.waitedSeconds} detik: pemeriksaan yang memerlukannya tidak dinilai.`,
    },
    portsLeftBound: (ports) =>
      `Masih dipakai setelah grader menghentikan semua program yang dijalankannya: port ${ports.join(', ')}. Ada proses dari tugas ini yang lolos (keluar dari process group-nya): cari dengan "lsof -i :${ports[0]}" (atau netstat) lalu hentikan. Di Linux, --sandbox mencegah hal ini.`,
  },
  setup: {
    'no-such-folder': (p) => `Folder tidak ditemukan: ${p.path}`,
    'nothing-to-grade': (p) =>
      `Tidak ada yang bisa dinilai di ${p.path}: tidak ditemukan program server maupun klien (misalnya server.py, atau program yang memanggil bind dan listen, atau connect). Tunjuk programnya dengan --server FILE dan --client FILE.`,
    'ambiguous-program': (p) =>
      `Tidak bisa menentukan program mana yang menjadi ${partNames[p.part]} di ${p.path}: maksud Anda ${listed(p.candidates.slice(0, 5), 'atau')}${p.candidates.length > 5 ? ` (atau salah satu dari ${p.candidates.length - 5} lainnya)` : ''}? Kemungkinannya sama besar: tunjuk salah satunya dengan --${p.part} FILE.`,
    'no-such-file': (p) => `File untuk ${p.option} tidak ditemukan: ${p.path}`,
    'unknown-language': (p) =>
      `Tidak bisa menentukan cara menjalankan ${p.file}: ekstensinya, atau (jika tanpa ekstensi) baris #! maupun isi kodenya, tidak menunjukkan Python, JavaScript, atau TypeScript. Beri ekstensi (.py, .js, .ts), atau berikan perintahnya dengan --server-cmd atau --client-cmd.`,
    'runtime-missing': (p) => `Tidak bisa menjalankan ${p.file}: ${p.runtime} tidak ditemukan di komputer ini. Pasang dulu, atau berikan perintahnya dengan --server-cmd atau --client-cmd.`,
    'link-outside': (p) => `${p.file} adalah tautan ke ${p.target}, di luar folder tugas: grader hanya menilai file milik tugas itu sendiri.`,
    'not-a-file': (p) =>
      `${p.file} bukan file program, melainkan folder (atau yang lain): grader hanya menjalankan file milik tugas itu sendiri. Ganti namanya, atau sebut programnya dengan --server FILE atau --client FILE.`,
    'port-taken': (p) =>
      `Port ${p.port} sedang dipakai program lain${p.owner ? `, ${p.owner}` : ''} (mungkin server Anda yang masih berjalan): hentikan dulu, atau buat server Anda membaca PORT, lalu nilai lagi.`,
    'unknown-option': (p) => `Opsi ${p.option} tidak dikenal (lihat npm run grade -- --help).`,
    'missing-value': (p) => `Opsi ${p.option} perlu nilai (lihat npm run grade -- --help).`,
    'bad-number': (p) => `${p.option} perlu bilangan bulat dari ${p.min} sampai ${p.max}, bukan "${p.value}".`,
    'unknown-report': (p) => `--report ${p.name}: format ini tidak ada (${p.known}).`,
    'reports-in-place': (p) => `--report ${p.names}: hanya satu format yang bisa menggantikan laporan terminal; beri yang lain sebuah file (--report NAMA=FILE).`,
    'report-with-class': () => 'Pada penilaian kelas --report hanya menerima nama format (--report junit: folder setiap mahasiswa mendapat report.xml); --json FILE dan --report NAMA=FILE untuk satu tugas.',
    'bad-csv-delimiter': (p) => `--csv-delimiter bernilai "," atau ";", bukan "${p.value}".`,
    'not-a-class-folder': (p) => `--class memerlukan folder berisi tugas (satu sub-folder atau .zip per mahasiswa): ${p.path}`,
    'class-needs-sandbox': () =>
      'Satu kelas dinilai di dalam sandbox (kodenya bukan buatan Anda), dan sandbox tidak bisa berjalan di sini (lihat baris di atas); tambahkan --no-sandbox untuk menilai tanpa sandbox.',
    'bad-lang': (p) => `--lang bernilai id atau en, bukan "${p.value}".`,
    'too-many-folders': (p) => `Nilai satu folder saja dalam sekali jalan, bukan beberapa (${p.folders}).`,
    'bad-rubric': (p) => `Rubrik ${p.file}: ${p.detail}.`,
    'bad-settings': (p) => `Pengaturan kit, ${p.file}: ${p.detail}.`,
    'bad-lang-env': (p) => `LAB_LANG bernilai id atau en, bukan "${p.value}".`,
    'bad-track': (p) => `--track bernilai typescript atau python, bukan "${p.value}".`,
    'selection-with-class': () => '--only dan --check untuk satu tugas: kelas selalu dinilai utuh.',
    'cannot-combine': (p) => `${p.option} tidak bisa dipakai bersama ${p.other}: ${p.option === '--repeat' ? 'opsi ini menilai dengan seed baru dan mencetak tingkat kelulusan, bukan laporan' : 'opsi ini menilai lagi setiap kali berkas disimpan dan mencetak laporan di layar'}.`,
    'unknown-code': (p) => `--explain ${p.code}: kode diagnosis itu tidak ada (${p.near ? `maksud Anda ${p.near}? ` : ''}semua kode ada di docs/checks.md).`,
    'bad-only': (p) => `--only bernilai server atau client, bukan "${p.value}".`,
    'unknown-check': (p) => `--check ${p.id}: pemeriksaan itu tidak ada (${p.near ? `maksud Anda ${p.near}? ` : ''}semua pemeriksaan ada di docs/checks.md).`,
    'nothing-selected': (p) => `--only ${p.only} --check ${p.checks}: tidak ada pemeriksaan dari bagian itu yang diminta, jadi tidak ada yang dijalankan.`,
    'empty-command': () => '--server-cmd dan --client-cmd perlu perintah yang akan dijalankan.',
    'sandbox-unavailable': (p) =>
      ({
        'not-linux': `--sandbox hanya bisa di Linux (ini ${p.detail}); nilai tanpa opsi itu, atau di komputer Linux.`,
        portable: '--sandbox memerlukan cara khusus Linux, yang dimatikan oleh LAB_GRADER_PORTABLE=1: hapus variabel itu, atau nilai tanpa --sandbox (tidak ada yang dijalankan).',
        'no-bwrap': '--sandbox memerlukan bubblewrap, yang belum terpasang: apt-get install bubblewrap (tidak ada yang dijalankan).',
        'no-util-linux': `--sandbox memerlukan ${p.detail} (util-linux), yang belum terpasang (tidak ada yang dijalankan).`,
        'bwrap-refused': `--sandbox: bubblewrap tidak bisa membuat namespace di komputer ini (${p.detail}); tidak ada yang dijalankan.${
          p.enable === undefined
            ? ''
            : ` ${
                {
                  apparmor: 'Ubuntu membatasi user namespace tanpa hak istimewa: nilai sebagai root, atau izinkan dengan: sudo sysctl kernel.apparmor_restrict_unprivileged_userns=0',
                  'userns-limit': 'User namespace dimatikan: sudo sysctl user.max_user_namespaces=15000',
                  'userns-clone': 'User namespace tanpa hak istimewa dimatikan: sudo sysctl kernel.unprivileged_userns_clone=1',
                  container: 'Di dalam container, jalankan container itu dengan --security-opt seccomp=unconfined --security-opt apparmor=unconfined (atau --privileged): lihat panduan pengajar, bagian Safety.',
                }[p.enable]
              }`
        }`,
      })[p.reason],
    'sandbox-outside-private-network': () => 'Sandbox harus dijalankan lewat baris perintah (npm run grade -- --sandbox).',
  },
  classGrade: {
    progress: (done, total, student, outcome) => `[${done}/${total}] ${student}: ${outcome}`,
    progressBar: (done, total, passed, failed, errors, eta) =>
      `${done}/${total} · lulus ${passed} · tidak lulus ${failed}${errors > 0 ? ` · tidak dinilai ${errors}` : ''}${eta === undefined ? '' : ` · sisa ${eta}`}`,
    passed: (score, max, seconds) => `${score}/${max} LULUS (${seconds} detik)`,
    failed: (score, max, seconds) => `${score}/${max} tidak lulus (${seconds} detik)`,
    error: (reason) => `tidak dinilai: ${reason}`,
    interrupted: (done, total, out) =>
      `${done} dari ${total} mahasiswa sudah dinilai dan disimpan di ${out}. Jalankan perintah yang sama lagi untuk menilai sisanya: yang sudah dinilai tidak dinilai ulang.`,
    resumed: (outcome) => `${outcome}, tidak berubah sejak penilaian terakhirnya (--force menilainya lagi)`,
    start: (count, folder, jobs, sandbox) => `Menilai ${count} tugas di ${folder}, ${jobs} sekaligus${sandbox ? ', masing-masing di dalam sandbox' : ', tanpa sandbox'}`,
    summaryGraded: (graded, total, errors) => `Dinilai: ${graded} dari ${total}${errors > 0 ? `; ${errors} tidak bisa dinilai (di bawah)` : ''}`,
    summaryPassed: (passed, graded) => `Lulus: ${passed} dari ${graded}`,
    summaryMedian: (percent) => `Median nilai: ${percent} %`,
    summaryMistakes: 'Kesalahan yang paling sering:',
    summaryMistake: (code, students) => `  ${code}: ${students} mahasiswa`,
    summaryError: (student, reason) => `Tidak dinilai: ${student}: ${reason}`,
    summaryStopped: (count) => `Dihentikan: ${count} tugas belum dinilai; jalankan perintah yang sama lagi untuk melanjutkan.`,
    written: (out, gradebook) => `Laporan di ${out}; buku nilai: ${gradebook}`,
    zipRefused: (r) =>
      ({
        'unsafe-path': () => `arsip ditolak: entri ${'entry' in r ? JSON.stringify(r.entry) : ''} akan terbongkar di luar foldernya`,
        link: () => `arsip ditolak: entri ${'entry' in r ? JSON.stringify(r.entry) : ''} adalah link`,
        encrypted: () => `arsip ditolak: entri ${'entry' in r ? JSON.stringify(r.entry) : ''} terenkripsi`,
        'too-large': () => `arsip ditolak: isinya lebih dari ${'limitMiB' in r ? r.limitMiB : ''} MiB setelah dibongkar`,
        'too-many-entries': () => `arsip ditolak: berisi lebih dari ${'limit' in r ? r.limit : ''} entri`,
        unreadable: () => `arsip tidak bisa dibaca sebagai zip: ${'message' in r ? r.message : ''}`,
      })[r.reason](),
  },
  classPage: {
    title: 'Kelas',
    counts: (students, graded, passed) => `${students} tugas, ${graded} dinilai, ${passed} lulus.`,
    distribution: 'Nilai',
    range: 'nilai',
    students: 'mahasiswa',
    checks: 'Setiap pemeriksaan',
    check: 'pemeriksaan',
    passedIt: 'mendapat poinnya',
    mistakes: 'Kesalahan, yang paling sering lebih dulu',
    code: 'kode',
    who: 'siapa',
    notGraded: 'Tidak dinilai',
    lookAt: 'Tugas yang perlu dilihat',
    lookAtWhy:
      'Sekadar tanda untuk dilihat orang, tidak pernah mengurangi nilai: kode setiap tugas diringkas menjadi bentuknya (tanpa komentar, string, angka dan nama; kode kerangka dikeluarkan) lalu dibandingkan dengan kemiripan Jaccard dari deretan 6 token-nya. Yang 80 % mirip atau lebih dicantumkan.',
    nothingAlike: 'Tidak ada: tidak ada dua tugas, atau tugas dengan solusi kit, yang 80 % mirip.',
    pair: (a, b, percent) => `${a} dan ${b}: ${percent} % mirip`,
    copy: (student, solution, percent) => `${student}: ${percent} % mirip ${solution} milik kit`,
    lang: 'id',
    studentTable: 'Semua mahasiswa (klik kolom untuk mengurutkan)',
    columns: ['mahasiswa', 'nilai', 'maks', 'persen', 'lulus', 'status', 'kode, atau alasan tidak dinilai'],
    terminalLine: (pairs, copies) => `Perlu dilihat: ${pairs} pasang tugas yang mirip, ${copies} mirip solusi kit (class-summary.md)`,
  },
  markdown: {
    status: 'Status',
    check: 'Pemeriksaan',
    points: 'Poin',
    codes: 'Kode',
    failures: (shown, total) => (shown === total ? `Yang gagal (${total})` : `Yang gagal: ${shown} pertama dari ${total}`),
  },
  explain: {
    severity: { error: 'membuat pemeriksaannya gagal', warning: 'peringatan: poin pemeriksaannya hilang, tetapi tidak pernah membuatnya gagal', accepted: 'diterima: poin pemeriksaannya tetap' },
    givenBy: (checks) => `diberikan oleh pemeriksaan: ${checks}`,
    example: (language) => `Dalam ${language}:`,
    wrong: 'kesalahannya',
    right: 'perbaikannya',
    noExample: 'Tidak ada baris kode yang menunjukkan kode ini: bukti di laporan dan petunjuk di atas menjelaskan yang perlu dilakukan.',
    everyCode: 'Semua kode, dengan petunjuk untuk kedua bahasa: docs/checks.md',
  },
  live: {
    preparing: (seconds) => `${seconds} detik · mencari, membangun dan menjalankan program…`,
    status: (seconds, judged, total) => `${seconds} detik · ${judged}/${total} pemeriksaan dinilai`,
    running: (ids) => `sedang: ${ids}`,
    idleDue: (seconds) => `batas waktu idle server jatuh dalam ${seconds} detik`,
    idleOverdue: (seconds) => `menunggu server berhenti, ${seconds} detik lewat batas waktu idle-nya`,
    more: (count) => `… dan ${count} lagi`,
    passedSoFar: (count) => `${count} pemeriksaan lulus sejauh ini`,
  },
  labReport: {
    title: 'Laporan praktikum: Client–Server (single thread)',
    run: 'Yang dijalankan',
    folder: 'Tugas',
    programs: 'Program',
    mode: 'Penilaian',
    results: 'Hasil',
    analysis: 'Analisa',
    counted: (title, chars, bytes, reply, expected) =>
      `${title}: grader mengirim pesan ${chars} karakter (${bytes} byte dalam UTF-8), dan balasannya ${reply}${expected === undefined ? '.' : `; hitungan yang benar adalah ${expected}.`}`,
    noReply: 'tidak ada',
    timelines: 'Urutan waktu setiap koneksi',
    timelinesIntro:
      'Setiap gambar adalah satu koneksi TCP, berurutan waktu dari atas: grader di kiri, program Anda di kanan. Panah adalah apa yang dikirim satu pihak ke pihak lain: byte sebuah pesan atau balasan, atau salah satu sinyal TCP: SYN membuka koneksi, FIN menutup satu sisi (akhir pesan), RST memutus koneksi. Waktunya dihitung sejak grader mulai menyambung.',
    grader: 'grader',
    connects: (who) => (who === 'grader' ? 'grader menyambung' : 'klien Anda menyambung'),
    diagramTitle: (check, connection) => `${check}: ${connection}`,
    otherChecks: (count) => `${count} pemeriksaan lain juga berbicara dengan program; transkripnya ada di laporan terminal (--verbose) dan di JSON.`,
    repeat: 'Ulangi penilaian ini dengan pesan yang sama:',
  },
  repeat: {
    title: (runs, folder, quick) => `${folder} dinilai ${runs} kali dengan seed baru${quick ? ' (cepat)' : ''}`,
    runLine: (run, runs, seed, passed, checksPassed, checks) => `percobaan ${run}/${runs} · seed ${seed}: ${passed ? 'lulus' : 'tidak lulus'} (${checksPassed}/${checks} pemeriksaan lulus)`,
    steady: 'Setiap pemeriksaan memberi putusan yang sama di setiap percobaan.',
    flickering: 'Putusannya tidak sama di setiap percobaan (race condition, atau waktu yang tidak selalu ditepati program):',
    rate: (passed, runs) => `lulus ${passed}/${runs}`,
    notPassedWith: (seeds, more) => `tidak lulus dengan seed ${seeds}${more > 0 ? ` dan ${more} lagi` : ''}`,
    replay: (command) => `ulangi: ${command}`,
    alwaysPassed: (count) => `${count} pemeriksaan selalu lulus`,
    neverPassed: (ids) => `tidak pernah lulus: ${ids}`,
    gradePassed: (passed, runs) => `Penilaian lulus pada ${passed} dari ${runs} percobaan.`,
  },
  watch: {
    sinceLast: 'Sejak penilaian sebelumnya:',
    nothingChanged: 'setiap pemeriksaan memberi putusan yang sama seperti sebelumnya',
    fixed: (ids) => `sudah diperbaiki: ${ids}`,
    broke: (ids) => `baru gagal: ${ids}`,
    watching: (folder) => `Mengawasi ${folder}: menyimpan berkas akan menilainya lagi (Ctrl-C untuk berhenti).`,
    saved: (file) => `${file} berubah: menilai lagi…`,
  },
  cli: {
    usageHead: `Cara pakai: npm run grade -- [folder] [opsi]

Menilai server dan klien di sebuah folder tugas (bawaan: exercises):
server.<ext> dan client.<ext> di folder itu (ext: ts, mts, cts, js, mjs, cjs, py), atau jika
tidak ada, program di folder itu dan subfoldernya yang nama atau kodenya menunjukkan server
atau klien (laporan menyebutkan program yang dipilih beserta alasannya). Berkas .zip dinilai
sebagai folder hasil ekstraknya.

Opsi:`,
    usageTail: `Status keluar: 0 lulus, 1 ada pemeriksaan wajib yang gagal, 2 salah pemakaian atau masalah persiapan.`,
    optionHelp: {
      server: 'nilai file ini sebagai server (nama apa pun; tanpa folder, foldernya menjadi folder tugas)',
      client: 'nilai file ini sebagai klien (sama seperti --server)',
      quick: 'SOCKET_TIMEOUT pendek (2 detik) untuk cek mandiri yang cepat',
      verbose: 'laporan selengkapnya: transkrip setiap pemeriksaan, dan penyebab setiap kode',
      repeat: 'nilai n kali dengan seed baru (paling banyak 50) dan cetak tingkat kelulusan setiap pemeriksaan, dengan seed dari percobaan yang tidak lulus (untuk mengulanginya: --seed)',
      watch: 'nilai dengan --quick sekarang dan lagi setiap kali Anda menyimpan berkas tugas, dengan apa yang berubah sejak penilaian sebelumnya (Ctrl-C untuk berhenti)',
      explain: 'jelaskan satu kode diagnosis selengkapnya, dengan contoh dalam bahasa program Anda, tanpa menilai',
      only: 'nilai hanya server atau hanya klien',
      check: 'jalankan hanya pemeriksaan ini (id seperti di laporan, dipisah koma), dengan pemeriksaan pertama bagiannya;\nskornya bukan nilai Anda',
      track: 'nilai latihan kit sendiri untuk satu jalur: typescript (exercises/) atau python (exercises/python;\nbentuk singkatnya npm run grade:py)',
      rubric: 'kit (bawaan, kecuali lab-settings.json milik kit menyebut yang lain), classic, atau file rubrik (.json)',
      seed: 'mengulang penilaian yang persis sama (laporan mencetak seed-nya)',
      port: 'port yang ditulis mati di server Anda, jika bukan 12345',
      report: 'juga tulis hasilnya dalam format lain, ke file atau (tanpa =<file>) menggantikan laporan ini:\nterminal, json, junit, markdown, html, gradescope, classroom (boleh berulang: semua format dari satu penilaian;\ndengan --class, nama saja: folder setiap mahasiswa mendapat format itu)',
      json: 'juga menulis hasilnya sebagai JSON (sama dengan --report json=<file>; jika tidak ada yang bisa dinilai: status "error" beserta alasannya)',
      lang: 'bahasa laporan (bawaan: LAB_LANG, lalu lab-settings.json milik kit, lalu locale komputer Anda)',
      'server-cmd': 'jalankan server dengan perintah ini (menggantikan --server)',
      'client-cmd': 'jalankan klien dengan perintah ini (menggantikan --client)',
      sandbox: 'jalankan setiap program di dalam sandbox (Linux, bubblewrap): untuk menilai kode orang lain',
      class: 'nilai satu kelas: setiap sub-folder atau .zip di dalamnya adalah tugas satu mahasiswa\n(di dalam sandbox kecuali --no-sandbox; tugas yang tidak berubah sejak penilaian terakhirnya tidak dinilai lagi)',
      out: 'tempat penilaian kelas menulis laporan dan gradebook.csv (bawaan: <kelas>-grades)',
      jobs: 'berapa mahasiswa sekaligus dalam penilaian kelas (bawaan: 8 per core, paling banyak 32)',
      force: 'nilai lagi semua mahasiswa di kelas, berubah atau tidak',
      'csv-delimiter': '"," (bawaan) atau ";" untuk gradebook.csv (";" juga menulis koma desimal, seperti Excel berbahasa Indonesia)',
      'no-sandbox': 'nilai kelas tanpa sandbox',
      help: 'tampilkan bantuan ini',
    },
    interrupted: 'Dihentikan: semua program yang dijalankan grader sudah dihentikan.',
    crashed: (message) => `Grader gagal (bukan karena tugas Anda): ${message}`,
    jsonWritten: (file) => `Hasil ditulis ke ${file}`,
  },
};
