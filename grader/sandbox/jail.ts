import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rlimitOptions, sandboxLimits } from './limits.ts';
import { ProgramCgroups } from './program-cgroups.ts';
import { typescriptFormatFolder } from '../submission/command.ts';
import { nobody, type SandboxSupport } from './support.ts';
import { trimTsxCache, tsxCacheFor } from './tsx-cache.ts';

// The command line that runs one program inside the --sandbox: bubblewrap gives it a file
// system of its own (the system's programs and libraries, its runtime and its own folder, all
// read-only, and an empty private /tmp), its own PID namespace, and the grader's private network
// namespace (see private-network.ts), so that the grader's probes reach it and nothing else
// does. Root drops it to the user nobody. The outer wrappers put it in its cgroups and set its
// rlimits before bubblewrap starts.

export interface JailedCommand {
  readonly command: string;
  readonly args: string[];
  readonly cgroups?: ProgramCgroups;
  /** What to tidy once the program has ended and its groups are gone. */
  readonly afterEnd?: () => void;
}

// The system's own folders: on a merged-/usr system these are links into /usr, elsewhere real folders.
const topLevelSystemEntries = ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32'];
const systemFiles = ['/etc/hosts', '/etc/nsswitch.conf', '/etc/passwd', '/etc/group', '/etc/localtime', '/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives', '/etc/ssl'];

// The kit's own packages (its tsx loader above all), at the path the loader is given by.
const kitPackages = (() => {
  const loader = fileURLToPath(import.meta.resolve('tsx'));
  const at = loader.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  return loader.slice(0, at + `${path.sep}node_modules`.length);
})();

/**
 * Mount options, with every folder above a mount point made first and open to all: bubblewrap
 * would make them readable by root only, and the program runs as nobody.
 */
class Mounts {
  readonly args: string[] = [];
  private readonly folders = new Set<string>(['/']);

  private parents(target: string): void {
    const parent = path.dirname(target);
    if (this.folders.has(parent)) return;
    this.parents(parent);
    this.folders.add(parent);
    this.args.push('--perms', '0755', '--dir', parent);
  }

  /** First of all, so that what is mounted below /tmp (a kit cloned there, say) stays visible. */
  privateTmp(bytes: number): this {
    this.args.push('--perms', '1777', '--size', String(bytes), '--tmpfs', '/tmp');
    this.folders.add('/tmp');
    return this;
  }

  writable(source: string, target: string): this {
    this.parents(target);
    this.args.push('--bind', source, target);
    return this;
  }

  readOnly(source: string, target = source, optional = false): this {
    this.parents(target);
    this.args.push(optional ? '--ro-bind-try' : '--ro-bind', source, target);
    return this;
  }

  link(target: string, at: string): this {
    this.parents(at);
    this.args.push('--symlink', target, at);
    return this;
  }
}

function systemMounts(mounts: Mounts): void {
  mounts.readOnly('/usr');
  for (const entry of topLevelSystemEntries) {
    const at = `/${entry}`;
    if (!existsSync(at)) continue;
    if (lstatSync(at).isSymbolicLink()) mounts.link(readlinkSync(at), at);
    else mounts.readOnly(at);
  }
  for (const file of systemFiles) mounts.readOnly(file, file, true);
}

const isInside = (folder: string, file: string) => file === folder || file.startsWith(`${folder}${path.sep}`);

/** The folder a runtime outside /usr is installed in (a pyenv Python, a Node in /opt): its bin's parent. */
function runtimeMount(mounts: Mounts, command: string, submissionFolder: string): void {
  let real: string;
  try {
    real = realpathSync(command);
  } catch {
    return;
  }
  if (isInside('/usr', real) || isInside(submissionFolder, real)) return;
  const binFolder = path.dirname(real);
  const prefix = path.basename(binFolder) === 'bin' && path.dirname(binFolder) !== '/' ? path.dirname(binFolder) : binFolder;
  mounts.readOnly(prefix);
}

/**
 * The package.json that decides how Node reads the submission's files (ES modules or CommonJS):
 * the nearest one above its folder, as outside the sandbox, so that a program runs the same in
 * both.
 */
function governingPackageJson(mounts: Mounts, folder: string): void {
  for (let at = path.dirname(folder); ; at = path.dirname(at)) {
    const file = path.join(at, 'package.json');
    if (existsSync(file)) {
      mounts.readOnly(file);
      return;
    }
    if (path.dirname(at) === at) return;
  }
}

/** Resolves a bare command name the way the program's PATH would. */
function resolveCommand(command: string, searchPath: string | undefined): string {
  if (command.includes(path.sep)) return command;
  for (const folder of (searchPath ?? '/usr/bin:/bin').split(path.delimiter)) {
    const candidate = path.join(folder, command);
    if (folder && existsSync(candidate)) return candidate;
  }
  return command;
}

export function jailedCommand(
  spec: { readonly command: string; readonly args: readonly string[]; readonly cwd: string; readonly env: Readonly<Record<string, string>>; readonly mounts?: readonly string[] },
  support: Extract<SandboxSupport, { available: true }>,
): JailedCommand {
  const command = resolveCommand(spec.command, spec.env.PATH);
  const submission = realpathSync(spec.cwd);
  const uid = support.runAsNobody ? nobody : (process.getuid?.() ?? 0);
  const mounts = new Mounts().privateTmp(sandboxLimits.tmpBytes);
  systemMounts(mounts);
  runtimeMount(mounts, command, submission);
  mounts.readOnly(kitPackages).readOnly(typescriptFormatFolder).readOnly(submission);
  for (const folder of spec.mounts ?? []) mounts.readOnly(folder);
  if (!existsSync(path.join(submission, 'package.json'))) governingPackageJson(mounts, submission);
  mounts.writable(tsxCacheFor(submission, uid), `/tmp/tsx-${uid}`);
  const bwrap = [
    'bwrap',
    // No --new-session: the program has no terminal to type into (it runs detached), and staying
    // in the outer bwrap's process group lets one signal to that group end every process.
    '--die-with-parent',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    ...mounts.args,
    '--proc', '/proc',
    '--dev', '/dev',
    '--chdir', submission,
    '--setenv', 'HOME', '/tmp',
    '--setenv', 'TMPDIR', '/tmp',
    '--',
  ];
  const dropToNobody = support.runAsNobody
    ? ['setpriv', `--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--']
    : [];
  const inner = ['prlimit', ...rlimitOptions(), '--', ...bwrap, ...dropToNobody, command, ...spec.args];
  const cgroups = support.cgroupLimits.length > 0 ? ProgramCgroups.create(support.cgroupLimits) : undefined;
  // The shell joins the cgroups with its own pid and then becomes the program: nothing it starts
  // can run outside them, not even for a moment.
  const joinCgroups = cgroups
    ? ['sh', '-c', 'while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@"', 'sh', ...cgroups.procsFiles, '--']
    : [];
  const [first, ...rest] = ['setpriv', '--pdeathsig', 'KILL', '--', ...joinCgroups, ...inner];
  return { command: first as string, args: rest, cgroups, afterEnd: () => trimTsxCache(submission) };
}
