// `npm run grade` starts here. The grader is TypeScript: loaded through tsx, its modules cost
// about 0.6 s at every command (each one passes through tsx's loader thread), a sixth of a quick
// grade. So it runs from one file that esbuild bundles from the sources and the packages they
// use the first time, and again whenever a source or an installed package has changed since:
// the bundle's key is every source's name, size and time, and npm's record of what it installed.
// Where no bundle can be built or written (a kit the user may not write to), the sources run
// through tsx, as the tests run them.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const kit = path.resolve(import.meta.dirname, '..');
const sources = path.join(kit, 'grader');
const bundle = path.join(kit, 'node_modules', '.cache', 'lab-grader', 'cli.mjs');
const keyFile = `${bundle}.key`;

/** What the bundle is built from: the grader's files but its tests, and the kit's packages. */
function sourceKey() {
  const hash = createHash('sha256').update(process.version);
  const files = readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !path.relative(sources, entry.parentPath).split(path.sep).includes('test'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .concat(['package.json', 'package-lock.json', path.join('node_modules', '.package-lock.json')].map((file) => path.join(kit, file)))
    .sort();
  for (const file of files) {
    const stats = statSync(file, { throwIfNoEntry: false });
    hash.update(`${path.relative(kit, file)}\0${stats?.size}\0${stats?.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function readOr(file, fallback) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** The bundle, built if it is missing or older than a source; undefined where it cannot be had. */
async function currentBundle() {
  try {
    const key = sourceKey();
    if (readOr(keyFile, '') === key) return bundle;
    const { build } = await import('esbuild');
    mkdirSync(path.dirname(bundle), { recursive: true });
    // Written aside and renamed: two commands started at once never load half a file, and a
    // kit copied with hard links never has its original's files written through.
    const partial = `${bundle}.${process.pid}.partial`;
    const partialKey = `${keyFile}.${process.pid}.partial`;
    try {
      await build({
        entryPoints: [path.join(sources, 'cli.ts')],
        outfile: partial,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: `node${process.versions.node}`,
        // Loading execa and the others from node_modules file by file cost ~0.1 s a command.
        // tsx stays there, where programs find it by path, and esbuild, which runs its own binary.
        external: ['tsx', 'esbuild'],
        // For the packages written as CommonJS, which require node's modules.
        banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
        logLevel: 'silent',
      });
      renameSync(partial, bundle);
      writeFileSync(partialKey, key);
      renameSync(partialKey, keyFile);
    } finally {
      rmSync(partial, { force: true });
      rmSync(partialKey, { force: true });
    }
    return bundle;
  } catch {
    return undefined;
  }
}

const built = await currentBundle();
if (built !== undefined) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(sources, 'cli.ts')).href);
}
