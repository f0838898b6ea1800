import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderChecksCatalogue } from './checks-catalogue.ts';

const target = path.resolve(import.meta.dirname, '../../docs/checks.md');
writeFileSync(target, renderChecksCatalogue());
process.stdout.write(`wrote ${target}\n`);
