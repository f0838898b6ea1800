import { chmodSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { temporaryFolder, type TemporaryFolder } from '../process/reaper.ts';
import { isWrittenAsCommonJs } from './typescript-format/commonjs.mjs';

// A grade starts a TypeScript program about fifteen times. Through tsx each start compiles it
// again and costs about 0.2 CPU-seconds, four times a plain node start: most of what grading a
// class costs. So a grade compiles each TypeScript program once, with the esbuild that tsx is
// built on, into a folder of its own, and starts the result on plain node. The program runs as
// it would under tsx: in the format tsx gives it (typescript-format/), from its own folder,
// with its own file's name in import.meta and __dirname and in its stack traces (source maps).
// Whatever esbuild cannot compile the same way is run through tsx as before, so that a syntax
// error reaches the report as the program's own crash.

const largestSourceBytes = 4 * 1024 * 1024;

const requireBanner = "import { createRequire as __labCreateRequire } from 'node:module'; const require = __labCreateRequire(import.meta.url);";

const isInside = (folder: string, file: string) => file === folder || file.startsWith(`${folder}${path.sep}`);

function nearestPackageType(folder: string): string | undefined {
  for (let at = folder; ; at = path.dirname(at)) {
    try {
      return (JSON.parse(readFileSync(path.join(at, 'package.json'), 'utf8')) as { type?: string }).type ?? 'commonjs';
    } catch {
      if (path.dirname(at) === at) return undefined;
    }
  }
}

/**
 * The format tsx and the kit's hooks would run the file in; undefined for CommonJS code in an
 * ES module package, which fails under tsx with Node's own message, for the student to see.
 */
function formatOf(file: string): 'esm' | 'cjs' | undefined {
  if (file.endsWith('.mts')) return 'esm';
  if (file.endsWith('.cts')) return 'cjs';
  if (!isWrittenAsCommonJs(file)) return 'esm';
  return nearestPackageType(path.dirname(file)) === 'module' ? undefined : 'cjs';
}

/** A program's files come from its submission only: the grader reads as itself, not as the sandbox's user. */
function onlyFrom(folder: string): esbuild.Plugin {
  return {
    name: 'only-from-the-submission',
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        const real = realpathSync(args.path);
        if (!isInside(folder, real)) return { errors: [{ text: `${args.path} is outside the submission's folder` }] };
        if (statSync(real).size > largestSourceBytes) return { errors: [{ text: `${args.path} is too large to compile` }] };
        return undefined;
      });
    },
  };
}

/** Where a grade's compiled programs live, from the first one to the end of the grade. */
export class TypeScriptBuilds {
  private count = 0;
  // Made with the first TypeScript program: a Python or JavaScript grade has none.
  private output: TemporaryFolder | undefined;

  /** The compiled program, or undefined where it has to run through tsx. */
  async compile(file: string, submission: string): Promise<string | undefined> {
    const source = realpathSync(file);
    const folder = path.dirname(source);
    const root = realpathSync(submission);
    const format = formatOf(source);
    if (format === undefined) return undefined;
    this.output ??= temporaryFolder('lab-grader-build-');
    this.count += 1;
    const outfile = path.join(this.output.folder, `${this.count}-${path.parse(source).name}.${format === 'esm' ? 'mjs' : 'cjs'}`);
    const url = pathToFileURL(source).href;
    const names: Record<string, string> =
      format === 'esm'
        ? { 'import.meta.url': JSON.stringify(url), 'import.meta.filename': JSON.stringify(source), 'import.meta.dirname': JSON.stringify(folder) }
        : { __filename: JSON.stringify(source), __dirname: JSON.stringify(folder) };
    const options: esbuild.BuildOptions & { metafile: true } = {
      entryPoints: [source],
      absWorkingDir: folder,
      outfile,
      bundle: true,
      platform: 'node',
      format,
      target: `node${process.versions.node}`,
      sourcemap: 'inline',
      keepNames: true,
      define: names,
      plugins: [onlyFrom(root)],
      metafile: true,
      logLevel: 'silent',
    };
    try {
      const result = await esbuild.build(options);
      // A package's CommonJS code bundled into an ES module has no require of its own. Given one
      // only then: a program that names something `require` itself would clash with it.
      const packages = Object.keys(result.metafile.inputs).some((input) => input.includes('node_modules/'));
      if (format === 'esm' && packages) await esbuild.build({ ...options, banner: { js: requireBanner } });
      chmodSync(outfile, 0o644);
      return outfile;
    } catch {
      return undefined;
    }
  }

  close(): void {
    this.output?.remove();
  }
}
