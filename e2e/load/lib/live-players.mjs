/**
 * One client process of the live-game benchmark (forked by live-benchmark.mjs): simulated phones,
 * each with its own websocket (graphql-ws over `ws`, as the web client: a session cookie on the
 * upgrade for employees, connection params { playerToken } for guests) and keep-alive HTTP for
 * joining and answering. The parent sends commands over IPC ({ id, type, ... }) and gets
 * { id, result } or { id, error } back. Every time is Date.now() (one clock for every process on
 * the machine, the server's `serverNow` included).
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphqlRequester } from './graphql-http.mjs';
import { countError, sleep } from './stats.mjs';

const JOIN = `mutation LiveJoin($pin: String!, $n: String) {
  joinLiveGame(pin: $pin, nickname: $n) { gameId playerId playerToken nickname team } }`;
const ANSWER = `mutation LiveAnswer($g: ID!, $t: String!, $r: Int!, $a: LiveAnswerInput!) {
  answerLiveRound(gameId: $g, playerToken: $t, round: $r, answer: $a) { round receivedAt duplicate } }`;

/** The web client's reconnection schedule (client/src/app/graphql-client.ts). */
const reconnectDelayMs = (retries) =>
  Math.min(10_000, 500 * 2 ** retries) + Math.floor(Math.random() * 1_000);

/** Every phone has its own keep-alive connection for its requests (phones share no sockets). */
const requester = (player) => (player.http ??= graphqlRequester(player.port, 1));

/**
 * This process's own event-loop lag, every 20 ms ([at, ms late]): a late client would make the
 * server look slow, so the parent reports it next to the server's numbers.
 */
const lag = [];
let lagExpected = Date.now() + 20;
setInterval(() => {
  const now = Date.now();
  lag.push([now, Math.max(0, now - lagExpected)]);
  if (lag.length > 100_000) lag.splice(0, 50_000);
  lagExpected = now + 20;
}, 20).unref();

/** The game being played: its players (this process's share) and settings. */
let game = null;
/** Plain websocket clients of the bare broadcast peer. */
let peer = null;

function subscribe(player) {
  const { cookie } = player;
  class PlayerSocket extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols, { headers: cookie ? { cookie } : {} });
    }
  }
  let firstData;
  const first = new Promise((resolve) => (firstData = resolve));
  player.client = createClient({
    url: `ws://127.0.0.1:${player.port}/graphql`,
    webSocketImpl: PlayerSocket,
    lazy: true,
    connectionParams: cookie ? {} : { playerToken: player.token },
    retryAttempts: 1_000,
    retryWait: (retries) => sleep(reconnectDelayMs(retries)),
    shouldRetry: (e) => !(e && typeof e === 'object' && e.code === 4403),
    keepAlive: 15_000,
    on: {
      connected: () => player.connects++,
      closed: () => player.closes++,
    },
  });
  player.dispose = player.client.subscribe(
    {
      query: game.subscription,
      operationName: game.operationName,
      variables: { gameId: game.gameId, playerToken: player.token },
    },
    {
      next: (value) => {
        const at = Date.now();
        if (value.errors?.length) {
          const e = value.errors[0];
          player.subErrors++;
          countError(game.errors, `subscription: ${e.extensions?.code ?? ''} ${e.message}`);
          return;
        }
        const u = value.data?.liveGame;
        if (!u) return;
        if (!player.firstAt) {
          player.firstAt = at;
          firstData();
        }
        if (u.state) {
          const s = u.state;
          player.states.push([s.round, s.phase, s.version, s.serverNow, at]);
          if (s.phase === 'REVEAL') player.revealed.add(s.round);
          if (s.phase === 'FINISHED') player.finished = true;
          if (s.phase === 'OPEN' && !player.answers.has(s.round)) scheduleAnswer(player, s.round);
        }
        if (u.me) {
          const m = u.me;
          player.me.push([m.last?.round ?? null, m.score, m.rank, m.streak, at]);
          if (m.last) player.meRounds.add(m.last.round);
        }
        if (u.progress) player.progress++;
      },
      error: (e) => {
        player.subErrors++;
        const text = Array.isArray(e)
          ? `${e[0]?.extensions?.code ?? ''} ${e[0]?.message}`
          : (e?.message ?? `closed ${e?.code ?? ''} ${e?.reason ?? ''}`);
        countError(game.errors, `subscription failed: ${text}`);
        firstData();
      },
      complete: () => undefined,
    },
  );
  return first;
}

function scheduleAnswer(player, round) {
  const rec = {
    round,
    right: Math.random() < game.correctShare,
    sentAt: 0,
    ackAt: 0,
    attempts: 0,
    networkErrors: 0,
    duplicate: false,
    receivedAt: null,
    error: null,
    lastAt: null,
    late: false,
  };
  player.answers.set(round, rec);
  setTimeout(() => void sendAnswer(player, rec), Math.random() * game.answerWindowMs);
}

async function sendAnswer(player, rec) {
  const input = game.answers[rec.round][rec.right ? 'right' : 'wrong'];
  const variables = { g: game.gameId, t: player.token, r: rec.round, a: input };
  for (;;) {
    rec.attempts++;
    const t = Date.now();
    if (rec.attempts === 1) rec.sentAt = t;
    const r = await requester(player).call(player.cookie, ANSWER, variables);
    const now = Date.now();
    if (r.ok) {
      const ack = r.data.answerLiveRound;
      rec.ackAt = now;
      rec.duplicate = ack.duplicate;
      rec.receivedAt = ack.receivedAt;
      if (ack.duplicate && rec.attempts === 1)
        countError(game.errors, 'answer: first attempt acked as duplicate');
      return;
    }
    // A server that is down (killed, restarting): the phone tries again, as a person would tap again.
    if (r.network && game.retryNetwork && now - rec.sentAt < 90_000) {
      rec.networkErrors++;
      await sleep(200 + Math.random() * 300);
      continue;
    }
    rec.error = r.error;
    rec.lastAt = t;
    // Refused as not open after retrying through an outage: the parent checks it came past the
    // round's deadline (then the server was simply down too long) and reports it apart.
    rec.late = rec.networkErrors > 0 && /QUESTION_NOT_OPEN/.test(r.error);
    if (!rec.late) countError(game.errors, `answer: ${r.error}`);
    return;
  }
}

async function storm(msg) {
  game = {
    gameId: msg.gameId,
    pin: msg.pin,
    subscription: msg.subscription,
    operationName: msg.operationName,
    answers: msg.answers,
    answerWindowMs: msg.answerWindowMs,
    correctShare: msg.correctShare,
    retryNetwork: msg.retryNetwork,
    errors: new Map(),
    players: msg.players.map((p) => ({
      ...p,
      token: null,
      playerId: null,
      http: null,
      joinMs: null,
      joinAt: null,
      firstAt: null,
      client: null,
      dispose: null,
      states: [],
      me: [],
      revealed: new Set(),
      meRounds: new Set(),
      finished: false,
      answers: new Map(),
      progress: 0,
      connects: 0,
      closes: 0,
      subErrors: 0,
    })),
  };
  const firsts = [];
  let next = 0;
  const joinOne = async (player) => {
    const t = Date.now();
    const r = await requester(player).call(player.cookie, JOIN, { pin: game.pin, n: player.nickname });
    player.joinAt = Date.now();
    player.joinMs = player.joinAt - t;
    if (!r.ok) {
      countError(game.errors, `join: ${r.error}`);
      return;
    }
    player.token = r.data.joinLiveGame.playerToken;
    player.playerId = r.data.joinLiveGame.playerId;
    // The phone opens its socket as soon as it has joined (not counted against the join bound).
    firsts.push(subscribe(player));
  };
  await Promise.all(
    Array.from({ length: Math.min(msg.concurrency, game.players.length) }, async () => {
      while (next < game.players.length) await joinOne(game.players[next++]);
    }),
  );
  const lastJoinAt = Math.max(...game.players.map((p) => p.joinAt ?? 0));
  await Promise.race([Promise.all(firsts), sleep(60_000)]);
  const joined = game.players.filter((p) => p.token);
  return {
    joinMs: game.players.filter((p) => p.joinMs !== null).map((p) => p.joinMs),
    joined: joined.length,
    subscribedMs: joined.filter((p) => p.firstAt).map((p) => p.firstAt - p.joinAt),
    subscribed: joined.filter((p) => p.firstAt).length,
    lastJoinAt,
    lastFirstAt: Math.max(0, ...joined.map((p) => p.firstAt ?? 0)),
  };
}

/** Resolves once every joined player saw the round's reveal (state and own result) or the end. */
async function waitFor(msg) {
  const joined = game.players.filter((p) => p.token);
  const done = (p) =>
    msg.phase === 'FINISHED'
      ? p.finished
      : p.revealed.has(msg.round) &&
        p.meRounds.has(msg.round) &&
        (!p.answers.has(msg.round) || p.answers.get(msg.round).ackAt || p.answers.get(msg.round).error);
  const started = Date.now();
  while (Date.now() - started < msg.timeoutMs) {
    if (joined.every(done)) return { missing: 0, ms: Date.now() - started };
    await sleep(20);
  }
  return { missing: joined.filter((p) => !done(p)).length, ms: Date.now() - started };
}

function report(msg) {
  return {
    lag: lag.filter(([at]) => at >= msg.from),
    errors: [...game.errors],
    players: game.players.map((p) => ({
      idx: p.idx,
      playerId: p.playerId,
      employee: Boolean(p.cookie),
      joinMs: p.joinMs,
      joinAt: p.joinAt,
      firstAt: p.firstAt,
      states: p.states,
      me: p.me,
      answers: [...p.answers.values()].map((a) => [
        a.round,
        a.right,
        a.sentAt,
        a.ackAt,
        a.attempts,
        a.networkErrors,
        a.duplicate,
        a.receivedAt,
        a.error,
        a.lastAt,
        a.late,
      ]),
      progress: p.progress,
      connects: p.connects,
      closes: p.closes,
      subErrors: p.subErrors,
    })),
  };
}

async function closeGame() {
  if (!game) return {};
  await Promise.race([
    Promise.all(
      game.players.map(async (p) => {
        p.dispose?.();
        p.http?.close();
        await p.client?.dispose();
      }),
    ),
    sleep(10_000),
  ]);
  game = null;
  return {};
}

async function peerConnect(msg) {
  peer = Array.from({ length: msg.count }, () => ({ ws: null, at: [] }));
  await Promise.all(
    peer.map(
      (c) =>
        new Promise((resolve, reject) => {
          c.ws = new WebSocket(`ws://127.0.0.1:${msg.port}/`);
          c.ws.on('open', resolve);
          c.ws.on('error', reject);
          c.ws.on('message', (data) => {
            JSON.parse(data.toString()); // as graphql-ws parses every message
            c.at.push(Date.now());
          });
        }),
    ),
  );
  return { connected: peer.length };
}

async function peerWait(msg) {
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (peer.every((c) => c.at.length >= msg.count)) return { missing: 0 };
    await sleep(10);
  }
  return { missing: peer.filter((c) => c.at.length < msg.count).length };
}

async function peerClose() {
  const at = peer?.map((c) => c.at) ?? [];
  await Promise.all(
    (peer ?? []).map(
      (c) =>
        new Promise((resolve) => {
          if (c.ws.readyState === WebSocket.CLOSED) return resolve();
          c.ws.once('close', resolve);
          c.ws.terminate();
        }),
    ),
  );
  peer = null;
  return { at };
}

const handlers = {
  storm,
  wait: waitFor,
  report,
  close: closeGame,
  'peer-connect': peerConnect,
  'peer-wait': peerWait,
  'peer-close': peerClose,
  exit: async () => {
    setImmediate(() => process.exit(0));
    return {};
  },
};

process.on('message', async (msg) => {
  try {
    const result = await handlers[msg.type](msg);
    process.send({ id: msg.id, result });
  } catch (error) {
    process.send({ id: msg.id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
