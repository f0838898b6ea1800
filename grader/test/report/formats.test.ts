import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../helpers/grade-fixture.ts';
import { repoRoot } from '../helpers/processes.ts';

// Every format from one run (--report NAME=FILE, repeatable, and --json): each file valid for
// the tools that read it (JUnit against the schema Jenkins and GitLab read, Gradescope's
// results.json against a schema written from its specification), and all of them telling the
// same story as the JSON: the same checks, statuses, points and codes. Graded: a Python server
// that strips the message (one known mistake, and a client), and a hostile one that sends and
// prints control sequences, fake PASS lines and markup, which every format must carry inert.

const scratch = mkdtempSync(path.join(tmpdir(), 'lab-test-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const schemas = path.join(repoRoot, 'grader/test/schemas');
const gradescopeSchema = JSON.parse(readFileSync(path.join(schemas, 'gradescope-results.schema.json'), 'utf8'));

interface Json {
  score: number;
  passed: boolean;
  maxScore: number;
  checks: { id: string; part: string; status: string; points: number; maxPoints: number; diagnoses: string[] }[];
}

async function everyFormat(folder: string, name: string) {
  const file = (ext: string) => path.join(scratch, `${name}.${ext}`);
  const run = await runCli([folder, '--quick', '--lang', 'en', '--report', `junit=${file('xml')}`, '--report', `gradescope=${file('gradescope.json')}`, '--report', `markdown=${file('md')}`, '--report', `classroom=${file('classroom')}`, '--report', `html=${file('html')}`, '--json', file('json')]);
  const read = (ext: string) => readFileSync(file(ext), 'utf8');
  return { run, junitFile: file('xml'), junit: read('xml'), gradescope: JSON.parse(read('gradescope.json')), markdown: read('md'), html: read('html'), classroom: read('classroom').trim(), json: JSON.parse(read('json')) as Json };
}

/** The <testcase>s of a JUnit file, with what they hold, read with a regular expression (the schema has checked the shape). */
function testcases(xml: string) {
  return [...xml.matchAll(/<testcase name="([^":]+): [^"]*" classname="(\w+)" time="[\d.]+"(\/>|>([\s\S]*?)<\/testcase>)/g)].map(([, id, part, , body = '']) => ({
    id,
    part,
    outcome: /<(failure|error|skipped)\b/.exec(body)?.[1] ?? 'passed',
    message: /<(?:failure|error|skipped) message="([^"]*)"/.exec(body)?.[1],
  }));
}

describe.concurrent('every format from one run', () => {
  test.each([
    ['a Python server that strips the message, with a client', 'grader/test/fixtures/fakes/strips-message'],
    ['the solutions (TypeScript)', 'solutions'],
  ])('%s: valid files that tell the same story', async (_, folder) => {
    const formats = await everyFormat(path.join(repoRoot, folder), folder.replace(/\W+/g, '-'));
    expect(formats.run.exitCode, String(formats.run.stderr)).toBeLessThan(2);
    const { json } = formats;

    // JUnit: valid, one test case per check, failures and skips where the JSON has them.
    const lint = await execa('xmllint', ['--noout', '--schema', path.join(schemas, 'junit.xsd'), formats.junitFile], { reject: false });
    expect(lint.exitCode, String(lint.stderr)).toBe(0);
    const cases = testcases(formats.junit);
    expect(cases.map((c) => `${c.part}/${c.id}`)).toEqual(json.checks.map((check) => `${check.part}/${check.id}`));
    for (const [i, check] of json.checks.entries()) {
      const expected = check.status === 'fail' ? 'failure' : check.status === 'skip' ? 'skipped' : 'passed';
      expect(cases[i]?.outcome, check.id).toBe(expected);
      if (check.status === 'fail') expect(cases[i]?.message).toBe(check.diagnoses.join(', '));
    }

    // Gradescope: valid, the score the JSON has, each test's points and codes.
    const ajv = new Ajv({ allErrors: true });
    expect(ajv.validate(gradescopeSchema, formats.gradescope), ajv.errorsText(ajv.errors)).toBe(true);
    expect(formats.gradescope.score).toBe(json.score);
    expect(formats.gradescope.tests.map((t: { score: number; max_score: number; tags: string[] }) => [t.score, t.max_score, t.tags])).toEqual(
      json.checks.map((check) => [check.points, check.maxPoints, check.diagnoses]),
    );
    expect(formats.gradescope.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0)).toBe(json.score);

    // GitHub Classroom: read as its grading reporter reads a runner's result (base64 of JSON in
    // <RUNNER>_RESULTS), the points it would send (the tests' scores against max_score) are the grade's.
    const env: Record<string, string> = { 'LAB-GRADE_RESULTS': formats.classroom };
    const classroom = JSON.parse(Buffer.from(env['lab-grade'.toUpperCase() + '_RESULTS'] ?? '', 'base64').toString('utf8'));
    expect(classroom).toMatchObject({ version: 1, status: json.passed ? 'pass' : 'fail', max_score: json.maxScore });
    expect(classroom.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0)).toBe(json.score);
    expect(classroom.tests.map((t: { status: string }) => t.status)).toEqual(json.checks.map((check) => (check.status !== 'fail' && check.points === check.maxPoints ? 'pass' : 'fail')));
    for (const [i, check] of json.checks.entries()) for (const code of check.diagnoses) expect(classroom.tests[i].message).toContain(code);

    // Markdown: the score, a row per check, and each failure's codes.
    expect(formats.markdown).toContain(`**Score ${json.score}/${json.maxScore}`);
    for (const check of json.checks) expect(formats.markdown).toContain(`\`${check.id}\` | ${check.points}/${check.maxPoints} |`);
    for (const code of json.checks.flatMap((check) => check.diagnoses)) expect(formats.markdown).toContain(`\`${code}\``);
  });

  test('what a hostile program sends and prints stays inert in every format', async () => {
    const formats = await everyFormat(path.join(repoRoot, 'grader/test/fixtures/hostile/fake-pass-and-escapes'), 'hostile');
    const lint = await execa('xmllint', ['--noout', '--schema', path.join(schemas, 'junit.xsd'), formats.junitFile], { reject: false });
    expect(lint.exitCode, String(lint.stderr)).toBe(0);
    // No control character reaches any file (XML forbids them; a Markdown viewer or a terminal would act on them).
    for (const text of [formats.junit, formats.markdown, formats.html, JSON.stringify(formats.gradescope)]) expect(text).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]/);
    // The lab report: markup it sent or printed is text; the only tags are the report's own.
    expect(formats.html).not.toMatch(/<(?!\/?(?:html|head|meta|title|style|body|h1|h2|h3|dl|dt|dd|code|p|table|thead|tbody|tr|th|td|ul|li|span|figure|figcaption|svg|defs|marker|path|rect|text|line)\b)[a-z]/i);
    // In a mermaid block, its bytes are entity codes: no ; or # of its own to end or start anything.
    const mermaid = formats.markdown.split('```mermaid')[1]?.split('```')[0] ?? '';
    expect(mermaid).toContain('sequenceDiagram');
    for (const line of mermaid.split('\n').filter((l) => /^ {2}[GP]/.test(l))) expect(line.slice(line.indexOf(': ') + 2).replace(/#\d+;/g, '')).not.toMatch(/[;#<>]/);
    expect(formats.gradescope.tests.find((t: { tags: string[] }) => t.tags.includes('wrong-count'))).toBeDefined();
    // Its fake PASS lines are quoted inside code blocks, never a line of the report's own.
    expect(formats.markdown).not.toMatch(/^PASS\b/m);
    expect(formats.markdown).not.toMatch(/^Score 48\/48/m);
  });
});

describe('--report on the command line', () => {
  test('one format in place of the terminal report: standard output is that format alone', async () => {
    const run = await runCli([path.join(repoRoot, 'solutions/python'), '--quick', '--lang', 'en', '--report', 'junit']);
    expect(run.exitCode).toBe(0);
    const lint = await execa('xmllint', ['--noout', '--schema', path.join(schemas, 'junit.xsd'), '-'], { input: String(run.stdout), reject: false });
    expect(lint.exitCode, String(lint.stderr)).toBe(0);
  });

  test.each([
    [['--report', 'pdf'], '--report pdf: no such format (terminal, json, junit, markdown, gradescope, classroom, html).'],
    [['--report', 'junit', '--report', 'markdown'], "--report junit, markdown: only one format can take the terminal report's place; give the others a file (--report NAME=FILE)."],
    [['--report', 'junit='], 'The option --report needs a value (see npm run grade -- --help).'],
    // Files in the test's scratch folder: a run that cannot grade still writes its error JSON.
    [['--class', 'grader/test/fixtures/fakes', '--report', `junit=${path.join(scratch, 'class.xml')}`], "In a class grade --report takes a format's name only (--report junit: every student's folder gets report.xml); --json FILE and --report NAME=FILE are for one submission."],
    [['--class', 'grader/test/fixtures/fakes', '--json', path.join(scratch, 'class.json')], "In a class grade --report takes a format's name only (--report junit: every student's folder gets report.xml); --json FILE and --report NAME=FILE are for one submission."],
  ])('%j is one line and exit status 2', async (args, line) => {
    const run = await runCli([...(args.includes('--class') ? [] : ['solutions']), ...args, '--lang', 'en']);
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr).trim()).toBe(line);
  });
});

describe("Gradescope's visibility, from a rubric file", () => {
  test('a check or a whole tier can stay hidden, or wait for the due date, and a wrong value is one line', async () => {
    const rubric = path.join(scratch, 'course.json');
    writeFileSync(rubric, JSON.stringify({ name: 'pemjar', tiers: { robustness: { visibility: 'hidden' } }, checks: { 'idle-timeout': { visibility: 'after_due_date' } } }));
    const json = path.join(scratch, 'visibility.json');
    const run = await runCli([path.join(repoRoot, 'solutions/python'), '--quick', '--lang', 'en', '--rubric', rubric, '--report', 'gradescope', '--json', json]);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    const tiers = new Map((JSON.parse(readFileSync(json, 'utf8')) as { checks: { id: string; tier: string }[] }).checks.map((check) => [check.id, check.tier]));
    const tests = (JSON.parse(String(run.stdout)) as { tests: { name: string; visibility: string }[] }).tests;
    for (const t of tests) {
      const id = /\(([\w-]+)\)$/.exec(t.name)?.[1] ?? '';
      expect(t.visibility, id).toBe(id === 'idle-timeout' ? 'after_due_date' : tiers.get(id) === 'robustness' ? 'hidden' : 'visible');
    }
    expect(tests.some((t) => t.visibility === 'hidden')).toBe(true);

    writeFileSync(rubric, JSON.stringify({ checks: { 'idle-timeout': { visibility: 'later' } } }));
    const wrong = await runCli(['solutions', '--rubric', rubric, '--lang', 'en']);
    expect(wrong.exitCode).toBe(2);
    expect(String(wrong.stderr)).toContain('"visibility" (visible, hidden, after_due_date, after_published)');
  });
});
