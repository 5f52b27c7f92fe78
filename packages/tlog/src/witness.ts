import { createServer, type Server } from 'node:http';
import { TlogError } from './errors.ts';
import { bytesEqual, decodeBase64Strict, decodeUtf8, parseDecimal, toBase64 } from './encoding.ts';
import { openNote, parseNote, ed25519Verifier, type NoteSigner, type NoteVerifier } from './note.ts';
import { parseCheckpoint } from './checkpoint.ts';
import { verifyConsistency } from './proof.ts';
import { cosignCheckpoint } from './cosignature.ts';
import { readJsonFile, writeFileAtomic } from './fsutil.ts';

/*
 * The decision logic of a c2sp.org/tlog-witness add-checkpoint endpoint,
 * independent of HTTP so it can be tested directly and mounted anywhere.
 */

export interface WitnessLogState {
  size: bigint;
  rootHash: Uint8Array;
}

export interface WitnessStore {
  get(origin: string): Promise<WitnessLogState | undefined>;
  /** Stores `next` only if the current state still equals `expected`; false otherwise. */
  compareAndSet(origin: string, expected: WitnessLogState | undefined, next: WitnessLogState): Promise<boolean>;
}

export interface WitnessResponse {
  status: number;
  body: string;
  contentType: string;
}

export interface WitnessLogConfig {
  origin: string;
  /** The log's Ed25519 note verifier key. */
  key: string;
}

const TEXT = 'text/plain; charset=utf-8';
const MAX_PROOF_LINES = 63;

function respond(status: number, body: string, contentType = TEXT): WitnessResponse {
  return { status, body: body.endsWith('\n') || body === '' ? body : body + '\n', contentType };
}

function sameState(a: WitnessLogState | undefined, b: WitnessLogState | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.size === b.size && bytesEqual(a.rootHash, b.rootHash);
}

export class FileWitnessStore implements WitnessStore {
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  private load(): Record<string, { size: string; rootHash: string }> {
    const j = readJsonFile(this.path) as { version?: number; logs?: Record<string, { size: string; rootHash: string }> } | undefined;
    if (j === undefined) return {};
    if (j.version !== 1 || typeof j.logs !== 'object' || j.logs === null) {
      throw new TlogError('io', `The witness state ${this.path} has an unknown format.`);
    }
    return j.logs;
  }

  async get(origin: string): Promise<WitnessLogState | undefined> {
    const l = this.load()[origin];
    return l === undefined ? undefined : { size: BigInt(l.size), rootHash: decodeBase64Strict(l.rootHash, 'stored root') };
  }

  /** Synchronous read-check-write, so within one process no other update can interleave. */
  async compareAndSet(origin: string, expected: WitnessLogState | undefined, next: WitnessLogState): Promise<boolean> {
    const logs = this.load();
    const cur = logs[origin];
    const curState = cur === undefined ? undefined : { size: BigInt(cur.size), rootHash: decodeBase64Strict(cur.rootHash, 'stored root') };
    if (!sameState(curState, expected)) return false;
    logs[origin] = { size: next.size.toString(), rootHash: toBase64(next.rootHash) };
    writeFileAtomic(this.path, JSON.stringify({ version: 1, logs }, null, 2) + '\n');
    return true;
  }
}

export class MemoryWitnessStore implements WitnessStore {
  private readonly logs = new Map<string, WitnessLogState>();
  async get(origin: string): Promise<WitnessLogState | undefined> {
    return this.logs.get(origin);
  }
  async compareAndSet(origin: string, expected: WitnessLogState | undefined, next: WitnessLogState): Promise<boolean> {
    if (!sameState(this.logs.get(origin), expected)) return false;
    this.logs.set(origin, next);
    return true;
  }
}

interface ParsedRequest {
  oldSize: bigint;
  proof: Uint8Array[];
  note: string;
}

function parseRequest(body: string): ParsedRequest {
  const split = body.indexOf('\n\n');
  const firstNl = body.indexOf('\n');
  if (firstNl < 0) throw new TlogError('bad_note', 'The request has no old size line.');
  const m = /^old (\S+)$/.exec(body.slice(0, firstNl));
  if (m === null) throw new TlogError('bad_note', 'The request must start with "old <size>".');
  const oldSize = parseDecimal(m[1]!, 'old size');
  if (split < 0) throw new TlogError('bad_note', 'The request has no blank line before the checkpoint.');
  // With an empty proof the blank line directly follows the old line.
  const proofText = split === firstNl ? '' : body.slice(firstNl + 1, split);
  const lines = proofText === '' ? [] : proofText.split('\n');
  if (lines.length > MAX_PROOF_LINES) throw new TlogError('bad_proof', 'The consistency proof has too many lines.');
  const proof = lines.map((l) => {
    const h = decodeBase64Strict(l, 'proof hash');
    if (h.length !== 32) throw new TlogError('bad_hash_size', 'A consistency proof hash is not 32 bytes.');
    return h;
  });
  return { oldSize, proof, note: body.slice(split + 2) };
}

export class Witness {
  private readonly signer: NoteSigner;
  private readonly logs = new Map<string, NoteVerifier>();
  private readonly store: WitnessStore;
  /** Serialises requests per origin so check-then-store cannot race inside this process. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(options: { signer: NoteSigner; logs: readonly WitnessLogConfig[]; store: WitnessStore }) {
    this.signer = options.signer;
    this.store = options.store;
    for (const l of options.logs) this.logs.set(l.origin, ed25519Verifier(l.key));
  }

  async addCheckpoint(body: string | Uint8Array): Promise<WitnessResponse> {
    let req: ParsedRequest;
    let text: string;
    let origin: string;
    try {
      req = parseRequest(typeof body === 'string' ? body : decodeUtf8(body, 'request'));
      text = parseNote(req.note).text;
      origin = parseCheckpoint(text).origin;
    } catch (e) {
      return respond(400, `Malformed request: ${(e as Error).message}`);
    }
    const verifier = this.logs.get(origin);
    if (verifier === undefined) return respond(404, `Unknown log origin ${origin}.`);
    try {
      openNote(req.note, [verifier]);
    } catch (e) {
      return respond(403, `The log signature does not verify: ${(e as Error).message}`);
    }
    return this.withLock(origin, () => this.advance(origin, req, text));
  }

  private async withLock<T>(origin: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(origin) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(origin, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(origin) === tail) this.locks.delete(origin);
    }
  }

  private async advance(origin: string, req: ParsedRequest, text: string): Promise<WitnessResponse> {
    const cp = parseCheckpoint(text);
    const current = await this.store.get(origin);
    const currentSize = current?.size ?? 0n;
    const conflict = (): WitnessResponse => respond(409, `${currentSize}\n`, 'text/x.tlog.size');
    if (req.oldSize !== currentSize) return conflict();
    if (cp.size < req.oldSize) return respond(400, 'The checkpoint is smaller than the old size.');
    if (cp.size === req.oldSize) {
      if (req.proof.length !== 0) return respond(422, 'Equal sizes need an empty consistency proof.');
      if (current !== undefined && !bytesEqual(current.rootHash, cp.rootHash)) return conflict();
    } else if (req.oldSize === 0n) {
      if (req.proof.length !== 0) return respond(422, 'A checkpoint after size 0 needs an empty consistency proof.');
    } else {
      try {
        verifyConsistency(req.oldSize, cp.size, current!.rootHash, cp.rootHash, req.proof);
      } catch (e) {
        return respond(422, `The consistency proof does not verify: ${(e as Error).message}`);
      }
    }
    const next = { size: cp.size, rootHash: cp.rootHash };
    if (!sameState(current, next) && !(await this.store.compareAndSet(origin, current, next))) {
      const now = await this.store.get(origin);
      return respond(409, `${now?.size ?? 0n}\n`, 'text/x.tlog.size');
    }
    return respond(200, cosignCheckpoint(text, this.signer));
  }
}

export interface WitnessServerOptions {
  witness: Witness;
  /** Requests above this many bytes are refused before parsing. */
  maxBodyBytes?: number;
}

export function createWitnessServer(options: WitnessServerOptions): Server {
  const limit = options.maxBodyBytes ?? 64 * 1024;
  return createServer((req, res) => {
    const send = (r: WitnessResponse): void => {
      res.writeHead(r.status, { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) });
      res.end(r.body);
    };
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/add-checkpoint') return send(respond(404, 'Not found.'));
    if (req.method !== 'POST') return send(respond(405, 'Use POST.'));
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) return send(respond(413, 'Request body too large.'));
      options.witness.addCheckpoint(new Uint8Array(Buffer.concat(chunks))).then(send, (e: unknown) => {
        send(respond(500, `Internal error: ${(e as Error).message}`));
      });
    });
    req.on('error', () => res.destroy());
  });
}
