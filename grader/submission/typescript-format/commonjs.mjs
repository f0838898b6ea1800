// Whether a .ts file is written as CommonJS (require, module.exports, __dirname…): such a file
// runs as CommonJS, every other .ts file as an ES module (hooks.mjs, typescript-build.ts).
import { readFileSync } from 'node:fs';

const commonJsSigns = [/\brequire\s*\(/, /\bmodule\.exports\b/, /\bexports\.[\w$]+\s*=/, /\b__dirname\b/, /\b__filename\b/];

/** The code without its comments (roughly: `//` after a colon, as in a URL, is kept). */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');
}

export function isWrittenAsCommonJs(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  const code = withoutComments(text);
  return commonJsSigns.some((sign) => sign.test(code));
}
