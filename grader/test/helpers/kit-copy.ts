import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './processes.ts';

/**
 * A copy of the kit's `parts` in `kit`, linked file by file where the file system allows it (a
 * copy otherwise). Its files are the kit's own: replace one (unlink, then write), never write
 * into it.
 */
export function linkedKitCopy(kit: string, parts: readonly string[]): string {
  mkdirSync(kit);
  for (const part of parts) {
    const linked = spawnSync('cp', ['-al', path.join(repoRoot, part), kit]);
    if (linked.status !== 0) cpSync(path.join(repoRoot, part), path.join(kit, part), { recursive: true });
  }
  return kit;
}
