#!/usr/bin/env node
/**
 * Live-game benchmark: scripted Kahoot-style games on the real server (GraphQL over HTTP, graphql-ws
 * subscriptions) with simulated players on real websockets, a bare `ws` broadcast peer measured
 * in the same run, and a correctness checker over the database afterwards.
 *
 *   npm run build && node e2e/load/live-benchmark.mjs        # everything (about 5–8 minutes):
 *       500, 1,000 and 2,000 players on one server process; 2,000 on two processes sharing
 *       Redis; 500 with the server killed (kill -9) and restarted in the middle of a round
 *   node e2e/load/live-benchmark.mjs --single [--sizes 500,1000,2000] [--stretch]   # one process only
 *   node e2e/load/live-benchmark.mjs --redis [--redis-size 2000]                     # two processes + Redis only
 *   node e2e/load/live-benchmark.mjs --kill [--kill-size 500]                        # kill -9 and restart only
 *     (--single, --redis and --kill combine; none of them, or --all, runs all three)
 *   common options: [--client-procs 2] [--pool 20] [--rounds 5] [--join-concurrency 200]
 *     [--answer-window 3] (seconds) [--employees 0.5] (share signed in) [--keep-db]
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server processes.
 *
 * Per game: a trainer creates the game with createLiveGame (CLASSIC, 20-second rounds — 60 in the
 * kill -9 game, so that a slow restart still leaves time to answer —, no lead-in)
 * from five bank questions made through GraphQL; the join storm (every player calls joinLiveGame,
 * at most --join-concurrency in flight; each phone opens its websocket and subscribes the moment
 * it has joined); then each round: the host calls nextLiveRound, every player answers
 * (answerLiveRound over keep-alive HTTP) after a random 0–3 s from receiving the OPEN state, ~70 %
 * right; the server closes the round itself once everyone answered; the host waits until every
 * phone has the REVEAL state and its own result, pauses a second, and goes on; after the last
 * round nextLiveRound finishes the game. Players are half employees (session rows written
 * directly, the cookie on the websocket upgrade and on every request) and half guests (no cookie:
 * joinLiveGame returns a player token, sent as graphql-ws connection params). Every phone has its
 * own websocket and its own keep-alive HTTP connection; they are spread over --client-procs forked
 * processes (lib/live-players.mjs), which reconnect as the web client does. The subscription is
 * the web client's own document (client/src/features/live/graphql/live-game.graphql).
 * Also measured: the server's event loop (a GET of a 404 every 50 ms), the client processes' own
 * event-loop lag (so a slow load generator cannot pass for a slow server), what the server's
 * database connections do (pg_stat_activity every 100 ms), each answer's wait split at the row's
 * received_at, and how many messages of each kind every phone received.
 *
 * Clock: every process is on this machine, so all times are Date.now() on one clock. Fan-out is
 * measured from the state's `serverNow` (the server's Date.now() when it built the state, right
 * before publishing it: one value shared by every subscriber) to each phone's receipt; OPEN is
 * also shown from the moment the host sent nextLiveRound, REVEAL from the last answer stored (its
 * row's received_at, the database clock): that includes the server noticing that everyone
 * answered (answers are counted at most every 200 ms) and scoring the round.
 * Bare peer: a plain `ws` WebSocketServer in this process with the same number of sockets in the
 * same client processes, sending the byte-identical OPEN `next` message the host's screen received
 * (one string, sent to every socket in a loop), five times; from the start of the loop to receipt.
 *
 * Needs PostgreSQL (PG_SERVER_URL, default postgres://postgres@127.0.0.1:5432, superuser) and, for
 * --redis, Redis (BENCH_REDIS_URL, default redis://127.0.0.1:6379). The server runs with
 * NODE_ENV=production and DATABASE_POOL_SIZE=--pool (default 20, each process). Prints tables;
 * asserts nothing about time. Exits non-zero when an invariant fails (lost, duplicated or
 * misgraded answers; scores or ranks differing from the reference scorer; a phone that missed a
 * state; a round that never closed) or a request errs (network errors while the server is
 * deliberately down are retried and reported, not counted as errors).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { cpuSample, cpuShare, memoryOf, noisyNote, settle } from './lib/cpu.mjs';
import { createDatabase, createSignedInPeople, pg } from './lib/db.mjs';
import { graphqlRequester } from './lib/graphql-http.mjs';
import { root, serverVersion, startServer, stopServer } from './lib/server.mjs';
import { fmt, percentile, sleep, sortedOf, table } from './lib/stats.mjs';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const KNOWN = new Set([
  'single',
  'redis',
  'kill',
  'all',
  'stretch',
  'keep-db',
  'sizes',
  'redis-size',
  'kill-size',
  'client-procs',
  'pool',
  'rounds',
  'join-concurrency',
  'answer-window',
  'employees',
]);
for (const a of argv) {
  if (a.startsWith('--') && !KNOWN.has(a.slice(2))) throw new Error(`unknown option ${a}`);
}
const has = (name) => argv.includes(`--${name}`);
function value(name, fallback, { integer = true, max = Infinity } = {}) {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(argv[i + 1]);
  if (!Number.isFinite(v) || v <= 0 || v > max || (integer && !Number.isInteger(v)))
    throw new Error(
      `--${name} needs a positive ${integer ? 'whole ' : ''}number${max < Infinity ? ` ≤ ${max}` : ''}`,
    );
  return v;
}
const sizesArg = argv.includes('--sizes') ? argv[argv.indexOf('--sizes') + 1] : '500,1000,2000';
const chosen = ['single', 'redis', 'kill'].filter(has);
const parts = has('all') || chosen.length === 0 ? ['single', 'redis', 'kill'] : chosen;
const OPT = {
  parts,
  sizes: [
    ...sizesArg.split(',').map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 2 || n > 5000) throw new Error('--sizes: whole numbers from 2 to 5000');
      return n;
    }),
    ...(has('stretch') ? [5000] : []),
  ],
  redisSize: value('redis-size', 2000, { max: 5000 }),
  killSize: value('kill-size', 500, { max: 5000 }),
  clientProcs: value('client-procs', 2, { max: 16 }),
  pool: value('pool', 20, { max: 45 }),
  rounds: value('rounds', 5, { max: 5 }),
  joinConcurrency: value('join-concurrency', 200),
  answerWindowMs: value('answer-window', 3, { integer: false, max: 15 }) * 1000,
  employees: has('employees') ? Number(argv[argv.indexOf('--employees') + 1]) : 0.5,
  keepDb: has('keep-db'),
};
if (!(OPT.employees >= 0 && OPT.employees <= 1)) throw new Error('--employees: a share from 0 to 1');

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SESSION_SECRET = randomBytes(32).toString('hex');
const TIME_LIMIT_SECONDS = 20;
/** The --kill game's rounds are longer, so that a slow restart still leaves time to answer. */
const KILL_TIME_LIMIT_SECONDS = 60;
/** LiveLimits.graceMs: an answer this late past the deadline still counts. */
const GRACE_MS = 500;
const CORRECT_SHARE = 0.7;
/** The host looks at the leaderboard this long before the next question. */
const PAUSE_MS = 1000;
const WARM_UP = { size: 200, rounds: 2 };
/** The round the --kill game kills the server in, and how long after it opened. */
const KILL = { round: 2, afterMs: 1500 };
const PEER_BROADCASTS = 5;

// ---------------------------------------------------------------------------------------------
// GraphQL documents

const CLIENT_DOCUMENT = join(root, 'client/src/features/live/graphql/live-game.graphql');
/** A copy of the web client's subscription, used only if the client's file is not there. */
const FALLBACK_DOCUMENT = `
fragment LiveStateFields on LiveGameState {
  id version serverNow pin title mode phase round roundCount phaseEndsAt pausedRemainingMs joiningOpen
  playerCount aliveCount revivalAvailable winners speedWeighted streakBonus guestTeams lobby
  question { round kind type promptKo promptEn timeLimitSeconds leadInSeconds revival choices { id textKo textEn } }
  reveal { round correctIds correctBoolean acceptedAnswers acceptedNumbers explanationKo explanationEn answered
           correct eliminated revived distribution { key count correct } }
  leaderboard { rank nickname team score alive correct }
  teams { rank team members total average }
}
fragment LivePlayerFields on LivePlayerView {
  id nickname team score rank streak alive kicked answeredRound last { round answered correct points forHonour }
}
subscription LiveGameUpdates($gameId: ID!, $playerToken: String) {
  liveGame(gameId: $gameId, playerToken: $playerToken) {
    state { ...LiveStateFields } progress { round answered playerCount } me { ...LivePlayerFields }
  }
}`;
const SUBSCRIPTION = existsSync(CLIENT_DOCUMENT) ? readFileSync(CLIENT_DOCUMENT, 'utf8') : FALLBACK_DOCUMENT;
const SUBSCRIPTION_SOURCE = existsSync(CLIENT_DOCUMENT)
  ? 'client/src/features/live/graphql/live-game.graphql'
  : 'a copy in this file (the client document was not found)';
const OPERATION = 'LiveGameUpdates';

const CATEGORY = `mutation($i: QuestionCategoryInput!) { createQuestionCategory(input: $i) { id } }`;
const QUESTION = `mutation($i: QuestionInput!) { createQuestion(input: $i) { id type options { id correct } trueFalseAnswer } }`;
const CREATE_GAME = `mutation($i: CreateLiveGameInput!) { createLiveGame(input: $i) { id pin roundCount } }`;
const NEXT = `mutation($g: ID!, $r: Int!) { nextLiveRound(gameId: $g, fromRound: $r) {
  id phase round version serverNow phaseEndsAt playerCount } }`;

// ---------------------------------------------------------------------------------------------
// Client processes

function startWorkers(n) {
  return Array.from({ length: n }, () => {
    const child = fork(join(root, 'e2e/load/lib/live-players.mjs'), [], { stdio: 'inherit' });
    const pending = new Map();
    let seq = 0;
    child.on('message', (msg) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`client process: ${msg.error}`));
      else p.resolve(msg.result);
    });
    child.on('exit', (code) => {
      for (const p of pending.values()) p.reject(new Error(`client process exited (${code})`));
      pending.clear();
    });
    return {
      child,
      call: (type, payload = {}) =>
        new Promise((resolve, reject) => {
          const id = ++seq;
          pending.set(id, { resolve, reject });
          child.send({ id, type, ...payload });
        }),
    };
  });
}
const all = (workers, type, payload) => Promise.all(workers.map((w) => w.call(type, payload)));

// ---------------------------------------------------------------------------------------------
// Host

/** The host's GraphQL calls; network errors (a server being restarted) are retried for a minute. */
function hostApi(cookie) {
  const requesters = new Map();
  return {
    async ok(port, query, variables) {
      let r = requesters.get(port);
      if (!r) requesters.set(port, (r = graphqlRequester(port, 8)));
      const started = Date.now();
      for (;;) {
        const res = await r.call(cookie, query, variables);
        if (res.ok) return res.data;
        if (!res.network || Date.now() - started > 60_000) throw new Error(`host: ${res.error}`);
        await sleep(250);
      }
    },
    close: () => requesters.forEach((r) => r.close()),
  };
}

/**
 * The host's big screen: the same subscription without a player token, over the host's cookie.
 * Keeps the states it received and the raw text of the first OPEN message (the bare peer's payload).
 */
function hostScreen(port, cookie, gameId) {
  const states = [];
  let rawOpen = null;
  class ScreenSocket extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { headers: { cookie } });
      this.on('message', (data) => {
        if (rawOpen === null) {
          const text = data.toString();
          if (text.includes('"phase":"OPEN"')) rawOpen = text;
        }
      });
    }
  }
  let first;
  const ready = new Promise((r) => (first = r));
  const client = createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: ScreenSocket,
    retryAttempts: 1_000,
    retryWait: () => sleep(250 + Math.random() * 500),
    shouldRetry: () => true,
  });
  const errors = [];
  const dispose = client.subscribe(
    { query: SUBSCRIPTION, operationName: OPERATION, variables: { gameId, playerToken: null } },
    {
      next: (value) => {
        const s = value.data?.liveGame?.state;
        if (value.errors) errors.push(value.errors[0]?.message);
        if (s) {
          states.push({ round: s.round, phase: s.phase, serverNow: s.serverNow, at: Date.now() });
          first();
        }
      },
      error: (e) => {
        errors.push(String(e?.message ?? e?.code ?? e));
        first();
      },
      complete: () => undefined,
    },
  );
  return {
    ready,
    states,
    errors,
    rawOpen: () => rawOpen,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Set-up

async function setUp(db, server, maxPlayers) {
  const [{ id: departmentId }] = (
    await db.query(
      `INSERT INTO departments (code, name_ko, name_en) VALUES ('LIVE', '라이브부', 'Live') RETURNING id`,
    )
  ).rows;
  const [host] = await createSignedInPeople(db, {
    secret: SESSION_SECRET,
    departmentId,
    prefix: 'HOST',
    count: 1,
    roles: '{TRAINER}',
    userAgent: 'live-benchmark',
  });
  const employees = await createSignedInPeople(db, {
    secret: SESSION_SECRET,
    departmentId,
    prefix: 'E',
    count: Math.ceil(maxPlayers * OPT.employees) + 1,
    userAgent: 'live-benchmark',
  });
  await db.query('ANALYZE');
  const api = hostApi(host.cookie);
  const { createQuestionCategory: category } = await api.ok(server.port, CATEGORY, {
    i: { nameKo: '라이브 벤치마크', nameEn: 'Live benchmark' },
  });
  const opt = (textKo, correct) => ({ textKo, textEn: `${textKo} (en)`, correct });
  const specs = [
    {
      type: 'SINGLE_CHOICE',
      promptKo: '공직자가 받을 수 있는 음식물 가액 한도는?',
      promptEn: 'The meal limit for a public official?',
      explanationKo: '3만 원입니다.',
      explanationEn: 'KRW 30,000.',
      options: [opt('3만 원', true), opt('5만 원', false), opt('10만 원', false), opt('한도 없음', false)],
    },
    {
      type: 'TRUE_FALSE',
      promptKo: '경조사비는 언제나 금지된다.',
      promptEn: 'Gifts at weddings and funerals are always banned.',
      explanationKo: '가액 범위 안에서는 허용됩니다.',
      trueFalseAnswer: false,
    },
    {
      type: 'SINGLE_CHOICE',
      promptKo: '부패 행위를 알게 되었을 때 신고할 수 있는 곳은?',
      promptEn: 'Where can corruption be reported?',
      options: [opt('국민권익위원회', true), opt('관할 세무서', false), opt('주민센터', false)],
    },
    {
      type: 'TRUE_FALSE',
      promptKo: '직무 관련자와의 골프는 비용을 각자 내면 괜찮다.',
      promptEn: 'Golf with a party to one’s duties is fine if each pays their own way.',
      trueFalseAnswer: true,
    },
    {
      type: 'SINGLE_CHOICE',
      promptKo: '이해충돌 방지법상 사적 이해관계는 언제 신고하나?',
      promptEn: 'When is a private interest declared?',
      options: [
        opt('안 날부터 14일 이내', true),
        opt('1년에 한 번', false),
        opt('퇴직할 때', false),
        opt('신고하지 않는다', false),
      ],
    },
  ];
  const questions = [];
  for (const q of specs) {
    const { createQuestion } = await api.ok(server.port, QUESTION, { i: { ...q, categoryId: category.id } });
    questions.push(createQuestion);
  }
  api.close();
  // The right and a wrong answer to every question, as the client would send them.
  const answers = questions.map((q) =>
    q.type === 'TRUE_FALSE'
      ? { right: { booleanValue: q.trueFalseAnswer }, wrong: { booleanValue: !q.trueFalseAnswer } }
      : {
          right: { optionIds: [q.options.find((o) => o.correct).id] },
          wrong: { optionIds: [q.options.find((o) => !o.correct).id] },
        },
  );
  return { host, employees, questions, answers };
}

// ---------------------------------------------------------------------------------------------
// One game

/** `servers` is an array of { port, child }; the host and its screen use the first. */
async function playGame(
  ctx,
  {
    label,
    variant,
    size,
    servers,
    rounds = OPT.rounds,
    kill = null,
    measure = true,
    timeLimitSeconds = TIME_LIMIT_SECONDS,
  },
) {
  const { workers, setup, dbUrl } = ctx;
  const api = hostApi(setup.host.cookie);
  const hostPort = servers[0].port;
  const { createLiveGame: created } = await api.ok(hostPort, CREATE_GAME, {
    i: {
      title: `라이브 벤치마크 ${label}`,
      mode: 'CLASSIC',
      maxPlayers: Math.max(2, size),
      creditMinutes: 10,
      rounds: setup.questions.slice(0, rounds).map((q) => ({
        kind: 'QUESTION',
        questionId: q.id,
        timeLimitSeconds,
        leadInSeconds: 0,
      })),
    },
  });
  const gameId = created.id;
  const screen = hostScreen(hostPort, setup.host.cookie, gameId);
  await screen.ready;

  // Players: employees spread evenly among guests; player i in client process i % W, on server
  // ⌊i / W⌋ % S (so every client process has players on every server).
  const W = workers.length;
  let employeeCount = 0;
  const shares = workers.map(() => []);
  for (let i = 0; i < size; i++) {
    const employee = Math.floor((i + 1) * OPT.employees) > Math.floor(i * OPT.employees);
    const person = employee ? setup.employees[employeeCount++] : null;
    shares[i % W].push({
      idx: i,
      cookie: person?.cookie ?? null,
      nickname: person ? null : `게스트 ${i + 1}`,
      port: servers[Math.floor(i / W) % servers.length].port,
    });
  }

  const pids = () => servers.map((s) => s.child.pid);
  const loadPids = workers.map((w) => w.child.pid);
  const sample = () => cpuSample(pids(), { loadPids, redis: servers.length > 1 });
  if (measure) await settle(pids());
  const memory = memorySampler(pids());
  const probe = loopProbe(servers);
  const pgActivity = activitySampler(ctx.db);
  const cpu0 = sample();
  const stormStart = Date.now();
  const storms = await Promise.all(
    workers.map((w, k) =>
      w.call('storm', {
        gameId,
        pin: created.pin,
        players: shares[k],
        concurrency: Math.ceil(OPT.joinConcurrency / W),
        subscription: SUBSCRIPTION,
        operationName: OPERATION,
        answers: setup.answers,
        answerWindowMs: OPT.answerWindowMs,
        correctShare: CORRECT_SHARE,
        retryNetwork: Boolean(kill),
      }),
    ),
  );
  const cpu1 = sample();
  const stormEnd = Date.now();
  // The host starts once the lobby is calm: the server finishing what the storm left it.
  const busyAfterStorm = measure ? await settle(pids()) : 0;
  const cpu1b = sample();

  const roundMeta = [];
  let killed = null;
  for (let r = 0; r < rounds; r++) {
    await sleep(PAUSE_MS);
    const sentAt = Date.now();
    const { nextLiveRound: opened } = await api.ok(hostPort, NEXT, { g: gameId, r: r - 1 });
    const returnedAt = Date.now();
    if (opened.phase !== 'OPEN' || opened.round !== r)
      throw new Error(`nextLiveRound returned ${opened.phase} ${opened.round}, not OPEN ${r}`);
    const killing = kill && r === kill.round ? killAndRestart(servers, kill.afterMs, dbUrl) : null;
    const waits = await all(workers, 'wait', {
      round: r,
      phase: 'REVEAL',
      timeoutMs: kill ? 120_000 : 60_000,
    });
    if (killing) killed = { round: r, ...(await killing) };
    roundMeta.push({
      round: r,
      sentAt,
      returnedAt,
      openServerNow: opened.serverNow,
      endsAt: opened.phaseEndsAt,
      missing: waits.reduce((a, w) => a + w.missing, 0),
    });
  }
  await sleep(PAUSE_MS);
  const finishSentAt = Date.now();
  const { nextLiveRound: finished } = await api.ok(servers[0].port, NEXT, { g: gameId, r: rounds - 1 });
  const finishMs = Date.now() - finishSentAt;
  const finishWaits = await all(workers, 'wait', { phase: 'FINISHED', timeoutMs: 60_000 });
  const cpu2 = sample();
  const mem = memory.stop();
  const probes = probe.stop();
  const activity = await pgActivity.stop();

  const reports = await all(workers, 'report', { from: stormStart });
  let peer = null;
  if (measure) {
    await all(workers, 'close');
    await screen.close();
    await settle(pids());
    peer = await barePeer(workers, size, screen.rawOpen());
  } else {
    await all(workers, 'close');
    await screen.close();
  }
  api.close();

  const stats = analyse({ reports, roundMeta, screen, rounds, killed });
  const check = await checkGame(ctx, {
    gameId,
    rounds,
    reports,
    finished,
    timeLimitSeconds,
    late: stats.late,
  });
  return {
    label,
    variant,
    size,
    gameId,
    measure,
    servers: servers.length,
    storm: {
      joinMs: storms.flatMap((s) => s.joinMs),
      joined: storms.reduce((a, s) => a + s.joined, 0),
      subscribed: storms.reduce((a, s) => a + s.subscribed, 0),
      subscribedMs: storms.flatMap((s) => s.subscribedMs),
      joinTotalS: (Math.max(...storms.map((s) => s.lastJoinAt)) - stormStart) / 1000,
      subscribedTotalS: (Math.max(...storms.map((s) => s.lastFirstAt)) - stormStart) / 1000,
      wallS: (stormEnd - stormStart) / 1000,
    },
    cpu: {
      storm: cpuShare(cpu0, cpu1, { loadLabel: 'load generator' }),
      rounds: cpuShare(cpu1b, cpu2, { loadLabel: 'load generator' }),
      serverSeconds: cpu2.server - cpu0.server,
    },
    mem,
    busyAfterStorm,
    activity,
    clientLag: reports.flatMap((r) => r.lag.map(([at, ms]) => ({ at, ms }))),
    probes,
    stormWindow: [stormStart, stormEnd],
    finishMs,
    finishMissing: finishWaits.reduce((a, w) => a + w.missing, 0),
    peer,
    killed,
    stats,
    check,
    screenErrors: screen.errors,
  };
}

/** Peak resident memory of the server processes (sum), sampled every 100 ms. */
function memorySampler(pids) {
  const read = () => pids.reduce((a, pid) => a + (memoryOf(pid)?.rss ?? 0), 0);
  const base = read();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, read())), 100);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, read());
      return { base, peak, hwm: pids.reduce((a, pid) => a + (memoryOf(pid)?.hwm ?? 0), 0) };
    },
  };
}

/**
 * The servers' responsiveness, every 50 ms, one request of each kind at a time per server:
 * `loop` a GET of an unknown path (a 404 from Nest: the event loop only), `graphql` the query
 * { __typename } (Apollo's pipeline, no database), `db` GET /health (a SELECT 1 through the pool).
 */
const PROBES = {
  loop: { method: 'GET', path: '/api/bench-probe' },
  graphql: { method: 'POST', path: '/graphql', body: JSON.stringify({ query: '{ __typename }' }) },
  db: { method: 'GET', path: '/health' },
};
function loopProbe(servers) {
  const results = [];
  const probes = servers.flatMap((s) =>
    Object.entries(PROBES).map(([kind, spec]) => ({
      kind,
      spec,
      port: s.port,
      agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
      busy: false,
    })),
  );
  const timer = setInterval(() => {
    for (const probe of probes) {
      if (probe.busy) continue;
      probe.busy = true;
      const started = Date.now();
      const { method, path, body } = probe.spec;
      const headers = body
        ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
        : {};
      const req = http.request(
        { host: '127.0.0.1', port: probe.port, method, path, headers, agent: probe.agent },
        (res) => {
          res.resume();
          res.on('end', () => {
            results.push({ kind: probe.kind, at: started, ms: Date.now() - started });
            probe.busy = false;
          });
        },
      );
      req.on('error', () => (probe.busy = false));
      req.end(body);
    }
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      for (const probe of probes) probe.agent.destroy();
      return results;
    },
  };
}

/**
 * What the server's database connections do, every 100 ms: how many run a statement, and what
 * those wait for (pg_stat_activity; this benchmark's own connection left out).
 */
function activitySampler(db) {
  const samples = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const at = Date.now();
      try {
        const { rows } = await db.query(
          `SELECT count(*) FILTER (WHERE state = 'active')::int AS active,
                  count(*) FILTER (WHERE state = 'idle in transaction')::int AS "inTransaction",
                  string_agg(wait_event_type || ':' || wait_event, ',')
                    FILTER (WHERE state = 'active' AND wait_event IS NOT NULL) AS waits,
                  count(*)::int AS connections
             FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND backend_type = 'client backend'`,
        );
        samples.push({ at, ...rows[0] });
      } catch {
        /* the database is busy or a server restarts: skip */
      }
      await sleep(100);
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return samples;
    },
  };
}

function summariseActivity(samples) {
  const waits = new Map();
  let waiting = 0;
  for (const x of samples) {
    const list = (x.waits ?? '').split(',').filter(Boolean);
    if (list.length) waiting++;
    for (const w of list) waits.set(w, (waits.get(w) ?? 0) + 1);
  }
  return {
    samples: samples.length,
    activeP50: p(
      samples.map((x) => x.active),
      0.5,
    ),
    activeP90: p(
      samples.map((x) => x.active),
      0.9,
    ),
    activeMax: Math.max(0, ...samples.map((x) => x.active)),
    inTransactionMax: Math.max(0, ...samples.map((x) => x.inTransaction)),
    waitingShare: waiting / Math.max(1, samples.length),
    connections: Math.max(0, ...samples.map((x) => x.connections)),
    waits: [...waits].sort((a, b) => b[1] - a[1]).slice(0, 4),
  };
}

/** kill -9 the first server `afterMs` after the round opened, then start it again on the same port. */
async function killAndRestart(servers, afterMs, dbUrl) {
  await sleep(afterMs);
  const old = servers[0];
  const exited = once(old.child, 'exit');
  const killedAt = Date.now();
  old.child.kill('SIGKILL');
  await exited;
  // The same array the caller (and the clean-up) holds: the restarted server replaces the killed one.
  servers[0] = await startServer({ dbUrl, secret: SESSION_SECRET, pool: OPT.pool, port: old.port });
  return { killedAt, upAt: Date.now() };
}

/** The bare `ws` peer: the same payload to the same number of sockets in the same client processes. */
async function barePeer(workers, size, payload) {
  if (!payload) return null;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const { port } = wss.address();
  const counts = workers.map(
    (_, k) => Math.floor(size / workers.length) + (k < size % workers.length ? 1 : 0),
  );
  await Promise.all(workers.map((w, k) => w.call('peer-connect', { port, count: counts[k] })));
  while (wss.clients.size < size) await sleep(10);
  const sentAt = [];
  let missing = 0;
  for (let b = 0; b < PEER_BROADCASTS; b++) {
    await sleep(300);
    sentAt.push(Date.now());
    for (const ws of wss.clients) ws.send(payload);
    missing += (await all(workers, 'peer-wait', { count: b + 1 })).reduce((a, w) => a + w.missing, 0);
  }
  const received = (await all(workers, 'peer-close')).flatMap((r) => r.at);
  wss.close();
  const latencies = received.flatMap((at) => at.map((t, b) => t - sentAt[b]));
  const perBroadcast = sentAt.map((_, b) => received.map((at) => at[b] - sentAt[b]).filter(Number.isFinite));
  return { latencies, perBroadcast, missing, bytes: Buffer.byteLength(payload) };
}

// ---------------------------------------------------------------------------------------------
// Measurements from what the phones received

function analyse({ reports, roundMeta, screen, rounds, killed }) {
  const players = reports.flatMap((r) => r.players).filter((p) => p.playerId);
  const errors = new Map();
  for (const r of reports) for (const [k, n] of r.errors) errors.set(k, (errors.get(k) ?? 0) + n);
  const perRound = [];
  const pooled = { open: [], openFromNext: [], reveal: [], revealFromAck: [], me: [], ack: [] };
  const lost = { open: 0, reveal: 0, me: 0, finished: 0 };
  let viaReconnect = 0;
  const pooledSplit = { toDb: [], fromDb: [], employees: [], guests: [] };
  for (let r = 0; r < rounds; r++) {
    const meta = roundMeta[r];
    const revealState = screen.states.find((s) => s.round === r && s.phase === 'REVEAL');
    // The REVEAL state's serverNow as published (the host's screen saw it; else the most common).
    const revealNow =
      revealState?.serverNow ?? mostCommon(players.map((p) => firstState(p, r, 'REVEAL')?.[3]));
    const acks = players
      .map((p) => p.answers.find((a) => a[0] === r))
      .filter((a) => a && a[3])
      .map((a) => ({ sentAt: a[2], ackAt: a[3], attempts: a[4], receivedAt: a[7] }));
    // The last answer stored (received_at of its row): from then on the round waits only for the server.
    const lastAck = Math.max(...acks.map((a) => a.receivedAt));
    const ackMs = acks.map((a) => a.ackAt - a.sentAt);
    // The ack carries the row's received_at (the database clock, the same machine): before it, the
    // request waited for the server and a connection; after it, the answer travelled back.
    for (const pl of players) {
      const a = pl.answers.find((x) => x[0] === r && x[3] && x[4] === 1);
      if (a) (pl.employee ? pooledSplit.employees : pooledSplit.guests).push(a[3] - a[2]);
    }
    pooledSplit.toDb.push(...acks.filter((a) => a.attempts === 1).map((a) => a.receivedAt - a.sentAt));
    pooledSplit.fromDb.push(...acks.filter((a) => a.attempts === 1).map((a) => a.ackAt - a.receivedAt));
    const row = {
      round: r,
      nextMs: meta.returnedAt - meta.sentAt,
      open: [],
      openFromNext: [],
      reveal: [],
      revealFromAck: [],
      me: [],
    };
    for (const p of players) {
      const open = firstState(p, r, 'OPEN');
      if (!open) lost.open++;
      else if (open[3] !== meta.openServerNow) viaReconnect++;
      else {
        row.open.push(open[4] - meta.openServerNow);
        row.openFromNext.push(open[4] - meta.sentAt);
      }
      const reveal = firstState(p, r, 'REVEAL');
      if (!reveal) lost.reveal++;
      else if (reveal[3] !== revealNow) viaReconnect++;
      else {
        row.reveal.push(reveal[4] - revealNow);
        row.revealFromAck.push(reveal[4] - lastAck);
      }
      const me = p.me.find((m) => m[0] === r);
      if (!me) lost.me++;
      else if (revealNow && me[4] >= revealNow) row.me.push(me[4] - revealNow);
    }
    row.ack = ackMs;
    row.acked = acks.length;
    row.closeMs = revealNow - lastAck; // the server noticing everyone answered, scoring, building
    row.killed = killed?.round === r;
    row.revealed = revealNow !== undefined;
    row.window = [meta.sentAt, revealNow ?? meta.sentAt];
    perRound.push(row);
    if (!row.killed) {
      for (const k of ['open', 'openFromNext', 'reveal', 'revealFromAck', 'me']) pooled[k].push(...row[k]);
    }
    pooled.ack.push(...ackMs);
  }
  for (const p of players) if (!p.states.some((s) => s[1] === 'FINISHED')) lost.finished++;
  const answers = players.flatMap((p) => p.answers);
  // Refused after retrying through the outage: late if the last try came after the deadline and
  // its grace; a refusal before that is an error.
  let late = 0;
  for (const a of answers) {
    if (!a[10]) continue;
    if (a[9] > roundMeta[a[0]].endsAt + GRACE_MS) late++;
    else
      errors.set(
        `answer refused before the deadline: ${a[8]}`,
        (errors.get(`answer refused before the deadline: ${a[8]}`) ?? 0) + 1,
      );
  }
  return {
    late,
    players: players.length,
    perRound,
    pooled,
    pooledSplit,
    lost,
    viaReconnect,
    errors,
    retriedAnswers: answers.filter((a) => a[4] > 1).length,
    networkErrors: answers.reduce((a, x) => a + x[5], 0),
    reconnects: players.reduce((a, p) => a + Math.max(0, p.connects - 1), 0),
    perPhone: {
      lobby: avg(players, (p) => p.states.filter((s) => s[1] === 'LOBBY').length),
      states: avg(players, (p) => p.states.filter((s) => s[1] !== 'LOBBY').length),
      progress: avg(players, (p) => p.progress),
      me: avg(players, (p) => p.me.length),
    },
    acksBeforeKill: killed
      ? answers.filter((a) => a[0] === killed.round && a[3] && a[3] < killed.killedAt).length
      : null,
    roundAfterKill: killed ? roundAfterKill(players, killed) : null,
  };
}

const avg = (items, f) => items.reduce((a, x) => a + f(x), 0) / Math.max(1, items.length);
const firstState = (p, round, phase) => p.states.find((s) => s[0] === round && s[1] === phase);

function mostCommon(values) {
  const counts = new Map();
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** How long after the restart the killed round was revealed (its REVEAL state built). */
function roundAfterKill(players, killed) {
  const reveal = mostCommon(players.map((p) => firstState(p, killed.round, 'REVEAL')?.[3]));
  return reveal ? (reveal - killed.upAt) / 1000 : null;
}

// ---------------------------------------------------------------------------------------------
// Correctness, from the database

async function checkGame(ctx, { gameId, rounds, reports, finished, timeLimitSeconds, late }) {
  const { db, shared } = ctx;
  const players = reports.flatMap((r) => r.players);
  const joined = players.filter((p) => p.playerId);
  const failures = [];
  const rows = (
    await db.query(
      `SELECT player_id AS "playerId", position, correct, elapsed_ms AS "elapsedMs", points
         FROM live_answers WHERE game_id = $1`,
      [gameId],
    )
  ).rows;
  const [{ rows: n, distinct }] = (
    await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT (player_id, position))::int AS distinct
         FROM live_answers WHERE game_id = $1`,
      [gameId],
    )
  ).rows;
  const dbPlayers = (
    await db.query(
      `SELECT id, person_id AS "personId", score, rank, streak, correct_count AS "correctCount",
              answered_count AS "answeredCount"
         FROM live_players WHERE game_id = $1 AND kicked_at IS NULL`,
      [gameId],
    )
  ).rows;
  const [gameRow] = (await db.query(`SELECT phase FROM live_games WHERE id = $1`, [gameId])).rows;
  const [credits] = (
    await db.query(
      `SELECT count(*)::int AS entries, count(DISTINCT person_id)::int AS people
         FROM credit_entries WHERE source_kind = 'LIVE_GAME' AND source_id = $1`,
      [gameId],
    )
  ).rows;

  const stored = new Map(rows.map((a) => [`${a.playerId}:${a.position}`, a]));
  const sent = joined.flatMap((p) => p.answers.map((a) => ({ p, a })));
  const acked = sent.filter(({ a }) => a[3]);
  const ackedKeys = new Set(acked.map(({ p, a }) => `${p.playerId}:${a[0]}`));
  const lostAnswers = acked.filter(({ p, a }) => !stored.has(`${p.playerId}:${a[0]}`)).length;
  const unacked = rows.filter((a) => !ackedKeys.has(`${a.playerId}:${a.position}`)).length;
  const misgraded = acked.filter(
    ({ p, a }) =>
      stored.get(`${p.playerId}:${a[0]}`)?.correct !== undefined &&
      stored.get(`${p.playerId}:${a[0]}`).correct !== a[1],
  ).length;
  const duplicates = n - distinct;
  const firstAttemptDuplicates = acked.filter(({ a }) => a[6] && a[4] === 1).length;
  // Answers that could not reach the server before the round's deadline (it was down) are not owed an ack.
  const expectedAnswers = joined.length * rounds - late;

  // The reference scorer: shared's scoreAnswer over the stored rows, round by round.
  const limitMs = timeLimitSeconds * 1000;
  const reference = dbPlayers.map((p) => {
    let score = 0;
    let streak = 0;
    let correctCount = 0;
    let answeredCount = 0;
    let pointMismatches = 0;
    for (let r = 0; r < rounds; r++) {
      const a = stored.get(`${p.id}:${r}`);
      const s = shared.scoreAnswer({
        correct: a?.correct ?? false,
        elapsedMs: a?.elapsedMs ?? limitMs,
        limitMs,
        streakBefore: streak,
        speedWeighted: true,
        streakBonus: true,
      });
      score += s.points;
      streak = s.streak;
      if (a) {
        answeredCount++;
        if (a.correct) correctCount++;
        if (a.points !== s.points) pointMismatches++;
      }
    }
    return { id: p.id, score, streak, correctCount, answeredCount, pointMismatches };
  });
  const ranks = new Map(shared.rankPlayers(reference, 'CLASSIC').map((r) => [r.id, r.rank]));
  const byId = new Map(reference.map((r) => [r.id, r]));
  let scoreMismatches = 0;
  let countMismatches = 0;
  let rankMismatches = 0;
  let pointMismatches = 0;
  for (const p of dbPlayers) {
    const ref = byId.get(p.id);
    if (ref.score !== p.score) scoreMismatches++;
    if (
      ref.streak !== p.streak ||
      ref.correctCount !== p.correctCount ||
      ref.answeredCount !== p.answeredCount
    )
      countMismatches++;
    if (ranks.get(p.id) !== p.rank) rankMismatches++;
    pointMismatches += ref.pointMismatches;
  }
  // What each phone was told last equals what the database holds.
  const dbScore = new Map(dbPlayers.map((p) => [p.id, p.score]));
  const phoneMismatches = joined.filter((p) => p.me.at(-1)?.[1] !== dbScore.get(p.playerId)).length;
  const expectedCredits = dbPlayers.filter((p) => p.personId && p.answeredCount > 0).length;

  if (joined.length !== players.length)
    failures.push(`${players.length - joined.length} players could not join`);
  if (dbPlayers.length !== joined.length)
    failures.push(`${dbPlayers.length} players stored, ${joined.length} joined`);
  if (acked.length !== expectedAnswers)
    failures.push(`${expectedAnswers - acked.length} answers never acknowledged`);
  if (lostAnswers) failures.push(`${lostAnswers} acknowledged answers missing`);
  if (duplicates) failures.push(`${duplicates} duplicate answer rows`);
  if (unacked) failures.push(`${unacked} stored answers nobody was told about`);
  if (misgraded) failures.push(`${misgraded} answers graded unlike what was sent`);
  if (firstAttemptDuplicates)
    failures.push(`${firstAttemptDuplicates} first answers acknowledged as duplicates`);
  if (scoreMismatches) failures.push(`${scoreMismatches} scores differ from the reference scorer`);
  if (pointMismatches) failures.push(`${pointMismatches} answers' points differ from the reference scorer`);
  if (countMismatches) failures.push(`${countMismatches} streaks or counts differ from the reference scorer`);
  if (rankMismatches) failures.push(`${rankMismatches} ranks differ from rankPlayers`);
  if (phoneMismatches) failures.push(`${phoneMismatches} phones' last score differs from the database`);
  if (gameRow?.phase !== 'FINISHED' || finished.phase !== 'FINISHED')
    failures.push('the game did not finish');
  if (credits.entries !== expectedCredits || credits.people !== expectedCredits)
    failures.push(`${credits.entries} credit entries for ${expectedCredits} employees who answered`);
  return {
    joined: joined.length,
    sent: sent.length,
    acked: acked.length,
    expectedAnswers,
    rows: n,
    lostAnswers,
    duplicates,
    unacked,
    misgraded,
    firstAttemptDuplicates,
    scoresIdentical: scoreMismatches === 0 && pointMismatches === 0 && countMismatches === 0,
    ranksIdentical: rankMismatches === 0,
    phonesMatch: phoneMismatches === 0,
    credits: `${credits.entries}/${expectedCredits}`,
    failures,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

const p = (values, q) => percentile(sortedOf(values), q);
const ms = (v) => (Number.isFinite(v) ? fmt(v) : '–');
const errorTotal = (m) => [...m.values()].reduce((a, b) => a + b, 0);

function roundsTable(g) {
  return table(
    [
      'round',
      'nextLiveRound ms',
      'OPEN p50 / p95 / max ms',
      'OPEN p95 from next sent',
      'acked',
      'ack p50 / p99 ms',
      'last answer stored → REVEAL built ms',
      'REVEAL p50 / p95 / max ms',
      'me p95 ms',
    ],
    g.stats.perRound.map((r) => [
      `${r.round}${r.killed ? ' (server killed)' : ''}`,
      ms(r.nextMs),
      `${ms(p(r.open, 0.5))} / ${ms(p(r.open, 0.95))} / ${ms(Math.max(...r.open))}`,
      ms(p(r.openFromNext, 0.95)),
      r.acked,
      `${ms(p(r.ack, 0.5))} / ${ms(p(r.ack, 0.99))}`,
      ms(r.closeMs),
      `${ms(p(r.reveal, 0.5))} / ${ms(p(r.reveal, 0.95))} / ${ms(Math.max(...r.reveal))}`,
      ms(p(r.me, 0.95)),
    ]),
  );
}

function loadRow(g) {
  const s = g.storm;
  const cpuMs = (g.cpu.serverSeconds * 1000) / g.size;
  const perThousand = ((g.mem.peak - g.mem.base) / g.size) * 1000;
  const errors = errorTotal(g.stats.errors) + g.screenErrors.length;
  return [
    g.variant,
    fmt(g.size),
    `${ms(p(s.joinMs, 0.5))} / ${ms(p(s.joinMs, 0.99))}`,
    s.joinTotalS.toFixed(1),
    s.subscribedTotalS.toFixed(1),
    `${ms(p(g.stats.pooled.ack, 0.5))} / ${ms(p(g.stats.pooled.ack, 0.99))}`,
    g.killed ? '–' : cpuMs.toFixed(1),
    g.killed ? '–' : `${fmt(g.mem.base)} → ${fmt(g.mem.peak)}`,
    g.killed ? '–' : perThousand.toFixed(0),
    ms(g.finishMs),
    errors,
    `${g.check.lostAnswers} / ${g.check.duplicates}`,
  ];
}

function fanoutRow(g) {
  const x = g.stats.pooled;
  const peer = g.peer;
  const ours = p(x.open, 0.95);
  const theirs = peer ? p(peer.latencies, 0.95) : NaN;
  return [
    g.variant,
    fmt(g.size),
    `${ms(ours)} / ${ms(Math.max(...x.open))}`,
    ms(p(x.openFromNext, 0.95)),
    `${ms(p(x.reveal, 0.95))} / ${ms(Math.max(...x.reveal))}`,
    ms(p(x.revealFromAck, 0.95)),
    ms(p(x.me, 0.95)),
    peer ? `${ms(theirs)} / ${ms(Math.max(...peer.latencies))}` : '–',
    peer ? `${(ours / theirs).toFixed(1)}×` : '–',
  ];
}

function correctnessRow(g) {
  const c = g.check;
  const l = g.stats.lost;
  return [
    g.variant,
    fmt(g.size),
    `${fmt(c.sent)} / ${fmt(c.acked)} / ${fmt(c.rows)}`,
    c.lostAnswers,
    c.duplicates,
    c.unacked,
    c.misgraded,
    `${l.open} / ${l.reveal} / ${l.me} / ${l.finished}`,
    c.scoresIdentical ? 'yes' : 'NO',
    c.ranksIdentical ? 'yes' : 'NO',
    c.phonesMatch ? 'yes' : 'NO',
    c.credits,
    g.failures.length ? `FAIL: ${g.failures.join('; ')}` : 'ok',
  ];
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(join(root, 'server/dist/main.js')) || !existsSync(join(root, 'shared/dist/live.js')))
    throw new Error('server/dist or shared/dist is missing: run "npm run build" first');
  const shared = await import(pathToFileURL(join(root, 'shared/dist/live.js')).href);
  const maxPlayers = Math.max(
    WARM_UP.size,
    ...(parts.includes('single') ? OPT.sizes : []),
    parts.includes('redis') ? OPT.redisSize : 0,
    parts.includes('kill') ? OPT.killSize : 0,
  );
  const database = await createDatabase('palma_live_bench');
  const { dbName, dbUrl } = database;
  let servers = [];
  let db = null;
  let workers = [];
  const cleanUp = async () => {
    for (const w of workers) w.child.kill('SIGTERM');
    workers = [];
    await Promise.all(servers.map((s) => stopServer(s.child).catch(() => undefined)));
    servers = [];
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
  const games = [];
  try {
    const t0 = performance.now();
    const start = (extra = {}) => startServer({ dbUrl, secret: SESSION_SECRET, pool: OPT.pool, ...extra });
    servers = [await start()]; // migrates the fresh database
    db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    const setup = await setUp(db, servers[0], maxPlayers);
    workers = startWorkers(OPT.clientProcs);
    const ctx = { db, shared, setup, workers, dbUrl };
    console.log(`server: ${serverVersion()}`);
    console.log(
      `set-up: database ${dbName}, ${fmt(setup.employees.length)} employees signed in, ${setup.questions.length} bank questions, ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s; ${OPT.clientProcs} client processes; server pool ${OPT.pool} ` +
        `connections per process (DATABASE_POOL_SIZE); subscription document: ${SUBSCRIPTION_SOURCE}`,
    );
    const loadBefore = loadavg()[0].toFixed(1);
    const play = async (spec) => {
      const started = performance.now();
      const g = await playGame(ctx, spec);
      g.failures = [...g.check.failures];
      if (!g.killed) {
        const l = g.stats.lost;
        if (l.open + l.reveal + l.me + l.finished > 0)
          g.failures.push(`phones missed ${l.open + l.reveal + l.me + l.finished} updates`);
      }
      if (g.stats.perRound.some((r) => !r.revealed)) g.failures.push('a round never closed');
      g.seconds = (performance.now() - started) / 1000;
      console.log(
        `  ${spec.label}: ${fmt(g.size)} players, ${g.seconds.toFixed(0)} s` +
          (g.failures.length ? `, FAILED: ${g.failures.join('; ')}` : '') +
          (errorTotal(g.stats.errors) ? `, ${errorTotal(g.stats.errors)} errors` : ''),
      );
      games.push(g);
      return g;
    };

    if (parts.includes('single')) {
      await play({
        label: 'warm-up',
        variant: 'warm-up',
        size: WARM_UP.size,
        servers,
        rounds: WARM_UP.rounds,
        measure: false,
      });
      for (const size of OPT.sizes)
        await play({ label: `${size} players`, variant: '1 process', size, servers });
    }
    if (parts.includes('redis')) {
      await Promise.all(servers.map((s) => stopServer(s.child)));
      servers = [];
      servers.push(await start({ redisUrl: REDIS_URL }));
      servers.push(await start({ redisUrl: REDIS_URL }));
      await play({
        label: 'warm-up (Redis)',
        variant: 'warm-up, 2 processes + Redis',
        size: WARM_UP.size,
        servers,
        rounds: WARM_UP.rounds,
        measure: false,
      });
      await play({
        label: `${OPT.redisSize} players, Redis`,
        variant: '2 processes + Redis',
        size: OPT.redisSize,
        servers,
      });
    }
    if (parts.includes('kill')) {
      await Promise.all(servers.map((s) => stopServer(s.child)));
      servers = [await start()];
      await play({
        label: `${OPT.killSize} players, kill -9`,
        variant: '1 process, kill -9 + restart',
        size: OPT.killSize,
        servers,
        kill: KILL,
        timeLimitSeconds: KILL_TIME_LIMIT_SECONDS,
      });
    }
    for (const w of workers) await w.call('exit').catch(() => undefined);
    workers = [];
    report(games, loadBefore);
  } finally {
    await cleanUp();
  }
}

function report(games, loadBefore) {
  const measured = games.filter((g) => g.measure);
  console.log(
    `\nLive game: CLASSIC, ${OPT.rounds} rounds of ${TIME_LIMIT_SECONDS} s (${KILL_TIME_LIMIT_SECONDS} s in the kill -9 game), every player answers 0–${OPT.answerWindowMs / 1000} s after the ` +
      `question reaches their phone (${Math.round(CORRECT_SHARE * 100)} % right); ${Math.round(OPT.employees * 100)} % employees ` +
      `(session cookie), the rest guests (player token); joins ${OPT.joinConcurrency} in flight; ${OPT.clientProcs} client processes\n`,
  );
  for (const g of measured) {
    console.log(
      `### ${g.variant}, ${fmt(g.size)} players — per round (ms; fan-out from the state's serverNow to receipt)\n`,
    );
    console.log(roundsTable(g));
    console.log(`\n  CPU, join storm (${g.storm.wallS.toFixed(1)} s): ${g.cpu.storm.text}`);
    console.log(
      `  CPU, rounds:           ${g.killed ? 'not measured (the server was killed and restarted)' : g.cpu.rounds.text}`,
    );
    // Windows: the join storm, and each round from nextLiveRound sent to its REVEAL built (the
    // answering); the killed round is left out.
    const storm = [g.stormWindow];
    const answering = g.stats.perRound.filter((r) => !r.killed).map((r) => r.window);
    const inside = (windows) => (x) => windows.some(([from, to]) => x.at >= from && x.at <= to);
    const pick = (items, windows, kind) =>
      items.filter((x) => (kind === undefined || x.kind === kind) && inside(windows)(x)).map((x) => x.ms);
    const trio = (v) => `${ms(p(v, 0.5))} / ${ms(p(v, 0.99))} / ${ms(Math.max(...v))}`;
    const probes = (windows) =>
      Object.keys(PROBES)
        .map((kind) => `${kind} ${trio(pick(g.probes, windows, kind))}`)
        .join(', ');
    console.log(
      `  server responsiveness (p50 / p99 / max ms of a request every 50 ms: loop = a 404, graphql = { __typename }, ` +
        `db = /health's SELECT 1 through the pool): join storm ${probes(storm)}; answering ${probes(answering)}; ` +
        `busy for ${g.busyAfterStorm.toFixed(1)} s after the last phone subscribed`,
    );
    console.log(
      `  client processes' own event-loop lag (every 20 ms, p50 / p99 / max ms): join storm ${trio(pick(g.clientLag, storm))}, ` +
        `answering ${trio(pick(g.clientLag, answering))}`,
    );
    const sp = g.stats.pooledSplit;
    console.log(
      `  answer ack split by the row's received_at (p50 / p99): sent → stored ${ms(p(sp.toDb, 0.5))} / ${ms(p(sp.toDb, 0.99))} ms, ` +
        `stored → ack received ${ms(p(sp.fromDb, 0.5))} / ${ms(p(sp.fromDb, 0.99))} ms; ack p50 / p99 of employees ` +
        `(cookie looked up on every request) ${ms(p(sp.employees, 0.5))} / ${ms(p(sp.employees, 0.99))} ms, ` +
        `of guests ${ms(p(sp.guests, 0.5))} / ${ms(p(sp.guests, 0.99))} ms`,
    );
    const act = (windows) => {
      const a = summariseActivity(g.activity.filter(inside(windows)));
      return (
        `${a.activeP50} / ${a.activeP90} / ${a.activeMax} active of ${a.connections} (p50 / p90 / max), ` +
        `some waiting in ${Math.round(a.waitingShare * 100)} % of samples` +
        (a.waits.length ? ` (${a.waits.map(([w, n]) => `${w} ×${n}`).join(', ')})` : '')
      );
    };
    console.log(
      `  server's database connections (pg_stat_activity every 100 ms): join storm ${act(storm)}; answering ${act(answering)}`,
    );
    const m = g.stats.perPhone;
    console.log(
      `  messages per phone: ${(m.lobby + m.states + m.progress + m.me).toFixed(0)} — ${m.lobby.toFixed(0)} lobby states, ` +
        `${m.states.toFixed(0)} other states, ${m.progress.toFixed(0)} answer counts (progress), ${m.me.toFixed(0)} own results (me)`,
    );
    const hwm = g.killed ? '' : `; server VmHWM ${fmt(g.mem.hwm)} MB`;
    console.log(
      `  finish (nextLiveRound after the last round, credits and podium): ${ms(g.finishMs)} ms${hwm}`,
    );
    if (g.peer) {
      const perB = g.peer.perBroadcast.map((l) => ms(p(l, 0.95))).join(', ');
      console.log(
        `  bare peer: ${fmt(g.peer.bytes)}-byte message, ${PEER_BROADCASTS} broadcasts, p95 per broadcast ${perB} ms` +
          (g.peer.missing ? `, ${g.peer.missing} sockets missed one` : ''),
      );
    }
    if (g.killed) {
      const k = g.killed;
      console.log(
        `  kill -9 in round ${k.round} ${KILL.afterMs} ms after it opened, ${g.stats.acksBeforeKill} answers acknowledged before; ` +
          `server back after ${((k.upAt - k.killedAt) / 1000).toFixed(1)} s; the round was revealed ` +
          `${g.stats.roundAfterKill === null ? 'NEVER' : `${g.stats.roundAfterKill.toFixed(1)} s after the restart`}; ` +
          `${g.stats.retriedAnswers} answers retried (${g.stats.networkErrors} network errors), ` +
          `${g.stats.reconnects} websocket reconnections, ${g.stats.viaReconnect} states first seen on a reconnection ` +
          `(not in the fan-out numbers; the killed round is left out of the pooled fan-out numbers, ` +
          `but its answers' ack latencies, which include the downtime, are in the load table); ` +
          `${g.stats.late} answers refused because the server was still down at the round's deadline ` +
          `(${KILL_TIME_LIMIT_SECONDS}-second rounds in this game)`,
      );
    }
    const errs = [...g.stats.errors].map(([k, n]) => `    ${n} × ${k}`);
    if (g.screenErrors.length) errs.push(`    host screen: ${g.screenErrors.join('; ')}`);
    if (errs.length) console.log(`  errors:\n${errs.join('\n')}`);
    console.log('');
  }

  console.log('## Load (latencies in ms; server CPU and memory are of the server processes together)\n');
  console.log(
    table(
      [
        'variant',
        'players',
        'join p50 / p99',
        'joins done s',
        'all subscribed s',
        'answer ack p50 / p99',
        'server CPU ms / player',
        'server RSS MB before → peak',
        'RSS MB / 1,000 players',
        'finish ms',
        'errors',
        'lost / dup answers',
      ],
      measured.map(loadRow),
    ),
  );
  console.log(
    '\n## Fan-out (ms, p95 / max over every phone and round; OPEN and REVEAL from the serverNow of the published state, ' +
      '"from next" from the host sending nextLiveRound, "from last answer" from the last answer stored (its row’s received_at), me = the ' +
      "player's own result after REVEAL, from REVEAL's serverNow; bare peer from the start of its send loop; ratio = OPEN p95 / peer p95)\n",
  );
  console.log(
    table(
      [
        'variant',
        'players',
        'OPEN p95 / max',
        'OPEN p95 from next',
        'REVEAL p95 / max',
        'REVEAL p95 from last answer',
        'me p95',
        'bare peer p95 / max',
        'ratio',
      ],
      measured.map(fanoutRow),
    ),
  );
  console.log(
    '\n## Correctness (read from the database after each game; reference scorer = shared/dist scoreAnswer over the stored rows)\n',
  );
  console.log(
    table(
      [
        'variant',
        'players',
        'answers sent / acked / rows',
        'lost',
        'duplicated',
        'stored, never acked',
        'graded unlike sent',
        'missed OPEN / REVEAL / me / FINISHED',
        'scores identical',
        'ranks identical',
        'phones = DB',
        'credits',
        'verdict',
      ],
      games.map(correctnessRow),
    ),
  );

  console.log(
    `\nCPU: ${availableParallelism()} cores shared by the server process(es), PostgreSQL, Redis and the load generator ` +
      `(this process and the client processes); load average before the first game ${loadBefore}`,
  );
  const note = noisyNote(
    measured.flatMap((g) => [
      [`the ${fmt(g.size)}-player ${g.variant} join storm`, g.cpu.storm],
      ...(g.killed ? [] : [[`the ${fmt(g.size)}-player ${g.variant} rounds`, g.cpu.rounds]]),
    ]),
  );
  if (note) console.log(note);

  for (const target of measured.filter((g) => g.size === 2000 && !g.killed)) {
    const t = target.stats.pooled;
    const ack99 = p(t.ack, 0.99);
    const open95 = p(t.open, 0.95);
    const reveal95 = p(t.reveal, 0.95);
    const ratio = target.peer ? open95 / p(target.peer.latencies, 0.95) : NaN;
    const lostOk =
      target.check.lostAnswers === 0 &&
      target.check.duplicates === 0 &&
      target.check.acked === target.check.expectedAnswers;
    console.log(
      `\ntargets at 2,000 players (${target.variant}): zero lost or duplicated answers ${lostOk ? 'met' : 'NOT met'}; ` +
        `answer ack p99 < 200 ms ${ack99 < 200 ? 'met' : 'NOT met'} (${ms(ack99)} ms); ` +
        `fan-out p95 < 500 ms ${open95 < 500 && reveal95 < 500 ? 'met' : 'NOT met'} (OPEN ${ms(open95)}, REVEAL ${ms(reveal95)} ms); ` +
        `within 3× the bare peer ${ratio <= 3 ? 'met' : 'NOT met'} (${Number.isFinite(ratio) ? ratio.toFixed(1) : '–'}×)`,
    );
  }
  const killGame = games.find((g) => g.killed);
  if (killGame)
    console.log(
      `kill -9 and restart: round closed ${killGame.stats.roundAfterKill !== null ? 'yes' : 'NO'}; ` +
        `scores identical to the reference scorer: ${killGame.check.scoresIdentical ? 'yes' : 'no'}`,
    );
  for (const g of games) {
    if (g.variant.startsWith('warm-up')) continue;
    console.log(
      `scores identical (${g.variant}, ${fmt(g.size)} players): ${g.check.scoresIdentical ? 'yes' : 'no'}`,
    );
  }
  const failed = games.filter((g) => g.failures.length > 0);
  const errors = games.reduce((a, g) => a + errorTotal(g.stats.errors) + g.screenErrors.length, 0);
  if (failed.length || errors) process.exitCode = 1;
  console.log(
    `invariants: ${failed.length ? `FAILED in ${failed.map((g) => g.label).join(', ')}` : 'all hold'}; errors: ${errors}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
