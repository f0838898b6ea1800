import { readFileSync } from 'node:fs';
import path from 'node:path';
import { clientChecks } from './client/checks/index.ts';
import { clientCodes, serverCodes, type DiagnosisCode } from './diagnoses.ts';
import type { Tier } from './result.ts';
import { builtInRubrics, kitRubric, timeoutPolicies, visibilities, type Rubric, type TierRule, type TimeoutPolicy, type Visibility } from './rubric.ts';
import { serverChecks } from './server/checks/index.ts';
import { SetupError } from './setup-error.ts';

// --rubric kit|classic|<file.json>. A rubric file starts from a built-in rubric ("base") and
// changes what it names; anything it names must exist, so a typo is an error, not a silent no-op.
//
//   { "name": "pemjar-2026", "base": "classic", "timeoutPolicy": "either", "accepts": ["verbose-reply"],
//     "tiers": { "protocol": { "required": true } },
//     "checks": { "idle-client": { "points": 4, "required": true, "visibility": "after_due_date" } } }

const tiers: readonly Tier[] = ['core', 'protocol', 'robustness', 'conventions'];
const checkIds = new Set([...serverChecks, ...clientChecks].map((check) => check.id));
const allCodes = new Set<unknown>([...serverCodes, ...clientCodes]);

type Rule = Partial<Pick<TierRule, 'required' | 'points' | 'visibility'>>;

export function loadRubric(nameOrFile: string, cwd: string): Rubric {
  const builtIn = builtInRubrics[nameOrFile];
  if (builtIn) return builtIn;
  const file = path.resolve(cwd, nameOrFile);
  const problem = (detail: string) => new SetupError({ kind: 'bad-rubric', file: nameOrFile, detail });
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw problem(code === 'ENOENT' ? 'no such file (built-in rubrics: kit, classic)' : `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(data)) throw problem('the file must hold a JSON object');
  const known = new Set(['name', 'base', 'timeoutPolicy', 'tiers', 'checks', 'accepts']);
  for (const key of Object.keys(data)) if (!known.has(key)) throw problem(`unknown field "${key}"`);
  const base = data.base === undefined ? kitRubric : builtInRubrics[String(data.base)];
  if (!base) throw problem(`"base" is kit or classic, not ${JSON.stringify(data.base)}`);
  if (data.timeoutPolicy !== undefined && !timeoutPolicies.includes(data.timeoutPolicy as TimeoutPolicy)) {
    throw problem(`"timeoutPolicy" is ${timeoutPolicies.join(', ')}, not ${JSON.stringify(data.timeoutPolicy)}`);
  }
  const accepts = data.accepts ?? base.accepts;
  if (!Array.isArray(accepts) || !accepts.every((code) => allCodes.has(code))) {
    throw problem('"accepts" must be a list of diagnosis codes (see docs/checks.md)');
  }
  const tierRules = readRules(data.tiers, 'tiers', (key) => tiers.includes(key as Tier), problem);
  const checkRules = readRules(data.checks, 'checks', (key) => checkIds.has(key), problem);
  return {
    name: typeof data.name === 'string' && data.name !== '' ? data.name : path.basename(file, '.json'),
    tiers: Object.fromEntries(tiers.map((tier) => [tier, { ...base.tiers[tier], ...tierRules[tier] }])) as Record<Tier, TierRule>,
    // A check's rule in the file adds to the base's rule for it, as a tier's does.
    checks: { ...base.checks, ...Object.fromEntries(Object.entries(checkRules).map(([id, rule]) => [id, { ...base.checks[id], ...rule }])) },
    timeoutPolicy: (data.timeoutPolicy as TimeoutPolicy | undefined) ?? base.timeoutPolicy,
    accepts: accepts as DiagnosisCode[],
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRules(value: unknown, field: string, isKnown: (key: string) => boolean, problem: (detail: string) => Error): Record<string, Rule> {
  if (value === undefined) return {};
  if (!isObject(value)) throw problem(`"${field}" must be an object`);
  const rules: Record<string, Rule> = {};
  for (const [key, rule] of Object.entries(value)) {
    if (!isKnown(key)) throw problem(`"${field}" names "${key}", which does not exist (see docs/checks.md)`);
    if (!isObject(rule)) throw problem(`"${field}.${key}" must be an object`);
    for (const [name, setting] of Object.entries(rule)) {
      if (name === 'required' && typeof setting === 'boolean') continue;
      if (name === 'points' && typeof setting === 'number' && Number.isInteger(setting) && setting >= 0) continue;
      if (name === 'visibility' && visibilities.includes(setting as Visibility)) continue;
      throw problem(`"${field}.${key}.${name}" must be "required" (true or false), "points" (a whole number, 0 or more) or "visibility" (${visibilities.join(', ')})`);
    }
    rules[key] = rule as Rule;
  }
  return rules;
}
