import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { repoRoot } from './processes.ts';

// A page as a person opens it: Debian's chromium (or Google Chrome), headless, with no network
// and a profile of the test's own. What the page holds after it is rendered, and a screenshot
// kept in test-results/ for a person to look at.

async function chromium(): Promise<string> {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = await execa('sh', ['-c', `command -v ${name}`], { reject: false });
    if (found.exitCode === 0) return String(found.stdout).trim();
  }
  throw new Error('chromium is needed for this test (.ci/run installs it: apt-get install chromium)');
}

const flags = (profile: string) => [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-extensions',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--user-data-dir=${profile}`,
];

/** The page's DOM once the browser has rendered it (and run its script, if it has one). */
export async function renderedDom(page: string, profile: string): Promise<string> {
  return String((await execa(await chromium(), [...flags(profile), '--dump-dom', pathToFileURL(page).href], { timeout: 60_000 })).stdout);
}

/** A screenshot of the page, kept as test-results/<name>; its size, to show that something was drawn. */
export async function keepScreenshot(page: string, profile: string, name: string, size = '1100,1800'): Promise<number> {
  const shot = path.join(profile, name);
  await execa(await chromium(), [...flags(profile), `--window-size=${size}`, `--screenshot=${shot}`, pathToFileURL(page).href], { timeout: 60_000 });
  if (!existsSync(shot)) return 0;
  mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  copyFileSync(shot, path.join(repoRoot, 'test-results', name));
  return statSync(shot).size;
}
