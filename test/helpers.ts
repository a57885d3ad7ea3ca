import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import type { CheckResults } from '../src/conditions/outcome.js';
import type { InnovationInput } from '../src/index.js';

/** Reads a JSON fixture from test/fixtures. */
export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** A complete record that passes every criterion of the shipped rule sets. */
export function eligibleRecord(overrides: Record<string, unknown> = {}): InnovationInput {
  return { ...fixture<InnovationInput>('eligible.json'), ...overrides } as InnovationInput;
}

/** The record without the given fields. */
export function without(record: object, ...fields: string[]): InnovationInput {
  const copy: Record<string, unknown> = { ...record };
  for (const f of fields) delete copy[f];
  return copy as InnovationInput;
}

const root = new URL('../', import.meta.url).pathname;

/** Runs the CLI as a separate process, from source through tsx. */
export function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return cliWith({}, ...args);
}

/**
 * Runs the CLI as a separate process with extra environment variables. The child reports no
 * coverage: c8 merges its tsx-compiled copy of each file with the test workers' own copy by
 * byte offsets, which wipes out functions the workers did run. The CLI's code is counted
 * through the in-process tests (test/cli/readme.test.ts and others).
 */
export function cliWith(
  env: Record<string, string | undefined>,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', `${root}src/cli/main.ts`, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      env: {
        ...process.env,
        FORCE_COLOR: undefined,
        NO_COLOR: undefined,
        NODE_V8_COVERAGE: undefined,
        ...env,
      },
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI in this process (so that its code is counted), collecting what it writes. */
export async function runInProcess(
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { run } = await import('../src/cli/run.js');
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Debian's Chromium, which .ci/run installs. */
export const CHROMIUM = '/usr/bin/chromium';

/** Browser tests run wherever Chromium is installed, and always in CI (where it must be). */
export const canRunChromium = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRunChromium) {
  console.warn(
    `Browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium); in CI they always run.`,
  );
}

/** Launches Debian's Chromium headless through playwright-core (never a downloaded browser). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium keeps dialling out on a closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Builds one of the Vite pages in `examples/` into a temporary folder and serves it on
 * 127.0.0.1; `close` stops the server.
 */
export async function serveExample(
  name: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { build, preview } = await import('vite');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const configFile = join(root, 'examples', name, 'vite.config.ts');
  const outDir = mkdtempSync(join(tmpdir(), `inovasi-${name}-`));
  await build({ configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    configFile,
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  return {
    url: server.resolvedUrls?.local[0] as string,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}

/**
 * Builds and serves an example page and opens it in Chromium: the page, the errors it reports
 * (uncaught and `console.error`), a screenshot into `test-results/`, and one `close()`.
 */
export async function openExample(
  name: string,
  viewport = { width: 1280, height: 800 },
): Promise<{
  page: import('playwright-core').Page;
  errors: string[];
  screenshot: (file: string) => Promise<void>;
  close: () => Promise<void>;
}> {
  const { mkdirSync } = await import('node:fs');
  const server = await serveExample(name);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(server.url);
  const results = new URL('../test-results/', import.meta.url).pathname;
  return {
    page,
    errors,
    screenshot: async (file) => {
      mkdirSync(results, { recursive: true });
      await page.screenshot({ path: `${results}${file}`, fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Check results that count the questions asked of them (`asked()`), answering from `real`. */
export function countingResults(real: CheckResults): CheckResults & { asked(): number } {
  let asked = 0;
  return {
    status: (id) => {
      asked += 1;
      return real.status(id);
    },
    outcome: (id) => {
      asked += 1;
      return real.outcome(id);
    },
    asked: () => asked,
  };
}
