/**
 * Runs once before the end-to-end suite: builds both extensions (unless the caller has just built
 * them and says so with ZB_E2E_SKIP_BUILD=1), checks the browsers are installed, and starts the
 * fixture server whose address the tests get through inject('baseUrl').
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './chromium';
import { FIREFOX_PATH } from './firefox';
import { REPO_ROOT, startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    corpusTitles: Record<string, string>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  for (const path of [CHROMIUM_PATH, FIREFOX_PATH]) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run test/e2e/ensure-browsers.sh (as root)`);
  }
  if (process.env.ZB_E2E_SKIP_BUILD !== '1') {
    for (const args of [
      ['wxt', 'build'],
      ['wxt', 'build', '-b', 'firefox'],
    ]) {
      execFileSync('npx', args, { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }
  const server = await startServer();
  project.provide('baseUrl', server.url);
  project.provide('corpusTitles', Object.fromEntries(server.corpus.map((p) => [p.id, p.title])));
  return () => server.close();
}
