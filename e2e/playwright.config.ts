import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// One fresh embedded database per run, shared by the workers through the environment.
if (!process.env.PALMA_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'palma-e2e-'));
  process.env.PALMA_E2E_DATA_DIR = dataDir;
  // Only the runner gets here (workers inherit the variable); it exits after stopping the server.
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}
/** A port nothing listens on (another Palma, a leftover server): asked of the OS once per run. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
process.env.PALMA_E2E_PORT ??= String(await freePort());
const port = Number(process.env.PALMA_E2E_PORT);
export const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 1,
  // One retry: a journey that passes only on its retry is reported as flaky in the list output.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromium,
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions: chromium },
      // Phone journeys rely on the phone layout (the 메뉴 button is hidden on a wide screen).
      grepInvert: /@phone/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 5'], viewport: { width: 360, height: 740 }, launchOptions: chromium },
      grep: /@phone/,
    },
  ],
  // Exactly what the README's `npm start` does: build, then serve on the embedded database.
  webServer: {
    command: 'npm start',
    cwd: '..',
    url: `${baseURL}/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // Let the server close the embedded database cleanly instead of being killed outright.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.PALMA_E2E_DATA_DIR,
      NODE_ENV: 'development',
    },
  },
});
