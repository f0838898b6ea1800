import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

// Unpacking a student's .zip with yauzl (README: why this library). What an archive may not
// do is refused, never half-done silently: an entry that would land outside the folder (yauzl
// rejects absolute and ".." paths itself), a link, an encrypted entry, and more bytes or more
// entries than any submission of this lab needs (a zip bomb: sizes in the headers are not
// trusted, the bytes written are counted).

export const zipLimits = { bytes: 50 * 1024 * 1024, entries: 5_000 } as const;

export type ZipRefusal =
  | { readonly reason: 'unsafe-path'; readonly entry: string }
  | { readonly reason: 'link'; readonly entry: string }
  | { readonly reason: 'encrypted'; readonly entry: string }
  | { readonly reason: 'too-large'; readonly limitMiB: number }
  | { readonly reason: 'too-many-entries'; readonly limit: number }
  | { readonly reason: 'unreadable'; readonly message: string };

export class ZipRefused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(`zip refused: ${refusal.reason}`);
  }
}

const symbolicLink = 0o120000;

export async function unzip(archive: string, into: string): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(archive, { lazyEntries: true, validateEntrySizes: true });
  } catch (error) {
    throw new ZipRefused({ reason: 'unreadable', message: (error as Error).message });
  }
  if (zip.entryCount > zipLimits.entries) {
    zip.close();
    throw new ZipRefused({ reason: 'too-many-entries', limit: zipLimits.entries });
  }
  let written = 0;
  const count = () =>
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        done(written > zipLimits.bytes ? new ZipRefused({ reason: 'too-large', limitMiB: zipLimits.bytes / 1024 / 1024 }) : null, chunk);
      },
    });
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', (error: Error) => reject(error instanceof ZipRefused ? error : unsafe(error)));
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        extract(zip, entry, into, count).then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

async function extract(zip: yauzl.ZipFile, entry: yauzl.Entry, into: string, count: () => Transform): Promise<void> {
  const target = path.join(into, entry.fileName);
  if (target !== into && !target.startsWith(`${into}${path.sep}`)) throw new ZipRefused({ reason: 'unsafe-path', entry: entry.fileName });
  if (((entry.externalFileAttributes >>> 16) & 0o170000) === symbolicLink) throw new ZipRefused({ reason: 'link', entry: entry.fileName });
  if (entry.isEncrypted()) throw new ZipRefused({ reason: 'encrypted', entry: entry.fileName });
  if (entry.fileName.endsWith('/')) {
    mkdirSync(target, { recursive: true });
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  const stream = await zip.openReadStreamPromise(entry);
  await pipeline(stream, count(), createWriteStream(target, { flags: 'wx', mode: 0o644 }));
}

/** yauzl's own refusals of a file name (absolute, "..") are unsafe paths; anything else, unreadable. */
function unsafe(error: Error): ZipRefused {
  const entry = /(?:absolute path|invalid relative path|invalid characters in fileName): (.*)$/.exec(error.message)?.[1];
  return new ZipRefused(entry === undefined ? { reason: 'unreadable', message: error.message } : { reason: 'unsafe-path', entry });
}
