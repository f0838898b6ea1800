import { describe, expect, test } from 'vitest';
import { escapeBytes, escapeText } from '../../report/escape.ts';

describe('what a submission sends or prints is shown escaped', () => {
  test('a carriage return cannot overwrite a verdict', () => {
    expect(escapeText('FAIL\rPASS')).toBe('"FAIL\\rPASS"');
  });

  test('terminal escape sequences and bidirectional overrides are made visible', () => {
    expect(escapeText('\u001b[2Jhi\u202egnp.exe')).toBe('"\\x1b[2Jhi\\u{202e}gnp.exe"');
  });

  test('text in any script stays readable, and quotes and backslashes are escaped', () => {
    expect(escapeBytes(Buffer.from('héllo こんにちは 👋 "q" \\'))).toBe('"héllo こんにちは 👋 \\"q\\" \\\\"');
  });

  test('bytes that are not UTF-8 are shown one by one', () => {
    expect(escapeBytes(Buffer.from([0x68, 0xff, 0xc3, 0x28, 0x0a]))).toBe('"h\\xff\\xc3(\\n"');
  });

  test('long text is cut with an ellipsis', () => {
    expect(escapeText('x'.repeat(10), 4)).toBe('"xxxx…"');
  });
});
