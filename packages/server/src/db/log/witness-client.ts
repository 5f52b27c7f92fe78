import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { toBase64 } from '@parley/tlog';
import { AppError, type ErrorReason } from '../../domain/shared/app-error.ts';
import type { WitnessClient, WitnessPushResult } from '../../use-cases/ports.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface WitnessNetwork {
  /** http:// and loopback addresses, for a witness on the same machine (development and tests). */
  allowHttpLoopback: boolean;
  /** Host names that may resolve to private addresses (a witness inside the deployment's own network). */
  allow: readonly string[];
  /** The most Parley reads of an answer; a cosignature is a line of about a hundred bytes. */
  maxAnswerBytes: number;
  /** For the whole exchange: resolving, connecting, sending and reading. */
  timeoutMs: number;
  resolve: (host: string) => Promise<ResolvedAddress[]>;
}

/** PARLEY_WITNESS_ALLOW_HTTP_LOOPBACK=on, PARLEY_WITNESS_ALLOW=host1,host2. */
export function witnessNetworkFromEnv(env: NodeJS.ProcessEnv = process.env): WitnessNetwork {
  return {
    allowHttpLoopback: env.PARLEY_WITNESS_ALLOW_HTTP_LOOPBACK === 'on',
    allow: (env.PARLEY_WITNESS_ALLOW ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    maxAnswerBytes: 64 * 1024,
    timeoutMs: 5000,
    resolve: (host) => dnsLookup(host, { all: true, verbatim: true }),
  };
}

const refuse = (reason: ErrorReason, message: string) => new AppError('validation', reason, message, { field: 'url' });

/** The race every unabortable step (the system resolver) runs against the exchange's deadline. */
function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Which addresses Parley may connect to for this URL. Every address the host resolves to
 * must be a public unicast one (a host with one private address among public ones could
 * be steered to it), unless the host is allowlisted; loopback only when configured, and
 * plain http only to loopback, since anything else would travel unauthenticated.
 */
async function vet(net: WitnessNetwork, url: URL, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await abortable(net.resolve(host), signal);
    } catch {
      if (signal.aborted) throw refuse('witness_unreachable', `"${host}" did not resolve in time.`);
      addresses = [];
    }
    if (addresses.length === 0) throw refuse('witness_host_unresolved', `The witness host "${host}" does not resolve.`);
  }
  const ranges = addresses.map((a) => ipaddr.process(a.address).range() as string);
  const loopback = ranges.every((r) => r === 'loopback');
  if (url.protocol === 'http:' && !(loopback && net.allowHttpLoopback))
    throw refuse(
      'witness_url_insecure',
      net.allowHttpLoopback ? 'A witness URL must use https (http only to a loopback address).' : 'A witness URL must use https.',
    );
  if (net.allow.includes(host)) return addresses;
  const allowed = (r: string) => r === 'unicast' || (r === 'loopback' && net.allowHttpLoopback);
  const bad = addresses.find((_, i) => !allowed(ranges[i]!));
  if (bad)
    throw refuse(
      'witness_address_not_allowed',
      `The witness host "${host}" resolves to ${bad.address}, a private, loopback or reserved address Parley does not call (unless PARLEY_WITNESS_ALLOW names the host).`,
    );
  return addresses;
}

/** Hands the socket the addresses just vetted, so a second resolution cannot swap them (DNS rebinding). */
function pinned(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    const cb = callback as (err: Error | null, address: string | ResolvedAddress[], family?: number) => void;
    const family = typeof options === 'object' ? options.family : undefined;
    const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    if (usable.length === 0) return cb(Object.assign(new Error('no vetted address of that family'), { code: 'ENOTFOUND' }), '');
    if (typeof options === 'object' && options.all) return cb(null, usable);
    cb(null, usable[0]!.address, usable[0]!.family);
  };
}

type FailReason = Extract<WitnessPushResult, { status: 'failed' }>['reason'];

class Failed extends Error {
  constructor(readonly reason: FailReason) {
    super(reason);
  }
}

/** One POST, no redirects followed, no connection reused, the answer cut off at `max` bytes. */
function post(url: URL, addresses: ResolvedAddress[], body: string, max: number, signal: AbortSignal): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    // Whichever error the socket reports after we cut it, the cause is the limit.
    let cut: FailReason | undefined;
    const fail = (e: unknown) => reject(cut ? new Failed(cut) : e);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        signal,
        lookup: pinned(addresses),
        agent: false,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), accept: 'text/plain' },
      },
      (res: IncomingMessage) => {
        const stop = (why: FailReason) => {
          cut = why;
          req.destroy(new Failed(why));
        };
        if (Number(res.headers['content-length'] ?? 0) > max) return stop('too_large');
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > max) stop('too_large');
          else chunks.push(c);
        });
        res.on('end', () => (cut ? fail(undefined) : resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') })));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/**
 * The outbound side of c2sp.org/tlog-witness. A witness URL is chosen by a party, so every
 * push is treated as a request to a stranger: the address is vetted again (DNS may have
 * changed since registration), the answer is bounded in size and time, and nothing it
 * says (a redirect, an endless body) makes Parley go elsewhere or hold on.
 */
export function httpWitnessClient(network: Partial<WitnessNetwork> = {}): WitnessClient {
  const net: WitnessNetwork = { ...witnessNetworkFromEnv(), ...network };
  return {
    async checkUrl(url) {
      await vet(net, new URL(url), AbortSignal.timeout(net.timeoutMs));
    },
    async addCheckpoint(url, oldSize, proof, note) {
      const signal = AbortSignal.timeout(net.timeoutMs);
      const target = new URL(`${url.replace(/\/+$/, '')}/add-checkpoint`);
      let addresses: ResolvedAddress[];
      try {
        addresses = await vet(net, target, signal);
      } catch (e) {
        return { status: 'failed', reason: e instanceof AppError && e.reason === 'witness_unreachable' ? 'timeout' : 'address_not_allowed' };
      }
      const body = `old ${oldSize}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`;
      let res: { status: number; text: string };
      try {
        res = await post(target, addresses, body, net.maxAnswerBytes, signal);
      } catch (e) {
        if (e instanceof Failed) return { status: 'failed', reason: e.reason };
        return { status: 'failed', reason: signal.aborted ? 'timeout' : 'network' };
      }
      if (res.status >= 300 && res.status < 400) return { status: 'failed', reason: 'redirect' };
      if (res.status === 200) return { status: 'cosigned', body: res.text };
      if (res.status === 409 && /^(0|[1-9][0-9]*)\n?$/.test(res.text)) return { status: 'conflict', size: Number(res.text.trim()) };
      return { status: 'refused', code: res.status, body: res.text.slice(0, 500) };
    },
  };
}
