/** CPU and memory of the processes a benchmark runs, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sleep } from './stats.mjs';

/** utime + stime (and with `children`, cutime + cstime) of a process, in clock ticks. */
export function processTicks(pid, children = false) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
      ppid: Number(f[1]),
      ticks: Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0),
    };
  } catch {
    return null; // gone
  }
}

/** Resident memory of a process now (VmRSS) and at its peak so far (VmHWM), in MB; null when gone. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

const asList = (pids) => (pids == null ? [] : Array.isArray(pids) ? pids : [pids]);

/**
 * CPU seconds used so far: by the machine (busy), the server (one pid or several), PostgreSQL
 * (every postgres process, plus the postmaster's reaped children, so connections that ended count
 * too) and this process with its finished children (pgbench) and, with `loadPids`, the load
 * generator's other running processes. With `redis`, also every redis-server process.
 */
export function cpuSample(serverPid, { loadPids = [], redis = false } = {}) {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = fields.map(Number);
  const busy = n.reduce((a, b) => a + b, 0) - n[3] - n[4];
  const postgres = new Map();
  let redisTicks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = processTicks(name);
    if (p?.comm === 'postgres') postgres.set(Number(name), p);
    else if (redis && p?.comm === 'redis-server') redisTicks += p.ticks;
  }
  let pg = 0;
  for (const [pid, p] of postgres) {
    pg += postgres.has(p.ppid) ? p.ticks : (processTicks(pid, true)?.ticks ?? p.ticks);
  }
  // This process and its finished children (pgbench's client), and the load generator's workers.
  let self = processTicks('self', true).ticks;
  for (const pid of loadPids) self += processTicks(pid)?.ticks ?? 0;
  const server = asList(serverPid).reduce((a, pid) => a + (processTicks(pid)?.ticks ?? 0), 0);
  return {
    busy: busy / 100,
    server: server / 100,
    pg: pg / 100,
    self: self / 100,
    ...(redis ? { redis: redisTicks / 100 } : {}),
    at: performance.now(),
  };
}

/**
 * Waits until a server has finished what a phase left it (mails, broadcasts): its CPU use below
 * 5 % over a quarter of a second, for at most 20 s. Several pids: all of them. Returns the seconds waited.
 */
export async function settle(pids) {
  const list = asList(pids);
  const ticks = () => list.reduce((a, pid) => a + (processTicks(pid)?.ticks ?? 0), 0);
  const started = performance.now();
  while (performance.now() - started < 20_000) {
    const before = ticks();
    await sleep(250);
    if (ticks() - before <= list.length) break; // ticks are 10 ms
  }
  return (performance.now() - started) / 1000;
}

/** Shares of the phase's wall time, in % of one core; `other` is everything else on the machine. */
export function cpuShare(before, after, { loadLabel = 'load generator or pgbench client' } = {}) {
  const wall = (after.at - before.at) / 1000;
  const pct = (s) => Math.round((s / wall) * 100);
  const server = pct(after.server - before.server);
  const pg = pct(after.pg - before.pg);
  const self = pct(after.self - before.self);
  const redis = after.redis === undefined ? null : pct(after.redis - before.redis);
  const other = Math.max(0, pct(after.busy - before.busy) - server - pg - self - (redis ?? 0));
  const cores = availableParallelism() * 100;
  return {
    other,
    server,
    seconds: {
      server: after.server - before.server,
      pg: after.pg - before.pg,
      self: after.self - before.self,
      wall,
    },
    text:
      `server ${server} %, PostgreSQL ${pg} %, ${redis === null ? '' : `Redis ${redis} %, `}` +
      `${loadLabel} ${self} %, other processes ${other} % (of ${cores} %)`,
  };
}

/** A note when something else on the machine took a noticeable share of the CPU. */
export function noisyNote(phases) {
  const noisy = phases.filter(([, cpu]) => cpu.other >= 20);
  if (noisy.length === 0) return '';
  return (
    `\nNOTE: other processes used ${noisy.map(([name, cpu]) => `${cpu.other} % CPU during ${name}`).join(', ')}; ` +
    'these numbers are not those of an otherwise idle machine.'
  );
}
