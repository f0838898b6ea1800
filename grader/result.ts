import type { Visibility } from './rubric.ts';
import type { DiagnosisCode, Severity } from './diagnoses.ts';
import type { Exchange } from './net/exchange.ts';
import type { OutputLine } from './process/output.ts';
import type { PortNote } from './net/port-ledger.ts';
import type { LimitKind, sandboxLimits } from './sandbox/limits.ts';
import type { SourceLanguage } from './submission/language.ts';
import type { Selection } from './selection.ts';

// The grader's results as plain data. Reporters (terminal, JSON) only render these; nothing
// here depends on the language of the report.

export type Part = 'server' | 'client';
export type Tier = 'core' | 'protocol' | 'robustness' | 'conventions';
export type Status = 'pass' | 'fail' | 'warn' | 'skip';

export type EvidenceKey =
  | 'message-size'
  | 'expected-count'
  | 'reply-numbers'
  | 'printed-numbers'
  | 'empty-unanswered'
  | 'late-connection'
  | 'late-timeout'
  | 'started'
  | 'start-exited'
  | 'timed-out-at-start'
  | 'message-resent'
  | 'plain-message-crashes-too'
  | 'ended-with-silent-client'
  | 'not-listening'
  | 'fixed-port-taken'
  | 'server-exited'
  | 'stopped-by-disconnect'
  | 'stub-lines-left'
  | 'crashed-after-reply'
  | 'crashed-before-connecting'
  | 'start-error'
  | 'server-restarted'
  | 'replied-before-end'
  | 'waited-for-eof'
  | 'no-close'
  | 'closed-without-reply'
  | 'served-clients'
  | 'idle-expected'
  | 'idle-message'
  | 'idle-remeasured'
  | 'idle-exit'
  | 'idle-nothing'
  | 'idle-still-running'
  | 'idle-crashed'
  | 'second-client-concurrent'
  | 'second-client-waited'
  | 'second-client-blocked'
  | 'port-used'
  | 'timeout-env-used'
  | 'logs-found'
  | 'logs-missing'
  | 'any-reply-accepted'
  | 'typed-line'
  | 'client-exited'
  | 'client-still-running'
  | 'decoy-reply'
  | 'connections-made'
  | 'reply-in-pieces'
  | 'server-closed-silently'
  | 'nothing-listening'
  | 'server-stayed-silent'
  | 'stack-trace-shown'
  | 'end-to-end-expected'
  | 'client-port-used'
  | 'sandbox-limit'
  | 'address-in-use';

export interface Evidence {
  readonly key: EvidenceKey;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type ExchangeLabel =
  | 'message'
  | 'client-n'
  | 'first-client'
  | 'silent-client'
  | 'second-client'
  | 'abrupt-client'
  | 'next-client'
  | 'whole-message'
  | 'short-message'
  | 'plain-message'
  | 'client-connection';

export interface LabelledExchange {
  readonly label: ExchangeLabel;
  readonly n?: number;
  readonly exchange: Exchange;
}

export type SkipReason =
  | 'server-did-not-start'
  | 'client-did-not-start'
  | 'no-server-to-pair'
  | 'quick-mode-only'
  | 'full-grade-only'
  | 'timed-out-during-check'
  | 'stopped-after-first-client'
  | 'no-reply-to-line'
  | 'no-idle-timeout-seen'
  | 'timeout-judged-elsewhere'
  | 'crashed-before-timeout'
  | 'crashed-at-timeout'
  | 'crashed-on-first-client'
  | 'run-deadline'
  | 'port-in-time-wait'
  | 'grader-error';

/** What a check itself found, before the rubric turns it into a status and points. */
export interface CheckOutcome {
  readonly diagnoses: readonly DiagnosisCode[];
  readonly evidence?: readonly Evidence[];
  readonly exchanges?: readonly LabelledExchange[];
  /** Lines the program printed that explain the outcome (a crash's last lines, a timeout line). */
  readonly output?: readonly OutputLine[];
  readonly skipped?: SkipReason;
  readonly measurements?: Partial<Measurements>;
}

/** One check as the grader observed it, before a rubric weighs it. */
export interface CheckFinding extends Required<Omit<CheckOutcome, 'skipped' | 'measurements'>> {
  readonly id: string;
  readonly part: Part;
  readonly tier: Tier;
  readonly durationMs: number;
  readonly skipReason?: SkipReason;
  readonly error?: string;
}

/** A finding weighed by the rubric: reporters render these, and never judge again. */
export interface CheckResult extends CheckFinding {
  readonly status: Status;
  readonly required: boolean;
  readonly points: number;
  readonly maxPoints: number;
  /** When students see it where the grade is published (Gradescope): the rubric's say. */
  readonly visibility: Visibility;
  /** What each of the check's diagnosis codes weighs under the rubric. */
  readonly severities: Readonly<Partial<Record<DiagnosisCode, Severity>>>;
}

/** What the grader measured, for the report's analysis ("Analisa") section. */
export interface Measurements {
  readonly startupMs: number;
  readonly portSource: 'env' | 'fixed';
  readonly port: number;
  readonly replyLatenciesMs: readonly number[];
  readonly idleTimeoutExpectedMs: number;
  readonly idleTimeoutMessageMs: number;
  readonly idleTimeoutExitMs: number;
  readonly idleTimeoutBehaviour: 'stops' | 'keeps-running' | 'never' | 'crashes' | 'silent-stop';
  /** The idle-timeout check's own verdict on the time (the analysis repeats it, never recomputes it). */
  readonly idleTimeoutOnTime: boolean;
  /** How long a second client waited while a first one stayed connected and silent. */
  readonly secondClientWaitMs: number;
  readonly secondClientBlocked: boolean;
  /** Answered while the silent client was still connected: the server serves clients concurrently. */
  readonly secondClientConcurrent: boolean;
  readonly restarts: number;
}

export interface GradeResult {
  readonly rubric: string;
  readonly score: number;
  readonly maxScore: number;
  readonly passed: boolean;
  readonly seed: number;
  readonly quick: boolean;
  /** The idle timeout the server was graded against, and the tolerance around it. */
  readonly idleTimeoutSeconds: number;
  readonly idleToleranceSeconds: number;
  readonly submission: Submission;
  readonly checks: readonly CheckResult[];
  readonly analysis: Partial<Measurements>;
  readonly isolation: IsolationReport;
  readonly network: NetworkReport;
  /** Ports the submission's programs used that were still bound after they had all been ended. */
  readonly portsLeftBound: readonly number[];
  readonly durationMs: number;
  /** Less than a whole grade was asked for (--only, --check): the checks run are not the grade. */
  readonly selection?: Selection;
}

/** What the hints name: Python's calls, or Node's (TypeScript and JavaScript); 'other' for a command of the instructor's. */
export type ProgramLanguage = 'python' | 'node' | 'other';

export interface Submission {
  readonly folder: string;
  /** What the report calls each program, such as "server.py (Python 3.11.7)". */
  readonly server?: string;
  readonly client?: string;
  readonly serverLanguage?: ProgramLanguage;
  readonly clientLanguage?: ProgramLanguage;
  /** How each program was found; a part run by --server-cmd or --client-cmd has none. */
  readonly discovery?: Discovery;
}

/** How the grader chose each program of a submission: reasons as keys and facts, put in words by the reporters. */
export interface Discovery {
  readonly server?: FoundProgram;
  readonly client?: FoundProgram;
}

export interface FoundProgram {
  /** The file, relative to the submission's folder, with "/" between folders. */
  readonly file: string;
  readonly reasons: readonly DiscoveryReason[];
}

export type DiscoveryReason =
  /** Named on the command line. */
  | { readonly key: 'named'; readonly option: '--server' | '--client' }
  /** server.<ext> or client.<ext> at the top of the folder: found as it always was, nothing else looked at. */
  | { readonly key: 'exact-name' }
  /** Its file name holds a word for the part, such as "server" in serverno1.py or "klien" in klien.py. */
  | { readonly key: 'name-says'; readonly word: string }
  /** A folder on its way holds such a word, as in server/main.py. */
  | { readonly key: 'folder-says'; readonly folder: string; readonly word: string }
  /** It calls what such a program calls (bind, listen, accept, createServer; connect, create_connection...). */
  | { readonly key: 'calls'; readonly calls: readonly string[] }
  /** A file without an extension: its language was told by its #! line or by its text. */
  | { readonly key: 'language'; readonly language: SourceLanguage; readonly from: 'shebang' | 'content' }
  /** Preferred to copies of the kit's stub (they print "not implemented yet"). */
  | { readonly key: 'over-stub'; readonly stubs: readonly string[] }
  /** As likely as `others`, but nearer the top of the folder. */
  | { readonly key: 'nearest-top'; readonly others: readonly string[] }
  /** Still the kit's stub: nothing else was there for the part. */
  | { readonly key: 'stub' };

/**
 * Where programs on a hard-coded port and the client's runs met the grader: in networks of
 * their own, or in the machine's network; and what the grader did about a port that was not free.
 */
export interface NetworkReport {
  readonly copiesOnFixedPort: 'own' | 'machine';
  readonly notes: readonly PortNote[];
}

/** How the submission's programs were kept apart from the machine (lab contract §6). */
export type IsolationReport =
  | { readonly kind: 'pid-namespace' | 'process-group' }
  | {
      readonly kind: 'sandbox';
      readonly runAsNobody: boolean;
      readonly limits: typeof sandboxLimits;
      /** The limits a cgroup enforces (memory, processes); the others are rlimits. */
      readonly cgroupLimits: readonly LimitKind[];
    };
