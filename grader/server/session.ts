import { exchange as probeExchange, type Exchange, type ExchangeScript } from '../net/exchange.ts';
import { isListening } from '../net/listening.ts';
import type { OwnNetworks } from '../net/own-network.ts';
import { listenerOn, portOwner, timeWaitsOn } from '../net/port-ledger.ts';
import type { OutputLine } from '../process/output.ts';
import { Turns } from '../process/turns.ts';
import { stubLine } from '../submission/stub.ts';
import type { SharedHistory } from './check.ts';
import { Spares, type SpareCopy } from './spares.ts';
import { failedOnAddressInUse, startServer, stopServer, type ServerInstance, type ServerLaunch, type StartFailure, type StartResult } from './instance.ts';

// The copies of one submission's server during a grade: the shared one that the checks take in
// turn (started again whenever it stops, so one fault does not hide the rest), and the ones
// that single checks start for themselves. A server that ignores PORT gets a network of its own
// for each copy where the machine allows it, so that its copies run side by side like any
// other's; elsewhere it can have only one copy on its hard-coded port at a time, and every start
// waits for the previous copy to stop.

export class ServerUnavailable extends Error {
  constructor(readonly failure: StartFailure) {
    super(`the server could not be started again (${failure.kind})`);
  }
}

export class ServerSession {
  private shared: ServerInstance | undefined;
  /** Something else already listened on the hard-coded port before the grade began. */
  fixedPortWasTaken = false;
  private readonly singleCopy = new Turns();
  private readonly live = new Set<ServerInstance>();
  private readonly started: ServerInstance[] = [];
  private readonly served = new Map<ServerInstance, number>();
  private readonly history: { instances: ServerInstance[]; exchanges: { exchange: Exchange; sent: Buffer }[] } = {
    instances: [],
    exchanges: [],
  };
  restarts = 0;
  /** Messages sent a second time to a new copy because the old one had ended (exchangeWithShared). */
  resends = 0;
  private readonly unanswered = new WeakSet<ServerInstance>();
  /** Whether the server listens on the PORT it is given; known after the first start. */
  portSource: 'env' | 'fixed' | undefined;
  /** Every copy of a server on its hard-coded port runs in a network of its own. */
  private fixedInOwnNetworks = false;
  private ownNetworks: OwnNetworks | undefined;

  private readonly spares: Spares;
  private readonly closing = new AbortController();
  private closed = false;

  constructor(
    private readonly launch: ServerLaunch,
    spareCopies: readonly SpareCopy[],
    /** How long a process that may be ending is given to show its exit. */
    private readonly settleMs: number,
    /** Networks of their own for copies, where this machine can give them; the first start does not wait for the answer. */
    private readonly networks: Promise<OwnNetworks | undefined>,
  ) {
    this.spares = new Spares(spareCopies);
  }

  get fixedPort(): number {
    return this.launch.fixedPort;
  }

  /** Whether copies of their own can run alongside the shared one. */
  get copiesRunAlongside(): boolean {
    return this.portSource === 'env' || this.fixedInOwnNetworks;
  }

  /** The first start, which every other check depends on. */
  async startShared(): Promise<StartResult> {
    this.fixedPortWasTaken = await isListening(this.launch.fixedPort);
    // The copy the grade waits for longest first (ServerCheck.copyStartsFirst), then the shared
    // copy, which every check waits for, then the other spares. Should a spare take a
    // hard-coded port first, the shared copy's failure to bind it is handled below.
    const startSpare = (signal: AbortSignal) => this.start({ acceptFixedPort: false, signal });
    this.spares.start('before-shared', startSpare);
    const starting = this.start();
    this.spares.start('after-shared', startSpare);
    let result = await starting;
    const onFixedPort = 'instance' in result && result.instance.portSource === 'fixed';
    if (onFixedPort || failedOnAddressInUse(result)) {
      // A hard-coded port may belong to a spare rather than to this copy: start over, alone, or
      // in networks of their own, where the port is free whatever holds it on this machine.
      const shared = 'instance' in result ? [result.instance] : [];
      await Promise.all([...shared, ...(await this.spares.drop())].map((server) => this.stop(server)));
      this.ownNetworks = await this.networks;
      this.fixedInOwnNetworks = this.ownNetworks !== undefined;
      result = await this.start();
      if ('instance' in result && result.instance.portSource === 'fixed' && this.fixedInOwnNetworks) {
        if (!onFixedPort) this.noteWhyMachinePortFailed(result.instance.port);
        this.spares.start('all', (signal) => this.start({ signal }));
      }
      this.fixedInOwnNetworks &&= 'instance' in result && result.instance.portSource === 'fixed';
    }
    if ('failure' in result) await Promise.all((await this.spares.drop()).map((server) => this.stop(server)));
    if ('instance' in result) {
      this.portSource = result.instance.portSource;
      this.shared = result.instance;
      this.history.instances.push(result.instance);
    }
    return result;
  }

  async sharedServer(): Promise<ServerInstance> {
    // A server that left the last message unanswered may be on its way out: give its exit a
    // moment to show, so that the next check does not talk to a dying process.
    if (this.shared?.program.running && this.unanswered.has(this.shared)) await this.shared.program.waitForExit(this.settleMs);
    if (this.shared?.program.running) return this.shared;
    // Its process has ended, but what it started may not have.
    if (this.shared) await this.stop(this.shared);
    const result = await this.start();
    if ('failure' in result) throw new ServerUnavailable(result.failure);
    this.restarts += 1;
    this.shared = result.instance;
    this.history.instances.push(result.instance);
    return result.instance;
  }

  async stopShared(): Promise<void> {
    if (this.shared) await this.stop(this.shared);
    this.shared = undefined;
  }

  /** A copy for the check `checkId` alone: its spare while that runs, a new copy otherwise. */
  async withOwnServer<T>(checkId: string, use: (server: ServerInstance) => Promise<T>): Promise<T> {
    const kept = this.spares.take(checkId);
    const run = async () => {
      const spare = await kept;
      const result = spare && 'instance' in spare && spare.instance.program.running ? spare : await this.start();
      if ('failure' in result) throw new ServerUnavailable(result.failure);
      try {
        return await use(result.instance);
      } finally {
        await this.stop(result.instance);
      }
    };
    return this.copiesRunAlongside ? run() : this.singleCopy.take(run);
  }

  async exchange(server: ServerInstance, script: ExchangeScript): Promise<Exchange> {
    const result = await probeExchange(server.port, script, server.network);
    this.served.set(server, (this.served.get(server) ?? 0) + 1);
    if (result.reply.length === 0) this.unanswered.add(server);
    else this.unanswered.delete(server);
    if (server === this.shared) this.history.exchanges.push({ exchange: result, sent: Buffer.concat(script.segments.map((s) => s.bytes)) });
    return result;
  }

  /**
   * An exchange with the shared server. A server that stops (cleanly) after a client may still
   * look alive when the next check begins; if it turns out to have stopped before answering
   * this message, it is started again and the message sent once more, so that each check
   * judges its own message and not the previous client's exit.
   */
  async exchangeWithShared(script: ExchangeScript): Promise<{ server: ServerInstance; exchange: Exchange }> {
    const server = await this.sharedServer();
    const servedBefore = this.served.get(server) ?? 0;
    const first = await this.exchange(server, script);
    if (first.reply.length > 0) return { server, exchange: first };
    const exit = await server.program.waitForExit(this.settleMs);
    if (!exit) return { server, exchange: first };
    // A new copy that ended before it could be reached: that is a failed start, not this message's doing.
    if (servedBefore === 0 && !first.connected) {
      throw new ServerUnavailable({ kind: 'exited', exit, output: server.program.output.lines, stub: false });
    }
    if (servedBefore === 0 || exit.code !== 0) return { server, exchange: first };
    this.resends += 1;
    const again = await this.sharedServer();
    return { server: again, exchange: await this.exchange(again, script) };
  }

  sharedHistory(): SharedHistory {
    return this.history;
  }

  /** Stops every copy, and no copy is started any more: for the end of a grade, or its deadline. */
  async stopAll(): Promise<void> {
    this.closed = true;
    this.closing.abort();
    await this.spares.drop();
    await Promise.all([...this.live].map((server) => this.stop(server)));
    this.shared = undefined;
  }

  private async start(options: { acceptFixedPort?: boolean; signal?: AbortSignal } = {}): Promise<StartResult> {
    const notStarted = { failure: { kind: 'not-listening', output: [] } } as const;
    if (this.closed) return notStarted;
    const result = await startServer(this.launch, {
      acceptFixedPort: options.acceptFixedPort ?? this.portSource !== 'env',
      fixedPortTaken: this.fixedPortWasTaken,
      signal: options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal,
      ownNetwork: this.fixedInOwnNetworks ? this.ownNetworks : undefined,
      // With networks of its own to go to, a copy never waits for the machine's port.
      waitOutTimeWait: this.networks.then((networks) => networks === undefined),
    });
    if (!('instance' in result)) return result;
    // The grade ended while this copy was starting: nobody would ever stop it.
    if (this.closed) {
      await stopServer(result.instance, this.launch.ports);
      return notStarted;
    }
    this.live.add(result.instance);
    this.started.push(result.instance);
    return result;
  }

  /** The stub's "not implemented yet" line, if any copy printed it. */
  stubLine(): OutputLine | undefined {
    for (const instance of this.started) {
      const line = stubLine(instance.program.output.lines);
      if (line) return line;
    }
    return undefined;
  }

  /** The port it hard-codes could not be had on this machine, but could in a network of its own: say why. */
  private noteWhyMachinePortFailed(port: number): void {
    if (listenerOn(port)) this.launch.ports.note({ kind: 'taken-on-machine', port, owner: portOwner(port) });
    else {
      const connections = timeWaitsOn(port) ?? 0;
      if (connections > 0) this.launch.ports.note({ kind: 'time-wait-on-machine', port, connections });
    }
  }

  private async stop(server: ServerInstance): Promise<void> {
    await stopServer(server, this.launch.ports);
    this.live.delete(server);
  }
}
