import { toBase64 } from '@parley/tlog';
import type { WitnessClient } from '../../use-cases/ports.ts';

/**
 * The outbound side of c2sp.org/tlog-witness. A slow or dead witness costs at most
 * `timeoutMs`; the caller never waits on it to publish.
 */
export function httpWitnessClient(timeoutMs = 5000): WitnessClient {
  return {
    async addCheckpoint(url, oldSize, proof, note) {
      const body = `old ${oldSize}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`;
      const res = await fetch(`${url.replace(/\/+$/, '')}/add-checkpoint`, {
        method: 'POST', body, headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      if (res.status === 200) return { status: 'cosigned', body: text };
      if (res.status === 409 && /^(0|[1-9][0-9]*)\n?$/.test(text)) return { status: 'conflict', size: Number(text.trim()) };
      return { status: 'refused', code: res.status, body: text.slice(0, 500) };
    },
  };
}
