import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignatureSigner, createWitnessServer, generateCosignatureKey, MemoryWitnessStore, parsePolicy, verifyCheckpoint, Witness } from '@parley/tlog';
import { httpWitnessClient } from '../src/db/log/witness-client.ts';
import { buildApp } from '../src/http/app.ts';
import { signLatest } from '../src/use-cases/log/sign-checkpoint.ts';
import type { LogDeps } from '../src/use-cases/ports.ts';
import { world, type RoleName, type World } from './support/world.ts';

type Who = RoleName | 'anonymous';

async function send(w: World, app: FastifyInstance, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, who: Who, payload?: object) {
  const res = await app.inject({ method, url: w.url(path), headers: w.headers[who], ...(payload ? { payload } : {}) });
  const json = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
  return { status: res.statusCode, json, body: res.body };
}

const servers: Server[] = [];
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, port: (server.address() as AddressInfo).port, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A real witness for the test's log that counts the requests it gets. */
async function startWitness(w: World) {
  const keys = generateCosignatureKey(`wit-${Math.random().toString(36).slice(2, 8)}`);
  const witness = new Witness({
    signer: cosignatureSigner(keys.signerKey),
    logs: [{ origin: w.rt.logKeys.origin(w.pid), key: w.rt.logKeys.verifierKey(w.pid) }],
    store: new MemoryWitnessStore(),
  });
  const server = createWitnessServer({ witness });
  servers.push(server);
  const seen = { hits: 0 };
  server.on('request', () => seen.hits++);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { keys, seen, name: keys.verifierKey.split('+')[0]!, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const vkey = (name: string) => generateCosignatureKey(name).verifierKey;
const logSize = async (w: World) => (await w.rt.log.head(w.pid))!.size;
const sign = async (deps: LogDeps, w: World) => {
  const s = await signLatest(deps, w.pid);
  await s.pushed;
  // What is served once the pushes are done, cosignatures included.
  return (await deps.log.checkpointAt(w.pid, s.checkpoint.size))!;
};

afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

describe(`witness registration and approval (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it("keeps a delegate's witness pending (never called, never shown) until the mediator approves it", async () => {
    const wit = await startWitness(w);
    const reg = await send(w, w.app, 'POST', '/log/witnesses', 'delegateUkr', { partyId: 'ukr', vkey: wit.keys.verifierKey, url: wit.url });
    expect(reg.status, reg.body).toBe(201);
    expect(reg.json).toMatchObject({ name: wit.name, partyId: 'ukr', status: 'pending', version: 1, approvedBy: null });
    const cp = await sign(w.rt, w);
    expect(wit.seen.hits).toBe(0);
    expect(cp.cosignatures).toEqual([]);
    expect((await send(w, w.app, 'GET', '/log/witnesses', 'anonymous')).json.items).toMatchObject([{ name: wit.name, status: 'pending' }]);

    const before = await logSize(w);
    const approve = (who: Who, payload: object) => send(w, w.app, 'POST', `/log/witnesses/${wit.name}/approve`, who, payload);
    expect((await approve('delegateUkr', { version: 1 })).json.error.reason).toBe('mediator_approves');
    const other = await approve('delegateRus', { version: 1 });
    expect([other.status, other.json.error.reason]).toEqual([404, 'not_found_or_no_access']);
    expect((await approve('anonymous', { version: 1 })).status).toBe(401);
    expect((await approve('mediator', { version: 7 })).json.error.reason).toBe('stale_version');
    expect((await approve('mediator', { version: '1' })).status).toBe(400);
    expect((await send(w, w.app, 'POST', '/log/witnesses/no-such-witness/approve', 'mediator', { version: 1 })).status).toBe(404);
    expect(await logSize(w)).toBe(before);

    const ok = await approve('mediator', { version: 1 });
    expect(ok.status, ok.body).toBe(200);
    expect(ok.json).toMatchObject({ status: 'active', version: 2, approvedBy: w.actors.mediator.accountId });
    expect((await approve('mediator', { version: 2 })).json.error.reason).toBe('already_active');
    const signed = await sign(w.rt, w);
    expect(wit.seen.hits).toBeGreaterThan(0);
    const policy = parsePolicy({ log: w.rt.logKeys.verifierKey(w.pid), witnesses: [wit.keys.verifierKey], quorum: 1 });
    expect(verifyCheckpoint((await send(w, w.app, 'GET', '/log/checkpoint', 'anonymous')).body, policy).witnesses).toEqual([wit.name]);
    expect(signed.cosignatures.length).toBe(1);

    const journal = (await w.rt.store.reader.allJournal(w.pid)).filter((e) => e.recordType === 'witness' && e.recordId === wit.name);
    expect(journal.map((e) => [e.version, e.supersedes, (e.body as { status: string }).status])).toEqual([
      [1, null, 'pending'],
      [2, 1, 'active'],
    ]);
  });

  it("makes the mediator's own registration active at once, and a delegate's new address pending again", async () => {
    const wit = await startWitness(w);
    const reg = await send(w, w.app, 'POST', '/log/witnesses', 'mediator', { partyId: 'rus', vkey: wit.keys.verifierKey, url: wit.url });
    expect(reg.json).toMatchObject({ status: 'active', version: 1 });
    await sign(w.rt, w);
    const hits = wit.seen.hits;
    expect(hits).toBeGreaterThan(0);

    const moved = await startWitness(w);
    const change = (who: Who, version: number, url = moved.url) => send(w, w.app, 'PUT', `/log/witnesses/${wit.name}`, who, { url, version });
    expect((await change('delegateUkr', 1)).status).toBe(404);
    expect((await change('delegateRus', 1, 'ftp://example.org')).status).toBe(400);
    const changed = await change('delegateRus', 1);
    expect(changed.status, changed.body).toBe(200);
    expect(changed.json).toMatchObject({ status: 'pending', version: 2, url: moved.url });
    await sign(w.rt, w);
    // Neither the old address nor the new one is called until the mediator approves the new one.
    expect([wit.seen.hits, moved.seen.hits]).toEqual([hits, 0]);
    expect((await send(w, w.app, 'POST', `/log/witnesses/${wit.name}/approve`, 'mediator', { version: 2 })).json.status).toBe('active');
    await sign(w.rt, w);
    expect(moved.seen.hits).toBeGreaterThan(0);
    // A new key under a name already taken is a new witness, not a replacement.
    expect(
      (await send(w, w.app, 'POST', '/log/witnesses', 'delegateRus', { partyId: 'rus', vkey: wit.keys.verifierKey, url: moved.url })).json.error.reason,
    ).toBe('already_exists');
  });

  it('lets the party or the mediator remove a witness, which is then neither called nor shown, and nobody else', async () => {
    const wit = await startWitness(w);
    const reg = await send(w, w.app, 'POST', '/log/witnesses', 'mediator', { partyId: 'ordo', vkey: wit.keys.verifierKey, url: wit.url });
    expect(reg.json.status).toBe('active');
    const cosigned = await sign(w.rt, w);
    expect(cosigned.cosignatures.some((l) => l.startsWith(`— ${wit.name} `))).toBe(true);

    const before = await logSize(w);
    const remove = (who: Who, version: string) => send(w, w.app, 'DELETE', `/log/witnesses/${wit.name}?version=${version}`, who);
    const foreign = await remove('delegateUkr', '1');
    expect([foreign.status, foreign.json.error.reason]).toEqual([404, 'not_found_or_no_access']);
    expect((await remove('monitor', '1')).status).toBe(404);
    expect((await remove('anonymous', '1')).status).toBe(401);
    expect((await remove('mediator', '9')).json.error.reason).toBe('stale_version');
    expect((await remove('mediator', '01')).status).toBe(400);
    expect((await send(w, w.app, 'DELETE', `/log/witnesses/${wit.name}`, 'mediator')).status).toBe(400);
    expect(await logSize(w)).toBe(before);

    const removed = await remove('mediator', '1');
    expect(removed.status, removed.body).toBe(200);
    expect(removed.json).toMatchObject({ status: 'removed', version: 2, removedBy: w.actors.mediator.accountId });
    expect((await remove('mediator', '2')).json.error.reason).toBe('witness_removed');
    const hits = wit.seen.hits;
    await sign(w.rt, w);
    expect(wit.seen.hits).toBe(hits);
    // Its earlier cosignature is kept in the table but no longer served.
    expect((await w.rt.log.checkpointAt(w.pid, cosigned.size))!.cosignatures.some((l) => l.startsWith(`— ${wit.name} `))).toBe(false);
    expect((await send(w, w.app, 'GET', '/log/witnesses', 'anonymous')).json.items.find((x: { name: string }) => x.name === wit.name).status).toBe('removed');

    // The party's own delegate may remove its witness, and may bring the same key back (pending again).
    const back = await send(w, w.app, 'POST', '/log/witnesses', 'delegateUkr', { partyId: 'ordo', vkey: wit.keys.verifierKey, url: wit.url });
    expect(back.json.error.reason).toBe('not_your_party');
    const ukr = await startWitness(w);
    const mine = await send(w, w.app, 'POST', '/log/witnesses', 'delegateUkr', { partyId: 'ukr', vkey: ukr.keys.verifierKey, url: ukr.url });
    const gone = await send(w, w.app, 'DELETE', `/log/witnesses/${ukr.name}?version=${mine.json.version}`, 'delegateUkr');
    expect(gone.json.status, gone.body).toBe('removed');
    const again = await send(w, w.app, 'POST', '/log/witnesses', 'delegateUkr', { partyId: 'ukr', vkey: ukr.keys.verifierKey, url: ukr.url });
    expect(again.json).toMatchObject({ status: 'pending', version: 3 });
  });

  it('allows at most 3 pending or active witnesses per party, under concurrent registrations too', async () => {
    const before = await logSize(w);
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        send(w, w.app, 'POST', '/log/witnesses', 'delegateRus', { partyId: 'rus', vkey: vkey(`rus-limit-${i}`), url: `http://127.0.0.1:${9000 + i}` }),
      ),
    );
    // The earlier test left one active witness for rus; two more fit.
    const taken = (await w.rt.log.witnesses(w.pid)).filter((x) => x.partyId === 'rus' && x.status !== 'removed');
    expect(taken.length).toBe(3);
    expect(attempts.filter((a) => a.status === 201).length).toBe(2);
    for (const a of attempts.filter((x) => x.status !== 201)) expect([a.status, a.json.error.reason]).toEqual([409, 'witness_limit']);
    expect(await logSize(w)).toBe(before + 2);
    // The mediator is bound by the same limit; another party is not affected; a removal frees a place.
    expect(
      (await send(w, w.app, 'POST', '/log/witnesses', 'mediator', { partyId: 'rus', vkey: vkey('rus-limit-m'), url: 'http://127.0.0.1:9100' })).json.error
        .reason,
    ).toBe('witness_limit');
    expect((await send(w, w.app, 'POST', '/log/witnesses', 'mediator', { partyId: 'ordl', vkey: vkey('ordl-1'), url: 'http://127.0.0.1:9101' })).status).toBe(
      201,
    );
    const pending = taken.find((x) => x.status === 'pending')!;
    expect((await send(w, w.app, 'DELETE', `/log/witnesses/${pending.name}?version=${pending.version}`, 'delegateRus')).status).toBe(200);
    expect(
      (await send(w, w.app, 'POST', '/log/witnesses', 'delegateRus', { partyId: 'rus', vkey: vkey('rus-limit-9'), url: 'http://127.0.0.1:9109' })).status,
    ).toBe(201);
  });
});

describe(`witness addresses (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('refuses private, loopback, link-local and unresolvable hosts and plain http without the configuration, changing nothing', async () => {
    const strict = await buildApp({ ...w.rt, witnessClient: httpWitnessClient({ allowHttpLoopback: false, allow: [] }) });
    const local = await listen((_req, res) => res.end());
    const before = await logSize(w);
    const cases: [string, string][] = [
      [local.url, 'witness_url_insecure'],
      ['http://93.184.216.34', 'witness_url_insecure'],
      [`https://127.0.0.1:${local.port}`, 'witness_address_not_allowed'],
      ['https://localhost', 'witness_address_not_allowed'],
      ['https://10.0.0.5', 'witness_address_not_allowed'],
      ['https://192.168.1.1:8443', 'witness_address_not_allowed'],
      ['https://169.254.169.254', 'witness_address_not_allowed'],
      ['https://100.64.0.1', 'witness_address_not_allowed'],
      ['https://0.0.0.0', 'witness_address_not_allowed'],
      ['https://[::1]', 'witness_address_not_allowed'],
      ['https://[::ffff:127.0.0.1]', 'witness_address_not_allowed'],
      ['https://[fd00::1]', 'witness_address_not_allowed'],
      ['https://[fe80::1]', 'witness_address_not_allowed'],
      ['https://2130706433', 'witness_address_not_allowed'],
      ['https://witness.example.invalid', 'witness_host_unresolved'],
      ['https://user:secret@93.184.216.34', 'invalid_url'],
      ['https://93.184.216.34/?x=1', 'invalid_url'],
    ];
    for (const [url, reason] of cases) {
      const r = await send(w, strict, 'POST', '/log/witnesses', 'mediator', { partyId: 'ukr', vkey: vkey('strict'), url });
      expect([url, r.status, r.json?.error?.reason, r.json?.error?.details?.field]).toEqual([url, 400, reason, 'url']);
    }
    expect((await send(w, strict, 'POST', '/log/witnesses', 'mediator', { partyId: 'ukr', vkey: vkey('strict'), url: 'file:///etc/passwd' })).status).toBe(400);
    expect(await logSize(w)).toBe(before);
    expect(await w.rt.log.witnesses(w.pid)).toEqual([]);
  });

  it('accepts a private host the allowlist names, still only over https', async () => {
    const allowing = await buildApp({ ...w.rt, witnessClient: httpWitnessClient({ allowHttpLoopback: false, allow: ['localhost'] }) });
    expect(
      (await send(w, allowing, 'POST', '/log/witnesses', 'mediator', { partyId: 'ukr', vkey: vkey('allowed'), url: 'http://localhost:7380' })).json.error
        .reason,
    ).toBe('witness_url_insecure');
    const ok = await send(w, allowing, 'POST', '/log/witnesses', 'mediator', { partyId: 'ukr', vkey: vkey('allowed'), url: 'https://localhost:7380' });
    expect(ok.status, ok.body).toBe(201);
  });

  it('checks the address again at each push and connects to the address it checked (DNS rebinding)', async () => {
    const cp = (await signLatest(w.rt, w.pid)).checkpoint;
    const connections = { n: 0 };
    const tcp = createTcpServer((s) => {
      connections.n++;
      s.destroy();
    });
    await new Promise<void>((ok) => tcp.listen(0, '127.0.0.1', ok));
    const port = (tcp.address() as AddressInfo).port;
    try {
      let answer = [{ address: '93.184.216.34', family: 4 }];
      const client = httpWitnessClient({ allowHttpLoopback: false, allow: [], resolve: async () => answer });
      await client.checkUrl(`https://rebind.test:${port}`);
      answer = [{ address: '127.0.0.1', family: 4 }];
      expect(await client.addCheckpoint(`https://rebind.test:${port}`, 0, [], cp.note)).toEqual({ status: 'failed', reason: 'address_not_allowed' });
      // One private address among public ones is enough to refuse the host.
      answer = [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ];
      await expect(client.checkUrl(`https://rebind.test:${port}`)).rejects.toMatchObject({ reason: 'witness_address_not_allowed' });
      expect(connections.n).toBe(0);
    } finally {
      tcp.close();
    }
    // The name is resolved once, by the check, and the socket goes to that address: the system resolver never knows "pinned.test".
    const hosts: string[] = [];
    const local = await listen((req, res) => {
      hosts.push(req.headers.host ?? '');
      res.writeHead(404).end('no');
    });
    const pinned = httpWitnessClient({ allowHttpLoopback: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(await pinned.addCheckpoint(`http://pinned.test:${local.port}`, 0, [], cp.note)).toMatchObject({ status: 'refused', code: 404 });
    expect(hosts).toEqual([`pinned.test:${local.port}`]);
  });
});

describe(`hostile witnesses (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  it('cuts off an endless answer, a silent and a trickling witness, ignores a redirect to an internal port, and keeps serving', async () => {
    const internal = { hits: 0 };
    const inside = await listen((_req, res) => {
      internal.hits++;
      res.end('internal secret');
    });
    const streamed = { bytes: 0 };
    const endless = await listen((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed) {
          streamed.bytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
      };
      pump();
    });
    const silent = await listen((req) => void req.resume());
    const trickle = await listen((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('a')), 100);
    });
    const redirect = await listen((req, res) => {
      req.resume();
      res.writeHead(307, { location: `${inside.url}/add-checkpoint` }).end();
    });
    const good = await startWitness(w);

    const timeoutMs = 1500;
    const client = httpWitnessClient({ timeoutMs });
    const deps = { ...w.rt, witnessClient: client };
    const app = await buildApp(deps);
    const hostile = [
      ['ukr', endless.url],
      ['ukr', silent.url],
      ['rus', trickle.url],
      ['rus', redirect.url],
    ] as const;
    for (const [i, [partyId, url]] of hostile.entries())
      expect((await send(w, app, 'POST', '/log/witnesses', 'mediator', { partyId, vkey: vkey(`hostile-${i}`), url })).status).toBe(201);
    expect((await send(w, app, 'POST', '/log/witnesses', 'mediator', { partyId: 'osce', vkey: good.keys.verifierKey, url: good.url })).status).toBe(201);

    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = Date.now();
    const signed = await signLatest(deps, w.pid);
    expect(Date.now() - t0).toBeLessThan(1000);
    // While the pushes hang, the server reads and writes as usual.
    const t1 = Date.now();
    expect((await send(w, app, 'GET', '/log/checkpoint', 'anonymous')).status).toBe(200);
    expect(
      (await send(w, app, 'POST', '/sources', 'analyst', { title: 'Report', publisher: 'Agency', date: '2014-11-21', language: 'en', kind: 'article' })).status,
    ).toBe(201);
    expect(Date.now() - t1).toBeLessThan(1000);
    await signed.pushed;
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(timeoutMs + 1500);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    // Only the good witness cosigned; the endless stream was cut near the limit (what the kernel buffers aside).
    expect((await w.rt.log.checkpointAt(w.pid, signed.checkpoint.size))!.cosignatures).toHaveLength(1);
    expect(streamed.bytes).toBeLessThan(32 * 1024 * 1024);
    expect(internal.hits).toBe(0);

    // Each exchange, one by one, ends for the stated reason.
    const note = signed.checkpoint.note;
    const at = Date.now();
    expect(await client.addCheckpoint(endless.url, 0, [], note)).toEqual({ status: 'failed', reason: 'too_large' });
    expect(Date.now() - at).toBeLessThan(timeoutMs);
    expect(await client.addCheckpoint(silent.url, 0, [], note)).toEqual({ status: 'failed', reason: 'timeout' });
    expect(await client.addCheckpoint(trickle.url, 0, [], note)).toEqual({ status: 'failed', reason: 'timeout' });
    expect(await client.addCheckpoint(redirect.url, 0, [], note)).toEqual({ status: 'failed', reason: 'redirect' });
    expect(internal.hits).toBe(0);

    // And the next round signs and is cosigned as before.
    const next = await signLatest(deps, w.pid);
    await next.pushed;
    expect(next.signed).toBe(true);
    expect(next.checkpoint.size).toBeGreaterThan(signed.checkpoint.size);
    expect((await w.rt.log.checkpointAt(w.pid, next.checkpoint.size))!.cosignatures).toHaveLength(1);
  });

  it('refuses an answer that announces more than the limit before reading it', async () => {
    const big = await listen((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('x');
    });
    const client = httpWitnessClient({ timeoutMs: 3000, maxAnswerBytes: 1024 });
    const t0 = Date.now();
    expect(await client.addCheckpoint(big.url, 0, [], 'note\n')).toEqual({ status: 'failed', reason: 'too_large' });
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
