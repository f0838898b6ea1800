import { StringDecoder } from 'node:string_decoder';

// What a program prints is kept line by line with the time it arrived, so that checks can
// look for a log or timeout line and reports can quote it. Memory stays bounded whatever the
// program prints: past the byte cap, output is only scanned for newlines, and of each line only
// its end is kept (a timeout message printed after a flood is still seen); the rest is counted
// and dropped.

export type StreamName = 'stdout' | 'stderr';

export interface OutputLine {
  readonly stream: StreamName;
  /** Milliseconds since the program was started. */
  readonly atMs: number;
  readonly text: string;
}

export const outputLimits = {
  bytesPerStream: 1_000_000,
  keptLines: 2_000,
  lineChars: 2_000,
  tailLines: 40,
};

export class OutputCapture {
  readonly lines: OutputLine[] = [];
  readonly tail: OutputLine[] = [];
  readonly bytes: Record<StreamName, number> = { stdout: 0, stderr: 0 };
  private readonly partial: Record<StreamName, string> = { stdout: '', stderr: '' };
  private readonly decoders: Record<StreamName, StringDecoder> = {
    stdout: new StringDecoder('utf8'),
    stderr: new StringDecoder('utf8'),
  };
  private readonly listeners = new Set<(line: OutputLine) => void>();
  /** Past the byte cap: the last bytes of the current line. */
  private readonly overflowLine: Record<StreamName, Buffer> = { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) };

  constructor(private readonly now: () => number) {}

  get truncated(): boolean {
    return this.bytes.stdout > outputLimits.bytesPerStream || this.bytes.stderr > outputLimits.bytesPerStream;
  }

  write(stream: StreamName, chunk: Buffer): void {
    const before = this.bytes[stream];
    this.bytes[stream] += chunk.length;
    if (before >= outputLimits.bytesPerStream) {
      this.scanPastCap(stream, chunk);
      return;
    }
    const kept = chunk.subarray(0, outputLimits.bytesPerStream - before);
    if (kept.length < chunk.length) this.scanPastCap(stream, chunk.subarray(kept.length));
    const text = this.partial[stream] + this.decoders[stream].write(kept);
    const pieces = text.split('\n');
    this.partial[stream] = pieces.pop() ?? '';
    for (const piece of pieces) this.addLine(stream, piece);
    if (this.partial[stream].length > outputLimits.lineChars) {
      this.addLine(stream, this.partial[stream]);
      this.partial[stream] = '';
    }
  }

  private scanPastCap(stream: StreamName, chunk: Buffer): void {
    const lineEnd = (head: Buffer, piece: Buffer) =>
      piece.length >= outputLimits.lineChars ? piece.subarray(-outputLimits.lineChars) : Buffer.concat([head, piece]).subarray(-outputLimits.lineChars);
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      this.addLine(stream, lineEnd(this.overflowLine[stream], chunk.subarray(start, end)).toString('utf8'));
      this.overflowLine[stream] = Buffer.alloc(0);
      start = end + 1;
    }
    // A copy: the chunk itself must not be kept alive by a slice of it.
    this.overflowLine[stream] = Buffer.from(lineEnd(this.overflowLine[stream], chunk.subarray(start)));
  }

  /** Flushes an unterminated last line, once the program has ended. */
  finish(): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.partial[stream] + this.decoders[stream].end();
      this.partial[stream] = '';
      if (rest !== '') this.addLine(stream, rest);
    }
  }

  onLine(listener: (line: OutputLine) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private addLine(stream: StreamName, raw: string): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line: OutputLine = { stream, atMs: this.now(), text: text.slice(0, outputLimits.lineChars) };
    if (this.lines.length < outputLimits.keptLines) this.lines.push(line);
    this.tail.push(line);
    if (this.tail.length > outputLimits.tailLines) this.tail.shift();
    for (const listener of this.listeners) listener(line);
  }
}
