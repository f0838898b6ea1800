import type { DiagnosisCode } from '../diagnoses.ts';
import type { Exchange, ExchangeScript } from '../net/exchange.ts';
import type { Random } from '../random.ts';
import type { CheckOutcome, Tier } from '../result.ts';
import type { ServerInstance, StartResult } from './instance.ts';
import type { Timing } from './timing.ts';

// One server check = one small module: what it sends, what it expects, which diagnosis codes
// it can give. Points and whether it is required live in the rubric, not here.

export interface ServerCheckContext {
  readonly random: Random;
  readonly timing: Timing;
  /** Starts the shared server for the first time (the starts-listening check). */
  firstStart(): Promise<StartResult>;
  /** The server the checks share, started again if it stopped since the last check. */
  sharedServer(): Promise<ServerInstance>;
  /** A copy of the server for this check alone, on its own port, stopped when `use` returns. */
  withOwnServer<T>(use: (server: ServerInstance) => Promise<T>): Promise<T>;
  /** Talks to a server; exchanges with the shared server are remembered for the logs check. */
  exchange(server: ServerInstance, script: ExchangeScript): Promise<Exchange>;
  /** The shared server and one exchange with it (sent again to a new copy if the old one had stopped). */
  exchangeWithShared(script: ExchangeScript): Promise<{ server: ServerInstance; exchange: Exchange }>;
  /** Work that several checks judge (the idle timeout), done once and shared. */
  once<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** The program's output and the exchanges of every shared server so far. */
  sharedHistory(): SharedHistory;
  /** What a check that ran before this one found, for a check whose verdict depends on it. */
  earlierFinding(checkId: string): CheckOutcome | undefined;
  /** Tells the live progress that a copy's idle timeout is now awaited, due in about `inMs`. */
  awaitingIdleTimeout(inMs: number): void;
}

export interface SharedHistory {
  readonly instances: readonly ServerInstance[];
  readonly exchanges: readonly { readonly exchange: Exchange; readonly sent: Buffer }[];
}

export interface ServerCheck {
  readonly id: string;
  readonly tier: Tier;
  /** 'shared': runs in turn against the shared server; 'own': starts its own copy, alongside. */
  readonly runsOn: 'shared' | 'own';
  /** For an 'own' check that judges another check's copy instead of starting one. */
  readonly startsServer?: false;
  /**
   * For the 'own' check the grade waits for longest: its copy is started before the shared
   * server, because the grade cannot end before a wait counted from that copy's start does.
   */
  readonly copyStartsFirst?: true;
  /** Judged only in a quick grade; in a full grade it does not count at all. */
  readonly quickOnly?: true;
  /** Judged only in a full grade; in a quick grade it does not count at all. */
  readonly fullOnly?: true;
  readonly codes: readonly DiagnosisCode[];
  run(context: ServerCheckContext): Promise<CheckOutcome>;
}

/** When a server that stopped is a fault: a non-zero status or a signal. */
export function isCrash(exit: { code: number | null; signal: string | null } | undefined): boolean {
  return exit !== undefined && (exit.code !== 0 || exit.signal !== null);
}
