import { performance } from 'node:perf_hooks';
import { getFreePort } from '../net/free-port.ts';
import type { Network } from '../net/network.ts';
import type { OwnNetworks } from '../net/own-network.ts';
import { Turns } from '../process/turns.ts';
import { listenerOn, portOwner, type PortLedger } from '../net/port-ledger.ts';
import { startServer, stopServer, type ServerLaunch } from '../server/instance.ts';
import type { Timing } from '../server/timing.ts';
import { SetupError } from '../setup-error.ts';
import type { LaunchCommand } from '../submission/command.ts';
import type { ClientScenario, ScenarioResult } from './check.ts';
import { isStub } from './line-run.ts';
import { runClient, type ClientRunOptions } from './run-client.ts';
import { ScriptedServer } from './scripted-server.ts';

// Where the student's client meets a server during a grade. With networks of their own
// (net/own-network.ts), the client's first run gets one: the grader's scripted server listens
// there both on the port the client is told (PORT) and on the lab's port, so that one run shows
// which it uses. A client on the lab's port then gets a network of its own for every run, and no
// run waits for another or for the server part; one that honours PORT runs in the machine's
// network on free ports. Elsewhere the client is first run on a free port, and one that ignores
// it is run again on the lab's port, one run at a time, once the server part has let go of it.

export interface ClientSessionOptions {
  readonly command: LaunchCommand;
  readonly timing: Timing;
  readonly fixedPort: number;
  /** Networks of their own, where the machine can give them. */
  readonly networks?: OwnNetworks;
  readonly ports: PortLedger;
  /** Resolves once nothing else of this grade uses the hard-coded port (the server part has ended). */
  readonly fixedPortFree: Promise<void>;
  /** The student's own server, for the end-to-end check. */
  readonly studentServer?: ServerLaunch;
  /** Whether the student's server listens on PORT, once the server grade knows. */
  readonly serverPortSource?: Promise<'env' | 'fixed' | undefined>;
}

// A client that sends neither "\n" nor a half-close is answered after this much silence.
const lenientPauseMs = 600;

export class ClientSession {
  /** Whether the client connects to the PORT it is given; known after its first run that connects. */
  source: 'env' | 'fixed' | undefined;
  private readonly turns = new Turns();
  private readonly calledOff = new AbortController();

  constructor(private readonly options: ClientSessionOptions) {}

  async play(scenario: ClientScenario): Promise<ScenarioResult> {
    const { networks, fixedPort } = this.options;
    if (networks && this.source !== 'env') return this.inOwnNetwork(networks, (network, port) => this.playOn([port, fixedPort], port, scenario, network));
    return this.playOnMachine(scenario);
  }

  async playRefused(lines: readonly string[], deadlineMs: number): Promise<ScenarioResult> {
    const { fixedPort } = this.options;
    const refusedOn = async (port: number, network?: Network) => ({ run: await this.runClient(port, lines, deadlineMs, network), connections: [], port });
    if (this.options.networks && this.source !== 'env') return this.inOwnNetwork(this.options.networks, (network, port) => refusedOn(port, network));
    if (this.source === 'fixed') return this.onFixedPort(() => refusedOn(fixedPort));
    return refusedOn(await getFreePort());
  }

  async playWithStudentServer(lines: readonly string[], deadlineMs: number): Promise<ScenarioResult | undefined> {
    const launch = this.options.studentServer;
    if (!launch) return undefined;
    const { fixedPort, networks } = this.options;
    const serverSource = await this.serverPortSource();
    const fixed = this.source === 'fixed' || serverSource === 'fixed';
    // In a network of their own both meet on the lab's port, whichever of them hard-codes it.
    const ownNetwork = fixed ? networks : undefined;
    const pair = async (port: number | undefined): Promise<ScenarioResult> => {
      // The server's own default idle timeout (10 s), also in a quick grade: the client may
      // take more than 2 s to start on a loaded machine, and the pair is not about the timeout.
      const started = await startServer({ ...launch, socketTimeoutSeconds: undefined }, {
        acceptFixedPort: true,
        fixedPortTaken: false,
        port,
        ownNetwork,
        waitOutTimeWait: !ownNetwork,
      });
      if ('failure' in started) {
        return { run: { output: started.failure.output.slice(-12), stdout: '', stderr: '', durationMs: 0, startedAt: performance.now() }, connections: [], port: 0 };
      }
      try {
        const { instance } = started;
        return { run: await this.runClient(instance.port, lines, deadlineMs, instance.network), connections: [], port: instance.port };
      } finally {
        await stopServer(started.instance, this.options.ports);
      }
    };
    if (ownNetwork) return pair(fixedPort);
    // Either part on a hard-coded port means this pair needs it too, once the server grade is done with it.
    return fixed ? this.onFixedPort(() => pair(this.source === 'fixed' ? fixedPort : undefined)) : pair(undefined);
  }

  /** A run in a network of its own, on a port told in PORT that is not the lab's. */
  private async inOwnNetwork(networks: OwnNetworks, run: (network: Network, port: number) => Promise<ScenarioResult>): Promise<ScenarioResult> {
    const network = await networks.next();
    try {
      let port = await getFreePort();
      while (port === this.options.fixedPort) port = await getFreePort();
      const result = await run(network, port);
      if (this.source === undefined && result.connections.length > 0) {
        this.source = result.connections.some((connection) => connection.port !== port) ? 'fixed' : 'env';
      }
      return result;
    } finally {
      await network.close();
    }
  }

  private async playOnMachine(scenario: ClientScenario): Promise<ScenarioResult> {
    const { fixedPort } = this.options;
    const port = await getFreePort();
    if (this.source === 'fixed') return this.onFixedPort(() => this.playOn([fixedPort], port, scenario));
    if (this.source === undefined && (await this.serverPortSource()) === 'fixed') {
      // The student's server holds the lab's port for a while: a client that connects there
      // would meet it instead of the grader's server (and leave it in TIME_WAIT). Wait, then
      // listen on both ports at once.
      const both = await this.onFixedPort(() => this.playOn([fixedPort, port], port, scenario));
      if (both.connections.length > 0) this.source = both.connections.some((connection) => connection.port === fixedPort) ? 'fixed' : 'env';
      return both;
    }
    const result = await this.playOn([port], port, scenario);
    if (this.source === 'env' || result.connections.length > 0 || isStub(result)) {
      this.source = 'env';
      return result;
    }
    // Nothing reached the port it was given: perhaps the client hard-codes the lab's port. While
    // another program holds it, that cannot be tried: the client is graded on what it did.
    if (listenerOn(fixedPort)) {
      this.options.ports.note({ kind: 'taken-not-tried', port: fixedPort, owner: portOwner(fixedPort) });
      return result;
    }
    const again = await this.onFixedPort(() =>
      this.playOn([fixedPort, port], port, scenario).catch((error: unknown) => {
        if (error instanceof SetupError) throw error;
        return result;
      }),
    );
    this.source = again.connections.some((connection) => connection.port === fixedPort) ? 'fixed' : 'env';
    return again.connections.length > 0 ? again : result;
  }

  private async playOn(ports: readonly number[], clientPort: number, scenario: ClientScenario, network?: Network): Promise<ScenarioResult> {
    const server = await this.listen(ports, scenario, network);
    try {
      const afterConnect =
        scenario.patienceAfterConnectMs === undefined ? undefined : { connectedAt: () => server.connections[0]?.connectedAt, patienceMs: scenario.patienceAfterConnectMs };
      const run = await this.runClient(clientPort, scenario.lines, scenario.deadlineMs, network, afterConnect);
      return { run, connections: server.connections, port: clientPort };
    } finally {
      await server.close();
    }
  }

  /**
   * The scripted server. In the machine's network the lab's port may be held: by another
   * program (a setup problem, said in one line), or only by connections in TIME_WAIT that a
   * server without SO_REUSEADDR left there (they are waited out).
   */
  private async listen(ports: readonly number[], scenario: ClientScenario, network?: Network): Promise<ScriptedServer> {
    const { fixedPort } = this.options;
    const options = { lenientPauseMs, network, closeLastOn: network ? undefined : fixedPort };
    try {
      return await ScriptedServer.listen(ports, scenario.behaviour, options);
    } catch (error) {
      if (network || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !ports.includes(fixedPort)) throw error;
      if (listenerOn(fixedPort) !== false) throw new SetupError({ kind: 'port-taken', port: fixedPort, owner: portOwner(fixedPort) });
      await this.options.ports.waitOutTimeWait(fixedPort);
      return ScriptedServer.listen(ports, scenario.behaviour, options);
    }
  }

  /** Ends every run still going: the grade has found there is no client to grade. */
  callOffRuns(): void {
    this.calledOff.abort();
  }

  /** Whether the student's server listens on PORT; known soon after the grade starts (undefined without a server). */
  private serverPortSource(): Promise<'env' | 'fixed' | undefined> {
    return this.options.studentServer ? (this.options.serverPortSource ?? Promise.resolve(undefined)) : Promise.resolve(undefined);
  }

  private runClient(port: number, lines: readonly string[], deadlineMs: number, network?: Network, afterConnect?: ClientRunOptions['afterConnect']) {
    const { command, timing } = this.options;
    return runClient({ command, port, lines, socketTimeoutSeconds: timing.socketTimeoutEnv, deadlineMs, network, afterConnect, signal: this.calledOff.signal });
  }

  /** Runs `use` with the hard-coded port to itself, once the rest of the grade has let go of it. */
  private async onFixedPort<T>(use: () => Promise<T>): Promise<T> {
    await this.options.fixedPortFree;
    return this.turns.take(use);
  }
}
