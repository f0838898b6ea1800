import { describe, expect, test } from 'vitest';
import { catalogues } from '../../i18n/index.ts';
import { noColors } from '../../report/colors.ts';
import { renderJson } from '../../report/json.ts';
import { renderTerminal } from '../../report/terminal.ts';
import type { CheckResult, GradeResult } from '../../result.ts';

// A sample result, as a grade of a server that counts bytes would produce it.
const sample: GradeResult = {
  rubric: 'kit',
  score: 3,
  maxScore: 6,
  passed: false,
  seed: 7,
  quick: true,
  idleTimeoutSeconds: 2,
  idleToleranceSeconds: 0.5,
  submission: { folder: '/tmp/sub', server: 'server.py (Python 3.11.7)', serverLanguage: 'python' },
  durationMs: 2500,
  isolation: { kind: 'pid-namespace' },
  network: { copiesOnFixedPort: 'own', notes: [] },
  portsLeftBound: [],
  analysis: { startupMs: 120, port: 40001, portSource: 'env', replyLatenciesMs: [1, 2, 3] },
  checks: [
    {
      id: 'starts-listening', part: 'server', tier: 'core', status: 'pass', required: true, points: 3, maxPoints: 3, visibility: 'visible',
      diagnoses: [], severities: {}, evidence: [], exchanges: [], output: [], durationMs: 120,
    },
    {
      id: 'counts-emoji', part: 'server', tier: 'core', status: 'fail', required: true, points: 0, maxPoints: 3, visibility: 'visible',
      diagnoses: ['counts-bytes'],
      severities: { 'counts-bytes': 'error' },
      evidence: [
        { key: 'message-size', values: { chars: 3, bytes: 6, utf16: 4 } },
        { key: 'expected-count', values: { expected: 3, got: 6 } },
      ],
      exchanges: [
        {
          label: 'message',
          exchange: {
            events: [
              { kind: 'connect', atMs: 0.2, host: '127.0.0.1' },
              { kind: 'send', atMs: 0.4, bytesBase64: Buffer.from('a👋\r').toString('base64'), byteLength: 6 },
              { kind: 'half-close', atMs: 0.5 },
              { kind: 'receive', atMs: 1.5, bytesBase64: Buffer.from('6\n').toString('base64'), byteLength: 2 },
              { kind: 'server-closed', atMs: 1.6 },
            ],
            connected: true, reply: Buffer.from('6\n'), repliedBeforeMessageEnd: false, reset: false, endedAtMs: 1.7, startedAt: 0,
          },
        },
      ],
      output: [{ stream: 'stdout', atMs: 5, text: 'FAIL\rPASS' }],
      durationMs: 4,
    },
  ],
};

describe('the terminal report', () => {
  test('with --verbose, shows under every failure what was sent and received, escaped, the expectation, the diagnosis, why and a hint', () => {
    const text = renderTerminal(sample, { text: catalogues.en, colors: noColors, repeatCommand: 'npm run grade -- sub --seed 7 --quick', folderLabel: 'sub', verbose: true });
    expect(text).toMatchInlineSnapshot(`
      "Lab "Client–Server (single thread)" · grader
      Grading sub · server.py (Python 3.11.7)
      seed 7 · quick grade (SOCKET_TIMEOUT=2) · rubric kit

      Server
        PASS   3/3  Starts and accepts connections · starts-listening
        FAIL   0/3  Counts each emoji as one character · counts-emoji
              the message: 3 characters, 6 bytes in UTF-8, 4 UTF-16 units
              client
                  +0.2 ms  connected 127.0.0.1
                  +0.4 ms  sent "a👋\\r" (6 bytes)
                  +0.5 ms  half-closed (end of message)
                  +1.5 ms  received "6\\n" (2 bytes)
                  +1.6 ms  server closed
              expected 3, got 6
              what the program printed (last lines, escaped):
                stdout │ FAIL\\rPASS
              counts-bytes: The reply is the number of UTF-8 bytes, not the number of characters.
                why: The length of the raw bytes was taken: len(data) on the bytes from recv().
                what to do: Decode first, then count: len(data.decode("utf-8", errors="replace")).
              (core, required, 4 ms)

      Analysis · what the grader measured
        start-up: listening 0.12 s after start, on the port given in PORT (40001)
        reply time: median 2.0 ms, slowest 3.0 ms, over 3 messages

      Score 3/6 · NOT PASSED: required checks failed: counts-emoji
      Quick grade: the final grade uses the default 10 s timeout; run without --quick before handing in.
      Repeat this run with the same messages: npm run grade -- sub --seed 7 --quick
      "
    `);
  });

  test('by default says what to fix first, each cause once, accepted differences in a line, and the passed checks in one', () => {
    const [listening, emoji] = sample.checks as [CheckResult, CheckResult];
    const sameCause: CheckResult = { ...emoji, id: 'counts-cjk', evidence: [{ key: 'expected-count', values: { expected: 2, got: 6 } }], output: [] };
    const accepted: CheckResult = { ...listening, id: 'counts-ascii', status: 'warn', diagnoses: ['reply-without-newline'], severities: { 'reply-without-newline': 'accepted' } };
    const closes: CheckResult = { ...listening, id: 'closes-after-reply', tier: 'protocol', points: 2, maxPoints: 2 };
    const result: GradeResult = { ...sample, score: 8, maxScore: 14, checks: [listening, accepted, emoji, sameCause, closes] };
    const text = renderTerminal(result, { text: catalogues.en, colors: noColors, repeatCommand: 'npm run grade -- sub --seed 7 --quick', folderLabel: 'sub' });
    expect(text).toMatchInlineSnapshot(`
      "Lab "Client–Server (single thread)" · grader
      Grading sub · server.py (Python 3.11.7)
      seed 7 · quick grade (SOCKET_TIMEOUT=2) · rubric kit

      Fix this first (Server)
        FAIL   0/3  Counts each emoji as one character · counts-emoji
              the message: 3 characters, 6 bytes in UTF-8, 4 UTF-16 units
              client
                  +0.2 ms  connected 127.0.0.1
                  +0.4 ms  sent "a👋\\r" (6 bytes)
                  +0.5 ms  half-closed (end of message)
                  +1.5 ms  received "6\\n" (2 bytes)
                  +1.6 ms  server closed
              expected 3, got 6
              what the program printed (last lines, escaped):
                stdout │ FAIL\\rPASS
              counts-bytes: The reply is the number of UTF-8 bytes, not the number of characters.
                what to do: Decode first, then count: len(data.decode("utf-8", errors="replace")).
                more, with an example: npm run grade -- --explain counts-bytes

      Server
        WARN   3/3  Counts a plain ASCII message · counts-ascii · reply-without-newline
              reply-without-newline (accepted): The reply is the right number but has no "\\n" after it: accepted.
        FAIL   0/3  Counts each emoji as one character · counts-emoji · counts-bytes (shown above: fix this first)
        FAIL   0/3  Counts Chinese, Japanese and Korean characters · counts-cjk · counts-bytes (the same cause as counts-emoji)
        PASS   5/5  2 checks: starts-listening, closes-after-reply

      Analysis · what the grader measured
        start-up: listening 0.12 s after start, on the port given in PORT (40001)
        reply time: median 2.0 ms, slowest 3.0 ms, over 3 messages

      Score 8/14 · NOT PASSED: required checks failed: counts-emoji, counts-cjk
      Quick grade: the final grade uses the default 10 s timeout; run without --quick before handing in.
      Every check in full (each transcript, why each code happens): add --verbose. One code in full, with an example: --explain CODE.
      Repeat this run with the same messages: npm run grade -- sub --seed 7 --quick
      "
    `);
  });

  test('is in Bahasa Indonesia with the Indonesian catalogue', () => {
    const text = renderTerminal(sample, { text: catalogues.id, colors: noColors, repeatCommand: 'x', folderLabel: 'sub' });
    expect(text).toContain('GAGAL');
    expect(text).toContain('Balasannya adalah jumlah byte UTF-8, bukan jumlah karakter.');
    expect(text).toContain('BELUM LULUS');
  });
});

describe('the JSON results', () => {
  test('hold the fields of lab contract §8, with the submission\'s bytes escaped', () => {
    const json = JSON.parse(renderJson(sample, catalogues.en));
    expect(json).toMatchObject({ rubric: 'kit', score: 3, maxScore: 6, passed: false, seed: 7 });
    expect(json.checks[1]).toMatchObject({
      id: 'counts-emoji', part: 'server', title: 'Counts each emoji as one character', status: 'fail',
      required: true, points: 0, maxPoints: 3, diagnoses: ['counts-bytes'], durationMs: 4,
    });
    expect(json.checks[1].transcript[0].events[1].bytes).toBe('"a👋\\r"');
    expect(json.checks[1].output[0].text).toBe('FAIL\\rPASS');
  });
});
