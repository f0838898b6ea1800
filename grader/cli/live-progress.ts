import type { Catalogue } from '../i18n/catalogue.ts';
import type { ProgressEvent } from '../progress.ts';
import type { CheckResult } from '../result.ts';
import type { Colors } from '../report/colors.ts';
import { liveFrame, plainLine, type LiveState } from '../report/live.ts';
import { notJudgedInThisMode } from '../report/terminal-check.ts';

// The live progress of one grade, on stderr (stdout holds the report, or a format in its place).
// On a terminal, a frame redrawn in place five times a second, so that nothing stays still for
// a second, and erased before the report is printed; off one (a pipe, a CI log), a plain line
// per check as it is judged.

const redrawMs = 200;

export class LiveProgress {
  private readonly state = {
    startedAtMs: Date.now(),
    planned: [] as LiveState['planned'],
    started: new Map<string, number>(),
    judged: new Map<string, CheckResult>(),
    idleDue: new Map<string, number>(),
  };
  private height = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly text: Catalogue,
    private readonly c: Colors,
    private readonly options: { readonly plainLines: boolean } = { plainLines: true },
  ) {
    if (stream.isTTY) {
      this.timer = setInterval(() => this.draw(), redrawMs);
      this.timer.unref();
      this.draw();
    }
  }

  readonly onProgress = (event: ProgressEvent): void => {
    if (this.stopped) return;
    if (event.kind === 'planned') this.state.planned = event.checks;
    else if (event.kind === 'started') this.state.started.set(event.id, event.atMs);
    else if (event.kind === 'idle-wait') this.state.idleDue.set(event.id, event.untilMs);
    else if (notJudgedInThisMode(event.check)) this.state.planned = this.state.planned.filter(({ id }) => id !== event.check.id);
    else {
      this.state.judged.set(event.check.id, event.check);
      if (!this.stream.isTTY && this.options.plainLines) this.stream.write(`${plainLine(event.check, event.atMs, this.state, { text: this.text, c: this.c })}\n`);
    }
    if (this.stream.isTTY) this.draw();
  };

  /** Ends the progress, and on a terminal rubs out its frame. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    if (this.stream.isTTY) this.stream.write(this.erase());
  }

  private erase(): string {
    const up = this.height > 1 ? `\x1b[${this.height - 1}A` : '';
    this.height = 0;
    return `${up}\r\x1b[0J`;
  }

  private draw(): void {
    if (this.stopped) return;
    const page = { text: this.text, c: this.c, columns: this.stream.columns || 80, rows: this.stream.rows || 24 };
    const lines = liveFrame(this.state, page, Date.now());
    this.stream.write(`${this.erase()}${lines.join('\n')}`);
    this.height = lines.length;
  }
}
