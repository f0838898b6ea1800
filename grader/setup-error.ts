// A problem with how the grader was called or with this machine, not with the submission:
// the command line prints it as one clear line and exits with status 2.

/** What keeps unprivileged user namespaces off: an AppArmor setting (Ubuntu 23.10+), a zero limit, Debian's old switch, a container's seccomp profile. */
export type NamespaceSwitch = 'apparmor' | 'userns-limit' | 'userns-clone' | 'container';

export type SetupProblem =
  | { readonly kind: 'no-such-folder'; readonly path: string }
  | { readonly kind: 'nothing-to-grade'; readonly path: string }
  /** Two programs (or more) equally likely to be the part: the user names one. */
  | { readonly kind: 'ambiguous-program'; readonly path: string; readonly part: 'server' | 'client'; readonly candidates: readonly string[] }
  | { readonly kind: 'no-such-file'; readonly option: '--server' | '--client'; readonly path: string }
  /** A named file whose extension, #! line and text do not say Python, JavaScript or TypeScript. */
  | { readonly kind: 'unknown-language'; readonly file: string }
  | { readonly kind: 'runtime-missing'; readonly runtime: string; readonly file: string }
  | { readonly kind: 'link-outside'; readonly file: string; readonly target: string }
  /** A program's name on something that is not a regular file, such as a folder server.py. */
  | { readonly kind: 'not-a-file'; readonly file: string }
  /** `owner`: the program that listens there, where the machine shows it. */
  | { readonly kind: 'port-taken'; readonly port: number; readonly owner?: string }
  | { readonly kind: 'unknown-option'; readonly option: string }
  | { readonly kind: 'missing-value'; readonly option: string }
  | { readonly kind: 'bad-number'; readonly option: string; readonly value: string; readonly min: number; readonly max: number }
  | { readonly kind: 'bad-lang'; readonly value: string }
  | { readonly kind: 'bad-csv-delimiter'; readonly value: string }
  | { readonly kind: 'unknown-report'; readonly name: string; readonly known: string }
  | { readonly kind: 'reports-in-place'; readonly names: string }
  | { readonly kind: 'report-with-class' }
  | { readonly kind: 'class-needs-sandbox' }
  | { readonly kind: 'not-a-class-folder'; readonly path: string }
  | { readonly kind: 'too-many-folders'; readonly folders: string }
  | { readonly kind: 'empty-command' }
  | {
      readonly kind: 'sandbox-unavailable';
      readonly reason: 'not-linux' | 'portable' | 'no-bwrap' | 'no-util-linux' | 'bwrap-refused';
      readonly detail: string;
      /** Where bubblewrap was refused: what the machine's owner can switch on (sandbox/support.ts). */
      readonly enable?: NamespaceSwitch;
    }
  | { readonly kind: 'sandbox-outside-private-network' }
  | { readonly kind: 'bad-rubric'; readonly file: string; readonly detail: string }
  | { readonly kind: 'bad-settings'; readonly file: string; readonly detail: string }
  | { readonly kind: 'bad-lang-env'; readonly value: string }
  | { readonly kind: 'bad-track'; readonly value: string }
  | { readonly kind: 'bad-only'; readonly value: string }
  | { readonly kind: 'unknown-check'; readonly id: string; readonly near: string }
  | { readonly kind: 'nothing-selected'; readonly only: string; readonly checks: string }
  | { readonly kind: 'selection-with-class' }
  /** --repeat or --watch with an option that cannot go with it. */
  | { readonly kind: 'cannot-combine'; readonly option: '--repeat' | '--watch'; readonly other: string }
  | { readonly kind: 'unknown-code'; readonly code: string; readonly near: string };

export class SetupError extends Error {
  constructor(readonly problem: SetupProblem) {
    super(`${problem.kind}: ${JSON.stringify(problem)}`);
    this.name = 'SetupError';
  }
}
