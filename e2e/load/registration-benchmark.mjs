#!/usr/bin/env node
/**
 * Registration-rush benchmark: the real server (GraphQL, session cookie, the registration
 * transaction) on a private PostgreSQL database, with pgbench running the same SQL in the same run
 * as the peer, and a correctness checker over the database afterwards.
 *
 *   npm run build && node e2e/load/registration-benchmark.mjs
 *     [--people 5000] [--seats 300] [--concurrency 256] [--pool 20] [--rate 1000] [--seconds 10]
 *     [--naive] [--keep-db]
 *
 * Phases: warm-up; "rush" (every person registers for one session at once, with at most
 * --concurrency requests in flight; ~3 % double-click, ~3 % of the confirmed cancel); pgbench
 * (the registration path's SQL, taken from server/dist so it cannot drift, on a fresh session of
 * the same capacity, as many clients as the server has pool connections); "open loop" (--rate
 * registrations/s for --seconds on a fixed schedule, latency counted from the scheduled send
 * time). --naive replaces the server by a careless read-then-insert registration with the
 * database's count trigger switched off, to show that the checker catches overbooking.
 *
 * Needs PostgreSQL (PG_SERVER_URL, default postgres://postgres@127.0.0.1:5432, superuser) and
 * pgbench on PATH. BENCH_SERVER_NODE_ARGS passes node options to the server (e.g. --cpu-prof).
 * Prints tables; asserts nothing about time. Exits non-zero when an invariant
 * fails or a request errs (not for --naive, whose point is to fail the invariants).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuSample, cpuShare, noisyNote, settle } from './lib/cpu.mjs';
import { createDatabase, createSignedInPeople, pg, pgAddress } from './lib/db.mjs';
import { graphqlRequester } from './lib/graphql-http.mjs';
import { root, serverVersion, startServer as startBuiltServer, stopServer } from './lib/server.mjs';
import { countError, errorLines, fmt, latencyColumns, shuffled, sleep, table } from './lib/stats.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive whole number`);
  return value;
}
const OPT = {
  people: option('people', 5000),
  seats: option('seats', 300),
  concurrency: option('concurrency', 256),
  pool: option('pool', 20),
  rate: option('rate', 1000),
  seconds: option('seconds', 10),
  naive: process.argv.includes('--naive'),
  keepDb: process.argv.includes('--keep-db'),
};
const DOUBLE_CLICK_SHARE = 0.03;
const CANCEL_SHARE = 0.03;
const WARM_UP_PEOPLE = 600;
/** pgbench on one hot row varies from run to run (WAL flushes, scheduling): take the median of a few. */
const PGBENCH_RUNS = 3;
const WARM_UP_SEATS = 100;
const OPEN_LOOP_PEOPLE = OPT.rate * OPT.seconds;
/** About 1,000 registrations per open-loop session, so most of them wait (the waitlist path). */
const OPEN_LOOP_SESSIONS = Math.max(1, Math.ceil(OPEN_LOOP_PEOPLE / 1000));
const SESSION_SECRET = randomBytes(32).toString('hex');

const REGISTER = `mutation($s: ID!) { registerForSession(sessionId: $s) { id status } }`;
const CANCEL = `mutation($r: ID!) { cancelRegistration(registrationId: $r) { id status } }`;

// ---------------------------------------------------------------------------------------------
// The registration path's SQL, from the built server

/** The statements the service runs, read from server/dist (so the pgbench peer cannot drift). */
async function registrationSql() {
  const dist = join(root, 'server/dist/modules/events');
  let sql;
  try {
    sql = await import(pathToFileURL(join(dist, 'registration.sql.js')).href);
  } catch {
    throw new Error('server/dist is missing: run "npm run build" first');
  }
  // Drift guard: RegistrationsService.register hands the person to a Coalescer, whose work runs
  // REGISTER_BATCH_SQL on its own (autocommit) with the session and the people queued for it;
  // register() itself runs no other statement. Read from the built service.
  const service = readFileSync(join(dist, 'registrations.service.js'), 'utf8');
  const start = service.indexOf('    async register(');
  const register = start < 0 ? '' : service.slice(start, service.indexOf('\n    async ', start + 1));
  const call = /runAlone\(this\.dataSource, '[a-z_]+', REGISTER_BATCH_SQL, \[([^\]]*)\]/.exec(service);
  const args = call?.[1]
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const statements = [...new Set([...register.matchAll(/\b[A-Z_]+_SQL\b/g)].map((x) => x[0]))];
  if (
    !sql.REGISTER_BATCH_SQL ||
    !/this\.batches\.run\(sessionId, viewer\.personId\)/.test(register) ||
    args?.join() !== 'sessionId,personIds,null' ||
    statements.length > 0
  ) {
    throw new Error(
      `the registration path in registrations.service.js changed (batch values ${args}, other statements ${statements}): ` +
        'update the pgbench peer in this file',
    );
  }
  return { batch: sql.REGISTER_BATCH_SQL };
}

// ---------------------------------------------------------------------------------------------
// Database and server (helpers in lib/)

const startServer = (dbUrl) => startBuiltServer({ dbUrl, secret: SESSION_SECRET, pool: OPT.pool });

/** People with a signed-in browser each: rows written the way SessionsService.create writes them. */
const createPeople = (db, departmentId, prefix, count, roles = '{EMPLOYEE}') =>
  createSignedInPeople(db, { secret: SESSION_SECRET, departmentId, prefix, count, roles });

async function setUp(db) {
  const [{ id: departmentId }] = (
    await db.query(
      `INSERT INTO departments (code, name_ko, name_en) VALUES ('BENCH', '벤치부', 'Bench') RETURNING id`,
    )
  ).rows;
  const [organiser] = await createPeople(db, departmentId, 'ORG', 1, '{TRAINER}');
  const [{ id: eventId }] = (
    await db.query(
      `INSERT INTO events (title_ko, title_en, kind, status, registration_opens_at, registration_closes_at,
                           first_starts_at, last_ends_at, created_by_id, published_at)
       VALUES ('등록 폭주 벤치마크', 'Registration rush benchmark', 'CONCERT', 'PUBLISHED', now() - interval '1 hour',
               now() + interval '1 day', now() + interval '2 days', now() + interval '2 days 2 hours', $1, now())
       RETURNING id`,
      [organiser.id],
    )
  ).rows;
  const session = async (capacity) =>
    (
      await db.query(
        `INSERT INTO event_sessions (event_id, starts_at, ends_at, capacity)
         VALUES ($1, now() + interval '2 days', now() + interval '2 days 2 hours', $2) RETURNING id`,
        [eventId, capacity],
      )
    ).rows[0].id;
  const sessions = {
    warmUp: await session(WARM_UP_SEATS),
    rush: await session(OPT.seats),
    pgbench: [],
    pgbenchBatched: [],
    open: [],
  };
  for (let i = 0; i < PGBENCH_RUNS; i++) sessions.pgbench.push(await session(OPT.seats));
  for (let i = 0; i < PGBENCH_RUNS; i++) sessions.pgbenchBatched.push(await session(OPT.seats));
  for (let i = 0; i < OPEN_LOOP_SESSIONS; i++) sessions.open.push(await session(OPT.seats));
  const people = {
    warmUp: await createPeople(db, departmentId, 'W', WARM_UP_PEOPLE),
    rush: await createPeople(db, departmentId, 'R', OPT.people),
    open: OPT.naive ? [] : await createPeople(db, departmentId, 'O', OPEN_LOOP_PEOPLE),
  };
  // pgbench looks its next person up by number (one indexed read, like the server's cookie lookup).
  await db.query(`CREATE TABLE bench_people (n integer PRIMARY KEY, id uuid NOT NULL)`);
  await db.query(`CREATE SEQUENCE bench_seq`);
  await db.query(
    `INSERT INTO bench_people SELECT v.n, v.id FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, n)`,
    [people.rush.map((p) => p.id)],
  );
  await db.query('ANALYZE');
  return { sessions, people };
}

// ---------------------------------------------------------------------------------------------
// Load

/** A GraphQL client over keep-alive HTTP/1.1 connections; resolves { ok, data } or { ok: false, error }. */
function graphqlClient(port, maxSockets) {
  const { call, close } = graphqlRequester(port, maxSockets);
  return {
    register: (person, sessionId) =>
      call(person.cookie, REGISTER, { s: sessionId }).then((r) =>
        r.ok ? { ok: true, reg: r.data.registerForSession } : r,
      ),
    cancel: (person, registrationId) =>
      call(person.cookie, CANCEL, { r: registrationId }).then((r) =>
        r.ok ? { ok: true, reg: r.data.cancelRegistration } : r,
      ),
    close,
  };
}

/**
 * Everyone registers for one session, at most `concurrency` people at a time. Some double-click
 * (two identical requests at once: both must return the same registration); some of the confirmed
 * cancel shortly after — once the session is known to be full with people waiting, so that every
 * such cancellation must promote the first person waiting.
 */
async function rush(
  client,
  sessionId,
  people,
  { concurrency, withCancels = true, cancelShare = CANCEL_SHARE },
) {
  const order = shuffled(people);
  const doubles = new Set(shuffled(order.keys()).slice(0, Math.round(order.length * DOUBLE_CLICK_SHARE)));
  const registerMs = [];
  const cancelMs = [];
  const errors = new Map();
  const pairs = { total: 0, same: 0 };
  const cancels = [];
  let registered = 0;
  let registerFailed = 0;
  let waitlisted = 0;
  let cancelled = 0;
  let cancelsSent = 0;
  let waitingWhenFirstCancelSent = null;
  let markFull;
  const full = new Promise((r) => (markFull = r));

  const once = async (person) => {
    const t = performance.now();
    const r = await client.register(person, sessionId);
    registerMs.push(performance.now() - t);
    if (!r.ok) {
      registerFailed++;
      countError(errors, r.error);
    }
    return r;
  };
  const cancelLater = async (person, registrationId) => {
    await full;
    await sleep(Math.random() * 50);
    waitingWhenFirstCancelSent ??= waitlisted;
    cancelsSent++;
    const t = performance.now();
    const r = await client.cancel(person, registrationId);
    cancelMs.push(performance.now() - t);
    if (r.ok && r.reg.status === 'CANCELLED') cancelled++;
    else countError(errors, r.ok ? `cancel returned ${r.reg.status}` : r.error);
  };
  const decided = []; // [sent at, first answer] per person, for the fairness count
  const handle = async (index) => {
    const person = order[index];
    const sentAt = performance.now();
    const results = await Promise.all(doubles.has(index) ? [once(person), once(person)] : [once(person)]);
    const good = results.filter((r) => r.ok);
    if (good.length === 0) return;
    registered++;
    if (results.length === 2) {
      pairs.total++;
      if (good.length === 2 && good[0].reg.id === good[1].reg.id) pairs.same++;
    }
    const reg = good[0].reg;
    decided.push([sentAt, reg.status]);
    if (reg.status === 'WAITLISTED') {
      waitlisted++;
      markFull();
    } else if (withCancels && reg.status === 'CONFIRMED' && Math.random() < cancelShare) {
      cancels.push(cancelLater(person, reg.id));
    }
  };

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, order.length) }, async () => {
      while (next < order.length) await handle(next++);
    }),
  );
  markFull(); // nobody had to wait: cancellations now find an empty waitlist
  await Promise.all(cancels);
  const seconds = (performance.now() - started) / 1000;
  // First come, first served: people waitlisted although someone who clicked later got a seat.
  const lastSeatSentAt = Math.max(-Infinity, ...decided.filter(([, s]) => s === 'CONFIRMED').map(([t]) => t));
  const overtaken = decided.filter(([t, s]) => s === 'WAITLISTED' && t < lastSeatSentAt).length;
  return {
    overtaken,
    seconds,
    registerMs,
    cancelMs,
    errors,
    pairs,
    registered,
    registerFailed,
    waitlisted,
    cancelled,
    cancelsSent,
    // Every cancellation sent after W ≥ (cancellations) people were known to wait must promote one.
    expectedPromotions:
      waitingWhenFirstCancelSent !== null && waitingWhenFirstCancelSent >= cancelsSent ? cancelled : null,
  };
}

/** Registrations on a fixed schedule, whatever the responses; latency from the scheduled time. */
async function openLoop(client, sessionIds, people, rate, seconds) {
  const total = rate * seconds;
  const interval = 1000 / rate;
  const latencies = [];
  const errors = new Map();
  const pending = [];
  let maxLag = 0;
  let ok = 0;
  const start = performance.now() + 20;
  let i = 0;
  await new Promise((done) => {
    const tick = () => {
      const now = performance.now();
      for (; i < total && start + i * interval <= now; i++) {
        const scheduled = start + i * interval;
        maxLag = Math.max(maxLag, now - scheduled);
        pending.push(
          client.register(people[i], sessionIds[i % sessionIds.length]).then((r) => {
            latencies.push(performance.now() - scheduled);
            if (r.ok) ok++;
            else countError(errors, r.error);
          }),
        );
      }
      if (i < total) setTimeout(tick, 1);
      else done();
    };
    setTimeout(tick, 20);
  });
  await Promise.all(pending);
  return { seconds: (performance.now() - start) / 1000, latencies, errors, ok, maxLag };
}

/**
 * The careless implementation: count the confirmed seats, then insert — separate statements, no
 * lock, on connections with `session_replication_role = replica` so the count trigger (and with it
 * the CHECK confirmed_count <= capacity) never fires. The unique indexes still hold.
 */
function naiveClient(dbUrl, capacity) {
  const pool = new pg.Pool({
    connectionString: dbUrl,
    max: OPT.pool,
    options: '-c session_replication_role=replica',
  });
  const fail = (e) => ({
    ok: false,
    error: e.code === '23505' ? `unique violation (${e.constraint})` : (e.message ?? String(e)),
  });
  return {
    async register(person, sessionId) {
      try {
        const existing = await pool.query(
          `SELECT id, status FROM event_registrations WHERE session_id = $1 AND person_id = $2 AND status <> 'CANCELLED'`,
          [sessionId, person.id],
        );
        if (existing.rows[0]) return { ok: true, reg: existing.rows[0] };
        const { rows } = await pool.query(
          `SELECT count(*)::int AS n FROM event_registrations WHERE session_id = $1 AND status = 'CONFIRMED'`,
          [sessionId],
        );
        const inserted =
          rows[0].n < capacity
            ? await pool.query(
                `INSERT INTO event_registrations (session_id, person_id, registered_by_id, status, confirmed_at)
                 VALUES ($1, $2, $2, 'CONFIRMED', now()) RETURNING id, status`,
                [sessionId, person.id],
              )
            : await pool.query(
                `INSERT INTO event_registrations (session_id, person_id, registered_by_id, status, waitlist_position)
                 SELECT $1, $2, $2, 'WAITLISTED', coalesce(max(waitlist_position), 0) + 1
                   FROM event_registrations WHERE session_id = $1 RETURNING id, status`,
                [sessionId, person.id],
              );
        return { ok: true, reg: inserted.rows[0] };
      } catch (e) {
        return fail(e);
      }
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------------------------------------
// pgbench peer

/**
 * The registration path's statement for `size` people per call (the server's batch). The first
 * line stands for the cookie lookups: the next `size` people, by number, in one indexed read.
 */
function pgbenchScript(sql, size) {
  const statement = sql.batch.trim().replace(/\$(\d+)/g, (_, n) => {
    const value = [':session', ':people', 'NULL'][n - 1];
    if (!value) throw new Error(`no pgbench value for $${n} in:\n${sql.batch}`);
    return value;
  });
  return [
    '-- RegistrationsService.register: REGISTER_BATCH_SQL (from server/dist) for a batch of people.',
    `WITH k AS (SELECT nextval('bench_seq') - 1 AS k)`,
    `SELECT array_agg(b.id ORDER BY b.n) AS people FROM bench_people b, k WHERE b.n > k.k * ${size} AND b.n <= (k.k + 1) * ${size} \\gset`,
    `${statement};`,
    '',
  ].join('\n');
}

async function runPgbench(dbName, sessionId, sql, size) {
  const dir = mkdtempSync(join(tmpdir(), 'palma-pgbench-'));
  const script = join(dir, 'register.sql');
  writeFileSync(script, pgbenchScript(sql, size));
  const { host, port, user } = pgAddress();
  const clients = OPT.pool;
  const perClient = Math.max(1, Math.floor(OPT.people / clients / size));
  const args = [
    ...['-h', host, '-p', port, '-U', user, '-n', '-M', 'prepared', '-f', script],
    ...['-c', String(clients), '-j', '2', '-t', String(perClient), '-D', `session=${sessionId}`, dbName],
  ];
  try {
    const out = await new Promise((resolve, reject) => {
      const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`pgbench failed:\n${text}`)),
      );
    });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
    const processed = /number of transactions actually processed: (\d+)/.exec(out)?.[1];
    const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
    if (!Number.isFinite(tps)) throw new Error(`no tps in pgbench output:\n${out}`);
    return {
      tps: tps * size,
      latency,
      processed: Number(processed) * size,
      failed: failed * size,
      clients,
      size,
      command: `pgbench ${args.join(' ')}`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * How the server batched registrations, from the database: rows one transaction inserted share
 * its xmin. Rows changed later (cancelled, promoted, revived) are left out.
 */
async function batchSizes(db, sessionIds) {
  const {
    rows: [r],
  } = await db.query(
    `SELECT count(*)::int AS rows, count(DISTINCT xmin::text)::int AS batches, max(n)::int AS largest
       FROM (SELECT xmin, count(*) OVER (PARTITION BY xmin::text) AS n FROM event_registrations
              WHERE session_id = ANY($1::uuid[]) AND cancelled_at IS NULL AND promoted_at IS NULL) x`,
    [[sessionIds].flat()],
  );
  const mean = r.batches ? r.rows / r.batches : 0;
  return {
    mean,
    text: `${fmt(r.rows)} registrations in ${fmt(r.batches)} batches (mean ${mean.toFixed(1)}, largest ${r.largest ?? 0})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Correctness

/**
 * The invariants, read from the database per session. `expect` may give, per session id, the
 * number of promotions the client can prove must have happened.
 */
async function check(db, sessions, { expectPromotions = new Map(), naive = false } = {}) {
  const ids = sessions.map((s) => s.id);
  const { rows } = await db.query(
    `SELECT s.id, s.capacity, s.confirmed_count, s.waitlist_count, s.waitlist_next,
            count(r.id) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
            count(r.id) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
            count(DISTINCT r.waitlist_position)::int AS positions,
            min(r.waitlist_position) AS min_pos, max(r.waitlist_position) AS max_pos,
            count(r.id) FILTER (WHERE r.status = 'CANCELLED' AND r.confirmed_at IS NOT NULL)::int AS cancelled_confirmed,
            count(r.id) FILTER (WHERE r.status = 'CANCELLED' AND r.confirmed_at IS NULL)::int AS cancelled_waitlisted,
            count(r.id) FILTER (WHERE r.promoted_at IS NOT NULL)::int AS promoted,
            max(r.registered_at) FILTER (WHERE r.promoted_at IS NOT NULL) AS last_promoted_at,
            min(r.registered_at) FILTER (WHERE r.status = 'WAITLISTED') AS first_waiting_at,
            count(r.id) FILTER (WHERE r.promoted_at IS NOT NULL AND NOT EXISTS (
              SELECT 1 FROM event_registrations c
               WHERE c.session_id = r.session_id AND c.status = 'CANCELLED' AND c.confirmed_at IS NOT NULL
                 AND c.cancelled_at = r.promoted_at))::int AS unpaired_promotions
       FROM event_sessions s LEFT JOIN event_registrations r ON r.session_id = s.id
      WHERE s.id = ANY($1::uuid[]) GROUP BY s.id`,
    [ids],
  );
  const dup = new Map(
    (
      await db.query(
        `SELECT session_id AS id, count(*)::int AS n FROM (
           SELECT session_id, person_id FROM event_registrations WHERE session_id = ANY($1::uuid[])
            GROUP BY 1, 2 HAVING count(*) > 1) x GROUP BY 1`,
        [ids],
      )
    ).rows.map((r) => [r.id, r.n]),
  );
  // Waitlist order: registered_at is taken when the row is written, under the session lock, so
  // by position it must never go backwards.
  const order = new Map(
    (
      await db.query(
        `SELECT session_id AS id, count(*) FILTER (WHERE at < prev_at)::int AS inversions
           FROM (SELECT session_id, registered_at AS at, lag(registered_at) OVER w AS prev_at
                   FROM event_registrations WHERE session_id = ANY($1::uuid[]) AND status = 'WAITLISTED'
                 WINDOW w AS (PARTITION BY session_id ORDER BY waitlist_position)) y
          GROUP BY 1`,
        [ids],
      )
    ).rows.map((r) => [r.id, r.inversions]),
  );
  return sessions.map(({ id, label }) => {
    const r = rows.find((x) => x.id === id);
    const inversions = order.get(id) ?? 0;
    // Gaps are allowed (promotions take the front; a place taken by a double click that lost the
    // race may stay unused): they are shown, not failed. Places never come from beyond the counter.
    const gaps = r.waitlisted === 0 ? 0 : r.max_pos - r.min_pos + 1 - r.positions;
    const fromCounter = naive || r.waitlisted === 0 || r.max_pos <= r.waitlist_next - 1;
    const expected = expectPromotions.get(id);
    const failures = [];
    if (r.confirmed > r.capacity) failures.push(`overbooked by ${r.confirmed - r.capacity}`);
    if (r.confirmed_count !== r.confirmed || r.waitlist_count !== r.waitlisted)
      failures.push(
        `counters ${r.confirmed_count}/${r.waitlist_count} ≠ rows ${r.confirmed}/${r.waitlisted}`,
      );
    if (r.waitlisted > 0 && r.confirmed < r.capacity)
      failures.push(`${r.capacity - r.confirmed} free seats while ${r.waitlisted} wait`);
    if (dup.get(id)) failures.push(`${dup.get(id)} people registered twice`);
    if (r.positions !== r.waitlisted)
      failures.push(`${r.waitlisted - r.positions} duplicate waitlist positions`);
    if (!fromCounter)
      failures.push(`waitlist position ${r.max_pos} beyond the counter ${r.waitlist_next - 1}`);
    if (inversions > 0) failures.push(`${inversions} waitlist positions out of registered_at order`);
    if (r.unpaired_promotions > 0)
      failures.push(`${r.unpaired_promotions} promotions without a cancellation`);
    if (r.promoted > r.cancelled_confirmed) failures.push('more promotions than cancelled seats');
    if (r.last_promoted_at && r.first_waiting_at && r.last_promoted_at > r.first_waiting_at)
      failures.push('a promotion passed over someone who had waited longer');
    if (expected !== undefined && expected !== null && r.promoted !== expected)
      failures.push(`promotions ${r.promoted} ≠ cancellations while full ${expected}`);
    return { label, ...r, gaps, inversions, duplicates: dup.get(id) ?? 0, expected, failures };
  });
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers and output

/**
 * Every measured phase starts on vacuumed tables: thousands of updates of one session row leave
 * dead versions behind that would slow whichever phase comes next.
 */
async function vacuum(db) {
  await db.query('VACUUM ANALYZE event_sessions, event_registrations');
}

function correctnessTable(results) {
  return table(
    [
      'session',
      'seats',
      'confirmed',
      'counter',
      'waiting',
      'positions',
      'cancelled seats',
      'promotions',
      'overbooked',
      'verdict',
    ],
    results.map((r) => [
      r.label,
      r.capacity,
      r.confirmed,
      r.confirmed_count,
      r.waitlisted,
      r.waitlisted ? `${r.min_pos}–${r.max_pos} (${r.positions} distinct, ${r.gaps} gaps)` : '–',
      r.cancelled_confirmed,
      r.expected != null ? `${r.promoted} (expected ${r.expected})` : r.promoted,
      r.confirmed > r.capacity ? `YES (+${r.confirmed - r.capacity})` : 'no',
      r.failures.length ? `FAIL: ${r.failures.join('; ')}` : 'ok',
    ]),
  );
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const sql = await registrationSql();
  const database = await createDatabase('palma_bench');
  const { dbName, dbUrl } = database;
  let server = null;
  let db = null;
  const cleanUp = async () => {
    if (server) await stopServer(server.child).catch(() => undefined);
    server = null;
    await db?.end().catch(() => undefined);
    db = null;
    await database.drop({ keep: OPT.keepDb });
  };
  const interrupted = async () => {
    await cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const t0 = performance.now();
    server = await startServer(dbUrl); // migrates the fresh database
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const { sessions, people } = await setUp(db);
    console.log(`server: ${serverVersion()}`);
    console.log(
      `set-up: database ${dbName}, ${fmt(OPT.people + WARM_UP_PEOPLE + people.open.length)} people signed in, ` +
        `${2 + sessions.pgbench.length + sessions.pgbenchBatched.length + sessions.open.length} sessions, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    if (OPT.naive) {
      await stopServer(server.child);
      server = null;
      const naive = naiveClient(dbUrl, OPT.seats);
      const before = cpuSample(null);
      const result = await rush(naive, sessions.rush, people.rush, {
        concurrency: OPT.concurrency,
        withCancels: false,
      });
      const cpu = cpuShare(before, cpuSample(null));
      await naive.close();
      const [checked] = await check(db, [{ id: sessions.rush, label: 'rush (naive)' }], { naive: true });
      const [lat50, lat95, lat99, max] = latencyColumns(result.registerMs);
      console.log(
        `\nNAIVE registration (count confirmed, then insert; count trigger off), ${fmt(OPT.people)} people, ` +
          `${OPT.seats} seats, ${OPT.concurrency} in flight over ${OPT.pool} connections\n`,
      );
      console.log(
        table(
          ['phase', 'requests', 'ok', 'errors', 'registrations/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
          [
            [
              'naive rush',
              result.registerMs.length,
              result.registerMs.length - result.registerFailed,
              result.registerFailed,
              fmt(result.registered / result.seconds),
              lat50,
              lat95,
              lat99,
              max,
            ],
          ],
        ),
      );
      if (result.errors.size)
        console.log(`\nerrors (refused by the unique indexes):\n${errorLines(result.errors).join('\n')}`);
      console.log(`\nCPU during the rush: ${cpu.text}${noisyNote([['the rush', cpu]])}`);
      console.log(`\nCorrectness (read from the database after the run)\n`);
      console.log(correctnessTable([checked]));
      const caught = checked.confirmed > checked.capacity;
      console.log(`\nCHECKER CAUGHT OVERBOOKING: ${caught ? 'yes' : 'no'}`);
      console.log(`CHECKER FAILURES: ${checked.failures.length ? checked.failures.join('; ') : 'none'}`);
      return;
    }

    const client = graphqlClient(server.port, Math.max(OPT.concurrency * 2, 1024));
    // Warm-up (JIT, connections): not reported, but checked like the rest.
    await rush(client, sessions.warmUp, people.warmUp, { concurrency: 64, cancelShare: 0.05 });

    await settle(server.child.pid);
    await vacuum(db);
    const loadBefore = loadavg()[0].toFixed(1);
    let before = cpuSample(server.child.pid);
    const rushResult = await rush(client, sessions.rush, people.rush, { concurrency: OPT.concurrency });
    const rushCpu = cpuShare(before, cpuSample(server.child.pid));

    // How the server batched the rush: the registrations one transaction inserted (rows a
    // cancellation or promotion changed later are left out).
    const rushBatches = await batchSizes(db, sessions.rush);

    const settledBeforePgbench = await settle(server.child.pid);
    before = cpuSample(server.child.pid);
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const peer = async (sessionIds, size) => {
      const runs = [];
      for (const sessionId of sessionIds) {
        await db.query(`SELECT setval('bench_seq', 1, false)`); // the same people, a fresh session
        await vacuum(db);
        runs.push(await runPgbench(dbName, sessionId, sql, size));
      }
      return {
        tps: median(runs.map((r) => r.tps)),
        latency: median(runs.map((r) => r.latency)),
        processed: runs.reduce((a, r) => a + r.processed, 0),
        failed: runs.reduce((a, r) => a + r.failed, 0),
        clients: runs[0].clients,
        size,
        runs: runs.map((r) => r.tps),
      };
    };
    // The peer: the same statement, one registration per call (the server's path when nobody
    // waits), as many clients as the server has connections. And, for scale, the same statement
    // with the server's mean batch of the rush.
    const bench = await peer(sessions.pgbench, 1);
    const batchedSize = Math.max(1, Math.round(rushBatches.mean));
    const benchBatched = await peer(sessions.pgbenchBatched, batchedSize);
    const benchCpu = cpuShare(before, cpuSample(server.child.pid));

    await settle(server.child.pid);
    await vacuum(db);
    before = cpuSample(server.child.pid);
    const open = await openLoop(client, sessions.open, people.open, OPT.rate, OPT.seconds);
    const openCpu = cpuShare(before, cpuSample(server.child.pid));
    client.close();
    const openBatches = await batchSizes(db, sessions.open);

    const checked = await check(
      db,
      [
        { id: sessions.warmUp, label: 'warm-up' },
        { id: sessions.rush, label: 'rush' },
        ...sessions.pgbench.map((id, i) => ({ id, label: `pgbench ${i + 1}` })),
        ...sessions.pgbenchBatched.map((id, i) => ({ id, label: `pgbench batched ${i + 1}` })),
        ...sessions.open.map((id, i) => ({ id, label: `open loop ${i + 1}` })),
      ],
      { expectPromotions: new Map([[sessions.rush, rushResult.expectedPromotions]]) },
    );

    const errorCount = (m) => [...m.values()].reduce((a, b) => a + b, 0);
    const rushErrors = errorCount(rushResult.errors);
    const rushRegPerS = rushResult.registered / rushResult.seconds;
    const ratio = rushRegPerS / bench.tps;
    const ratioBatched = rushRegPerS / benchBatched.tps;
    const openErrors = errorCount(open.errors);
    const [o50, o95, o99, oMax] = latencyColumns(open.latencies);

    console.log(
      `\nRegistration rush: ${fmt(OPT.people)} people, one session of ${OPT.seats} seats, ` +
        `${OPT.concurrency} requests in flight, server pool ${OPT.pool} connections ` +
        `(${rushResult.pairs.total} double clicks, ${rushResult.cancelled} cancellations)\n`,
    );
    console.log(
      table(
        ['phase', 'requests', 'ok', 'errors', 'throughput/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'],
        [
          [
            'rush: registerForSession',
            rushResult.registerMs.length,
            rushResult.registerMs.length - rushResult.registerFailed,
            rushResult.registerFailed,
            `${fmt(rushRegPerS)} registrations`,
            ...latencyColumns(rushResult.registerMs),
          ],
          [
            'rush: cancelRegistration',
            rushResult.cancelMs.length,
            rushResult.cancelled,
            rushResult.cancelsSent - rushResult.cancelled,
            '',
            ...latencyColumns(rushResult.cancelMs),
          ],
          ...[bench, benchBatched].map((b) => [
            `pgbench peer, ${b.size === 1 ? 'one person' : `${b.size} people`} per call (${b.clients} clients, median of ${b.runs.length})`,
            b.processed,
            b.processed - b.failed,
            b.failed,
            `${fmt(b.tps)} registrations`,
            `avg ${b.latency.toFixed(1)} per call`,
            '',
            '',
            '',
          ]),
          [
            `open loop: ${fmt(OPT.rate)}/s for ${OPT.seconds} s`,
            open.latencies.length,
            open.ok,
            openErrors,
            `${fmt(open.ok / open.seconds)} registrations`,
            o50,
            o95,
            o99,
            oMax,
          ],
        ],
      ),
    );
    console.log(
      `\nrush throughput / pgbench: ${ratio.toFixed(2)}× (${fmt(rushRegPerS)} / ${fmt(bench.tps)} registrations/s; ` +
        `rush: ${fmt(rushResult.registered)} people in ${rushResult.seconds.toFixed(2)} s incl. cancellations; ` +
        `pgbench runs: ${bench.runs.map((t) => fmt(t)).join(', ')} registrations/s); ` +
        `against the batched peer ${ratioBatched.toFixed(2)}× (runs: ${benchBatched.runs.map((t) => fmt(t)).join(', ')})`,
    );
    console.log(`server batches: rush ${rushBatches.text}; open loop ${openBatches.text}`);
    console.log(
      `open loop: ${OPEN_LOOP_SESSIONS} sessions of ${OPT.seats} seats, ${fmt(OPEN_LOOP_PEOPLE)} people; latency from the ` +
        `scheduled send time; the generator sent at most ${open.maxLag.toFixed(1)} ms late`,
    );
    console.log(
      `pgbench: the statement of RegistrationsService.register (REGISTER_BATCH_SQL from server/dist), -M prepared (as the server: ` +
        `named prepared statements), one extra indexed read per call for the next people (in place of the cookie lookups)`,
    );
    console.log(
      `\nCPU (${availableParallelism()} cores; server, PostgreSQL and load generator share them; ` +
        `load average before the rush ${loadBefore})`,
    );
    console.log(`  rush:      ${rushCpu.text}`);
    console.log(
      `  pgbench:   ${benchCpu.text} (started once the server was idle, ${settledBeforePgbench.toFixed(1)} s after the rush)`,
    );
    console.log(`  open loop: ${openCpu.text}`);
    const note = noisyNote([
      ['the rush', rushCpu],
      ['pgbench', benchCpu],
      ['the open loop', openCpu],
    ]);
    if (note) console.log(note);
    for (const [label, errors] of [
      ['rush', rushResult.errors],
      ['open loop', open.errors],
    ]) {
      if (errors.size) console.log(`\nerrors in ${label}:\n${errorLines(errors).join('\n')}`);
    }

    console.log(`\nCorrectness (read from the database after the run)\n`);
    console.log(correctnessTable(checked));
    const rushCheck = checked.find((c) => c.label === 'rush');
    const pairsOk = rushResult.pairs.same === rushResult.pairs.total;
    console.log(
      `\nfirst come, first served: ${rushResult.overtaken} people were waitlisted although someone who clicked ` +
        `later got a seat (informational; ${OPT.concurrency} clicks are sent at once, so a few are ties)`,
    );
    console.log(
      `double clicks answered with the same registration: ${rushResult.pairs.same}/${rushResult.pairs.total}` +
        `${pairsOk ? '' : '  FAIL'}`,
    );
    const invariantsOk = checked.every((c) => c.failures.length === 0) && pairsOk;
    const errorsOk = rushErrors === 0 && openErrors === 0 && bench.failed === 0;
    if (!invariantsOk || !errorsOk) process.exitCode = 1;
    console.log(
      `\ntargets: zero overbooking ${checked.every((c) => c.confirmed <= c.capacity) ? 'met' : 'NOT met'}; ` +
        `zero errors ${errorsOk ? 'met' : 'NOT met'}; ` +
        `ratio ≥ 0.4 ${ratio >= 0.4 ? 'met' : 'NOT met'} (${ratio.toFixed(2)}); ` +
        `open-loop p99 < 250 ms ${Number(o99) < 250 ? 'met' : 'NOT met'} (${o99} ms)`,
    );
    console.log(`confirmed in the rush session: ${rushCheck.confirmed} of ${rushCheck.capacity}`);
    console.log(`invariants: ${invariantsOk ? 'all hold' : 'FAILED'}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
