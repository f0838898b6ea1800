import { readdirSync } from 'node:fs';
import path from 'node:path';

// A class folder as an instructor downloads it: every entry is one student's submission, a
// folder (a cloned repository too) or a .zip. The student is named by the entry; Moodle's
// "download all submissions" names entries `Full Name_12345_assignsubmission_file_`.

export interface ClassEntry {
  /** The student's name, as the gradebook shows it. */
  readonly student: string;
  /** A file-system-safe name, unique in the class, for the student's folder of reports. */
  readonly slug: string;
  readonly kind: 'folder' | 'zip';
  readonly path: string;
}

const moodleName = /^(.+?)_\d+_assignsubmission_[a-z]+_?$/;

export function studentName(entry: string): string {
  const base = entry.replace(/\.zip$/i, '');
  return moodleName.exec(base)?.[1] ?? base;
}

export function classEntries(folder: string): ClassEntry[] {
  const taken = new Set<string>();
  const entries: ClassEntry[] = [];
  const listed = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of listed) {
    if (entry.name.startsWith('.')) continue;
    const kind = entry.isDirectory() ? 'folder' : entry.isFile() && /\.zip$/i.test(entry.name) ? 'zip' : undefined;
    if (!kind) continue;
    const student = studentName(entry.name);
    let slug = student.normalize('NFKD').replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '') || 'student';
    for (let n = 2; taken.has(slug.toLowerCase()); n += 1) slug = `${slug.replace(/-\d+$/, '')}-${n}`;
    taken.add(slug.toLowerCase());
    entries.push({ student, slug, kind, path: path.join(folder, entry.name) });
  }
  return entries;
}
