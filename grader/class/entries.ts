import { readdirSync } from 'node:fs';
import path from 'node:path';

// A class folder as an instructor downloads it: every entry is one student's submission, a
// folder (a cloned repository too) or a .zip. The student is named by the entry. Moodle's
// "download all submissions" gives, with "download submissions in folders", one folder per
// student named `Full Name_12345_assignsubmission_file` (holding what they uploaded, often one
// .zip, which is then the submission), and without it every file on its own, named
// `Full Name_12345_assignsubmission_file_server.py`: those are put together again per student.

export interface ClassEntry {
  /** The student's name, as the gradebook shows it. */
  readonly student: string;
  /** A file-system-safe name, unique in the class, for the student's folder of reports. */
  readonly slug: string;
  readonly kind: 'folder' | 'zip' | 'files';
  /** The folder or the .zip; for `files`, the class folder. */
  readonly path: string;
  /** For `files`: each file and the name it was handed in under. */
  readonly files?: readonly { readonly path: string; readonly name: string }[];
}

const moodleName = /^(.+?)_\d+_assignsubmission_[a-z]+_?$/;
const moodleFile = /^((.+?)_\d+_assignsubmission_[a-z]+)_(.+)$/;
const isZip = (name: string) => /\.zip$/i.test(name);

export function studentName(entry: string): string {
  const base = entry.replace(/\.zip$/i, '');
  return moodleName.exec(base)?.[1] ?? base;
}

/** A folder holding nothing but one .zip (what a student uploaded to Moodle): that .zip. */
function onlyZipIn(folder: string): string | undefined {
  const inside = readdirSync(folder, { withFileTypes: true }).filter((entry) => !entry.name.startsWith('.') && entry.name !== '__MACOSX');
  const [only] = inside;
  return inside.length === 1 && only?.isFile() && isZip(only.name) ? path.join(folder, only.name) : undefined;
}

type Found = Omit<ClassEntry, 'slug'>;

function found(folder: string): Found[] {
  const listed = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const entries: Found[] = [];
  const handedIn = new Map<string, { student: string; files: { path: string; name: string }[] }>();
  for (const entry of listed) {
    if (entry.name.startsWith('.')) continue;
    const at = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      const zip = onlyZipIn(at);
      entries.push({ student: studentName(entry.name), kind: zip ? 'zip' : 'folder', path: zip ?? at });
      continue;
    }
    if (!entry.isFile()) continue;
    const file = moodleFile.exec(entry.name);
    if (file && !(isZip(entry.name) && moodleName.test(entry.name.slice(0, -4)))) {
      const [, prefix = '', student = '', name = ''] = file;
      const group = handedIn.get(prefix) ?? { student, files: [] };
      group.files.push({ path: at, name });
      handedIn.set(prefix, group);
    } else if (isZip(entry.name)) {
      entries.push({ student: studentName(entry.name), kind: 'zip', path: at });
    }
  }
  for (const { student, files } of handedIn.values()) {
    const [only] = files;
    if (files.length === 1 && only && isZip(only.name)) entries.push({ student, kind: 'zip', path: only.path });
    else entries.push({ student, kind: 'files', path: folder, files });
  }
  return entries.sort((a, b) => a.student.localeCompare(b.student));
}

export function classEntries(folder: string): ClassEntry[] {
  const taken = new Set<string>();
  return found(folder).map((entry) => {
    let slug = entry.student.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '') || 'student';
    for (let n = 2; taken.has(slug.toLowerCase()); n += 1) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    taken.add(slug.toLowerCase());
    return { ...entry, slug };
  });
}
