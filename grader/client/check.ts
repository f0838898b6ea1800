import type { DiagnosisCode } from '../diagnoses.ts';
import type { Random } from '../random.ts';
import type { CheckOutcome, Tier } from '../result.ts';
import type { Timing as ServerTiming } from '../server/timing.ts';
import type { ClientRun } from './run-client.ts';
import type { ClientConnection, ScriptedServer, ServerBehaviour } from './scripted-server.ts';

// One client check = one small module, like the server's: the grader's scripted server plays a
// part (answers, answers in pieces, closes, stays silent, or is not there), the student's client
// gets some lines to send, and the check judges what the client sent, printed and did.

export interface ClientScenario {
  readonly behaviour: ServerBehaviour;
  readonly lines: readonly string[];
  /** Counted from the client's start: after it, the client counts as hanging and is ended. */
  readonly deadlineMs: number;
  /** Counted from its first connection, where that comes first: a quick start-up is not waited for twice. */
  readonly patienceAfterConnectMs?: number;
}

export interface ScenarioResult {
  readonly run: ClientRun;
  readonly connections: readonly ClientConnection[];
  /** The port the client was told to use (PORT). */
  readonly port: number;
}

export interface ClientCheckContext {
  readonly random: Random;
  readonly timing: ServerTiming;
  /** Runs the client against the scripted server, on the port the client uses. */
  play(scenario: ClientScenario): Promise<ScenarioResult>;
  /** Runs the client against the student's own server; undefined when there is none. */
  playWithStudentServer(lines: readonly string[], deadlineMs: number): Promise<ScenarioResult | undefined>;
  /** Runs the client with nothing listening on its port. */
  playRefused(lines: readonly string[], deadlineMs: number): Promise<ScenarioResult>;
  /** Work that several checks judge, done once and shared. */
  once<T>(key: string, work: () => Promise<T>): Promise<T>;
  /** Whether the client connects to the PORT it is given; known after the first check. */
  portSource(): 'env' | 'fixed';
}

export interface ClientCheck {
  readonly id: string;
  readonly tier: Tier;
  /** Needs the student's server as well (end to end): without one it does not apply. */
  readonly pairsWithServer?: true;
  /** Waits out the client's own timeout: the longest check, started with the first where it can be. */
  readonly awaitsTimeout?: true;
  readonly codes: readonly DiagnosisCode[];
  run(context: ClientCheckContext): Promise<CheckOutcome>;
}

export type { ScriptedServer };
