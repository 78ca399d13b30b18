/** The built server (server/dist/main.js) as a child process of a benchmark. */
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.mjs';

/** The repository root. */
export const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * A free-looking port in 20000–31999: below Linux's ephemeral range (32768–60999 by default), so
 * thousands of client sockets cannot have taken it.
 */
export const randomPort = () => 20000 + Math.floor(Math.random() * 12000);

/**
 * Starts server/dist/main.js with NODE_ENV=production on `dbUrl` (it migrates the database) and
 * waits for /health. `redisUrl` empty: in-memory pub/sub. BENCH_SERVER_NODE_ARGS passes node
 * options (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server).
 */
export async function startServer({ dbUrl, secret, pool, port, redisUrl = '', env = {} }) {
  // A random port may still be taken: try another (a port asked for is tried once).
  for (let attempt = 1; ; attempt++) {
    let chosen = port;
    // A random port must be free now (else /health could answer from someone else's server).
    while (chosen === undefined) {
      const candidate = randomPort();
      if (await isFree(candidate)) chosen = candidate;
    }
    try {
      return await startOnce({ dbUrl, secret, pool, port: chosen, redisUrl, env });
    } catch (error) {
      if (port !== undefined || attempt === 3) throw error;
    }
  }
}

function isFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function startOnce({ dbUrl, secret, pool, port, redisUrl, env }) {
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'server/dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: secret,
      DATABASE_URL: dbUrl,
      DATABASE_POOL_SIZE: String(pool),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      REDIS_URL: redisUrl,
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return { port, child };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) break;
    await sleep(250);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Which server was measured: the commit, and whether server/ had uncommitted changes. */
export function serverVersion() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
  const dirty = git('status', '--porcelain', '--', 'server/src').length > 0;
  const built = statSync(join(root, 'server/dist/main.js'))
    .mtime.toISOString()
    .slice(0, 16)
    .replace('T', ' ');
  return `${commit}${dirty ? ' + uncommitted server changes' : ''}, server/dist built ${built} UTC`;
}
