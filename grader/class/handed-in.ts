import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { temporaryFolder, type TemporaryFolder } from '../process/reaper.ts';
import { unzip } from './unzip.ts';

// A submission handed in as a .zip, or as loose files (Moodle without folders), is put in a
// temporary folder of its own to be graded, and removed after: also if the grader is killed
// (the reaper's watcher removes it then). Never beside the archive: the class folder is the
// instructor's, and may be read-only.

export type HandedIn = TemporaryFolder;

/** The .zip unpacked (unzip.ts refuses what an archive may not do: the folder is removed then too). */
export async function unpackZip(archive: string): Promise<HandedIn> {
  const handedIn = temporaryFolder('lab-class-');
  try {
    await unzip(archive, handedIn.folder);
    return handedIn;
  } catch (error) {
    handedIn.remove();
    throw error;
  }
}

/** Loose files put together under the names they were handed in under. */
export function gatherFiles(files: readonly { readonly path: string; readonly name: string }[]): HandedIn {
  const handedIn = temporaryFolder('lab-class-');
  for (const file of files) copyFileSync(file.path, path.join(handedIn.folder, path.basename(file.name)));
  return handedIn;
}
