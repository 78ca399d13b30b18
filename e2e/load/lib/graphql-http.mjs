/** GraphQL over keep-alive HTTP/1.1, as a browser sends it (JSON POST to /graphql, cookie header). */
import http from 'node:http';

/**
 * A caller for one server port: call(cookie, query, variables) resolves { ok: true, data } or
 * { ok: false, error, network } (network: the request never got an answer: refused, reset, …).
 */
export function graphqlRequester(port, maxSockets, { host = '127.0.0.1' } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const call = (cookie, query, variables) =>
    new Promise((resolve) => {
      const body = JSON.stringify({ query, variables });
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (cookie) headers.cookie = cookie;
      const req = http.request({ host, port, path: '/graphql', method: 'POST', agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (e) => resolve({ ok: false, error: e.code ?? e.message, network: true }));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          if (json?.errors) {
            const e = json.errors[0];
            resolve({ ok: false, error: `${e.extensions?.code ?? 'GRAPHQL_ERROR'}: ${e.message}` });
          } else if (res.statusCode !== 200 || !json?.data) {
            resolve({ ok: false, error: `HTTP ${res.statusCode}` });
          } else {
            resolve({ ok: true, data: json.data });
          }
        });
      });
      req.on('error', (e) => resolve({ ok: false, error: e.code ?? e.message, network: true }));
      req.end(body);
    });
  return { call, close: () => agent.destroy() };
}
