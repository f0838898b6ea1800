import { fingerprintOfFiles, similarity } from './fingerprint.ts';
import { kitFile } from '../kit-root.ts';

// The submissions to look at: pairs that are near-identical once reduced to the shape of their
// code, and submissions that are (near) copies of the kit's reference solutions. A flag, never
// a grade: two students may have followed the same tutorial.

export const lookAlikeThreshold = 0.8;

const inKit = (...files: string[]) => files.map((file) => kitFile(file));

/** What every student starts from: the stubs' code is nobody's own. */
export function stubTemplate(): Set<number> {
  return fingerprintOfFiles(inKit('exercises/server.ts', 'exercises/client.ts', 'exercises/python/server.py', 'exercises/python/client.py'));
}

const solutions: Readonly<Record<string, readonly string[]>> = {
  'solutions (TypeScript)': inKit('solutions/server.ts', 'solutions/client.ts'),
  'solutions/python': inKit('solutions/python/server.py', 'solutions/python/client.py'),
  'solutions/javascript': inKit('solutions/javascript/server.mjs', 'solutions/javascript/client.mjs'),
};

export interface Fingerprinted {
  readonly student: string;
  readonly fingerprint: readonly number[];
}

export interface LookAlike {
  readonly students: readonly [string, string];
  readonly similarity: number;
}

export interface SolutionCopy {
  readonly student: string;
  readonly solution: string;
  readonly similarity: number;
}

export function lookAlikes(students: readonly Fingerprinted[], template: ReadonlySet<number>): { pairs: LookAlike[]; copies: SolutionCopy[] } {
  const pairs: LookAlike[] = [];
  for (let i = 0; i < students.length; i += 1) {
    for (let j = i + 1; j < students.length; j += 1) {
      const [a, b] = [students[i] as Fingerprinted, students[j] as Fingerprinted];
      const figure = similarity(a.fingerprint, b.fingerprint);
      if (figure >= lookAlikeThreshold) pairs.push({ students: [a.student, b.student], similarity: figure });
    }
  }
  const references = Object.entries(solutions).map(([solution, files]) => ({ solution, fingerprint: [...fingerprintOfFiles(files)].filter((h) => !template.has(h)).sort((x, y) => x - y) }));
  const copies: SolutionCopy[] = [];
  for (const student of students) {
    for (const reference of references) {
      const figure = similarity(student.fingerprint, reference.fingerprint);
      if (figure >= lookAlikeThreshold) copies.push({ student: student.student, solution: reference.solution, similarity: figure });
    }
  }
  return { pairs: pairs.sort((a, b) => b.similarity - a.similarity), copies: copies.sort((a, b) => b.similarity - a.similarity) };
}
