import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { kitFile } from '../kit-root.ts';

// The real interpreter behind python3 (or python, or Windows' py launcher): programs are run
// with it directly, which skips version managers' shims. Asking python3 which it is costs
// ~0.4 s where python3 is a pyenv shim (shell scripts), on the critical path of every grade: the
// answer is kept in the kit's cache, under a key of everything that can change it (PATH, the
// file python3 resolves to, the version managers' settings and version files). A changed key,
// or an interpreter that is no longer the file it was, asks again.

export interface PythonRuntime {
  readonly executable: string;
  readonly version: string;
}

const cacheFile = kitFile('node_modules', '.cache', 'lab-grader', 'python.json');

async function probePython(candidate: string, args: readonly string[] = []): Promise<PythonRuntime | undefined> {
  const result = await execa(candidate, [...args, '-c', 'import sys; print(sys.executable); print(sys.version.split()[0])'], {
    reject: false,
    timeout: 10_000,
  });
  const [executable, version] = result.stdout.split('\n').map((line) => line.trim());
  if (result.exitCode !== 0 || !executable || !version?.startsWith('3.')) return undefined;
  return { executable, version };
}

async function probe(): Promise<PythonRuntime | undefined> {
  // On Windows `python3` may be the Store's stand-in, which prints no version: the next one is tried.
  return (await probePython('python3')) ?? (await probePython('python')) ?? (process.platform === 'win32' ? await probePython('py', ['-3']) : undefined);
}

/** A file's identity and version, or undefined where there is none this user may run. */
function fileStamp(file: string): string | undefined {
  try {
    const stats = statSync(file);
    accessSync(file, constants.X_OK);
    return stats.isFile() ? `${realpathSync(file)}\0${stats.size}\0${stats.mtimeMs}` : undefined;
  } catch {
    // Missing, or in a folder this user may not enter (another user's home).
    return undefined;
  }
}

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** What decides which interpreter `python3` starts, here and now. */
function lookupKey(): string {
  const pathDirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const onPath = ['python3', 'python'].map((name) => pathDirs.map((dir) => fileStamp(path.join(dir, name))).find(Boolean) ?? '');
  // pyenv and asdf choose by these files, from the working folder upwards, then globally.
  const versionFiles: string[] = [];
  for (let at = process.cwd(); ; at = path.dirname(at)) {
    versionFiles.push(readOr(path.join(at, '.python-version')), readOr(path.join(at, '.tool-versions')));
    if (path.dirname(at) === at) break;
  }
  const pyenvRoot = process.env.PYENV_ROOT ?? path.join(homedir(), '.pyenv');
  const settings = ['PYENV_VERSION', 'PYENV_ROOT', 'PYENV_DIR', 'ASDF_PYTHON_VERSION', 'VIRTUAL_ENV', 'CONDA_PREFIX'].map((name) => process.env[name] ?? '');
  const parts = [process.version, String(process.getuid?.()), homedir(), process.cwd(), ...pathDirs, ...onPath, ...settings, readOr(path.join(pyenvRoot, 'version')), ...versionFiles];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

interface CacheEntry {
  readonly key: string;
  readonly runtime: PythonRuntime;
  readonly stamp: string;
}

function cached(key: string): PythonRuntime | undefined {
  try {
    const entry = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheEntry;
    return entry.key === key && fileStamp(entry.runtime.executable) === entry.stamp ? entry.runtime : undefined;
  } catch {
    return undefined;
  }
}

function remember(key: string, runtime: PythonRuntime): void {
  const stamp = fileStamp(runtime.executable);
  if (stamp === undefined) return;
  // Written aside and renamed: grades started at once never read half a file.
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(partial, JSON.stringify({ key, runtime, stamp } satisfies CacheEntry));
    renameSync(partial, cacheFile);
  } catch {
    // A kit the user may not write to asks every time.
  } finally {
    rmSync(partial, { force: true });
  }
}

let finding: Promise<PythonRuntime | undefined> | undefined;

/** The interpreter programs are run with, or undefined where there is no Python 3. */
export function findPython(): Promise<PythonRuntime | undefined> {
  finding ??= (async () => {
    if (process.platform === 'win32') return probe();
    const key = lookupKey();
    const known = cached(key);
    if (known) return known;
    const found = await probe();
    if (found) remember(key, found);
    return found;
  })();
  return finding;
}
