// How a submission's .ts file is read: as an ES module wherever it lives (lab contract §4).
//
// tsx reads a .ts file as its nearest package.json says: with "type": "module" (the kit's own) as
// an ES module, and otherwise as CommonJS, where top-level await (which the client stub asks for)
// cannot run (ERR_REQUIRE_ASYNC_MODULE). A submission handed in as a bare folder has no
// package.json above it, or one from `npm init` (no "type", or "type": "commonjs") that says
// nothing about how its author ran it. So a .ts file that tsx would read as CommonJS is read as
// an ES module instead, unless it is written as CommonJS (require, module.exports, __dirname…):
// then tsx's choice stands, and `const net = require('net')` runs as before. `.mts` and `.cts`
// say their format themselves and are left alone; `.js` files follow Node's own rules.
// Nothing is written anywhere: the submission's folder may be read-only (--sandbox).
import { fileURLToPath } from 'node:url';
import { isWrittenAsCommonJs } from './commonjs.mjs';

/**
 * The file behind a URL that tsx resolved: for a CommonJS file imported by an ES module, tsx adds
 * a query to the path itself (util.ts%3Ftsx-…?tsx-…), which an ES module does not need.
 */
function plainFileUrl(resolved) {
  const url = new URL(resolved);
  const virtual = url.search.includes('tsx-') ? url.pathname.toLowerCase().indexOf('%3f') : -1;
  if (virtual !== -1) url.pathname = url.pathname.slice(0, virtual);
  url.search = '';
  return url;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (resolved.format !== 'commonjs' || !resolved.url.startsWith('file:')) return resolved;
  const url = plainFileUrl(resolved.url);
  if (!url.pathname.endsWith('.ts') || url.pathname.includes('/node_modules/')) return resolved;
  return isWrittenAsCommonJs(fileURLToPath(url)) ? resolved : { ...resolved, url: url.href, format: 'module' };
}
