import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient } from './client.ts';

// A plain HTTP server answering like Parley does on a few routes, so the client runs over a real socket.
let server: Server;
let base = '';
const seen: { method: string; url: string; accept: string; auth: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, accept: String(req.headers.accept), auth: String(req.headers.authorization), body });
      const json = (status: number, v: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(v));
      if (req.url === '/api/auth/me') return json(200, { username: 'mediator', roles: [] });
      if (req.url === '/api/auth/logout') return res.writeHead(204).end();
      if (req.url === '/api/auth/login') return json(401, { error: { code: 'unauthenticated', reason: 'bad_credentials', message: 'wrong' } });
      if (req.url === '/api/processes/p%201/log/checkpoint') return res.writeHead(200, { 'content-type': 'text/plain' }).end('origin\n1\nroot\n');
      if (req.url?.startsWith('/api/processes/p/map/clusters')) return void setTimeout(() => json(200, { type: 'FeatureCollection', features: [] }), 2000);
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>bad gateway</h1>');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the typed client', () => {
  it('answers the body, sends the token, and gives undefined for 204', async () => {
    const api = createClient({ baseUrl: base, token: 'secret' });
    expect(await api.GET('/api/auth/me')).toEqual({ username: 'mediator', roles: [] });
    expect(seen.at(-1)).toMatchObject({ auth: 'Bearer secret' });
    expect(await api.POST('/api/auth/logout')).toBeUndefined();
  });

  it('throws ApiError with the server error body, so callers switch on code and reason', async () => {
    const err = await createClient({ baseUrl: base })
      .login('mediator', 'nope')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated', reason: 'bad_credentials' } } });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ username: 'mediator', password: 'nope' });
  });

  it('keeps the status of an answer that is not the error shape', async () => {
    const err = await createClient({ baseUrl: base })
      .GET('/api/processes')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 502, body: { error: { code: 'internal', reason: 'internal' } } });
  });

  it('reads the checkpoint as text, with the process id encoded', async () => {
    expect(await createClient({ baseUrl: base }).logCheckpoint('p 1')).toBe('origin\n1\nroot\n');
    expect(seen.at(-1)!.accept).toContain('text/plain');
  });

  it('lets a newer request abort a GET, and goes through the fetch it is given', async () => {
    let used = 0;
    const api = createClient({ baseUrl: base, fetch: (input, init) => (used++, fetch(input, init)) });
    const ctrl = new AbortController();
    const pending = api.GET('/api/processes/{processId}/map/clusters', {
      params: { path: { processId: 'p' }, query: { bbox: '0,0,1,1', zoom: 3 } },
      signal: ctrl.signal,
    });
    ctrl.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    expect(used).toBe(1);
  });
});
