import type { ErrorBody } from './errors.ts';

/** Thrown by the client with the server's error body, so callers switch on `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.error.message);
  }
}

export interface ClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof fetch;
}

/** A small typed client for the Parley API; the web app and CLI use it instead of hand-written fetches. */
export function createClient(opts: ClientOptions) {
  const f = opts.fetch ?? fetch;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await f(new URL(path, opts.baseUrl), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = res.status === 204 ? undefined : await res.json();
    if (!res.ok) throw new ApiError(res.status, json as ErrorBody);
    return json as T;
  }
  /** For the log's plain-text answers (signed notes); errors still come as JSON. */
  async function callText(path: string): Promise<string> {
    const headers: Record<string, string> = { accept: 'text/plain, application/json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await f(new URL(path, opts.baseUrl), { method: 'GET', headers });
    if (!res.ok)
      throw new ApiError(res.status, (await res.json().catch(() => ({ error: { code: 'internal', reason: 'http', message: res.statusText } }))) as ErrorBody);
    return res.text();
  }
  /** A GET that a newer request may abort (the map drops the answer for a viewport it has left). */
  async function callGet<T>(path: string, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/geo+json' };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await f(new URL(path, opts.baseUrl), { method: 'GET', headers, signal });
    const json = await res.json();
    if (!res.ok) throw new ApiError(res.status, json as ErrorBody);
    return json as T;
  }
  const p = (processId: string) => `/api/processes/${encodeURIComponent(processId)}`;
  return {
    health: () => call<{ status: string }>('GET', '/api/health'),
    list: <T>(processId: string, collection: string, query: Record<string, string | number> = {}) =>
      call<{ items: T[]; next: string | null }>(
        'GET',
        `${p(processId)}/${collection}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
      ),
    get: <T>(processId: string, collection: string, id: string) => call<T>('GET', `${p(processId)}/${collection}/${encodeURIComponent(id)}`),
    create: <T>(processId: string, collection: string, body: unknown) => call<T>('POST', `${p(processId)}/${collection}`, body),
    replace: <T>(processId: string, collection: string, id: string, body: unknown) =>
      call<T>('PUT', `${p(processId)}/${collection}/${encodeURIComponent(id)}`, body),
    transitionMeeting: <T>(processId: string, meetingId: string, body: unknown) =>
      call<T>('POST', `${p(processId)}/meetings/${encodeURIComponent(meetingId)}/transitions`, body),
    matrix: <T>(processId: string, agreementId: string) => call<T>('GET', `${p(processId)}/agreements/${encodeURIComponent(agreementId)}/matrix`),
    processes: <T>() => call<{ items: T[] }>('GET', '/api/processes'),
    dossier: <T>(processId: string, meetingId: string) => call<T>('GET', `${p(processId)}/meetings/${encodeURIComponent(meetingId)}/dossier`),
    /** Signs in; the server answers with an HTTP-only session cookie, which the browser keeps. */
    login: (username: string, password: string) => call<{ username: string; expiresAt: string }>('POST', '/api/auth/login', { username, password }),
    logout: () => call<void>('POST', '/api/auth/logout'),
    me: () => call<{ username: string | null; roles: { processId: string; role: string; partyId: string | null }[] }>('GET', '/api/auth/me'),
    /** The latest signed checkpoint of the process log (a C2SP signed note, cosignatures included). */
    logCheckpoint: (processId: string) => callText(`${p(processId)}/log/checkpoint`),
    /** The log's verifier key (`name+hash+base64(0x01 || key)`) and origin. */
    logKey: (processId: string) => call<{ origin: string; key: string }>('GET', `${p(processId)}/log/key`),
    /** A record's receipt (parley-receipt/v1): envelope, inclusion proof, checkpoint, and body with salt for its readers. */
    receipt: <T>(processId: string, type: string, id: string, version?: number) =>
      call<T>(
        'GET',
        `${p(processId)}/log/records/${encodeURIComponent(type)}/${encodeURIComponent(id)}/receipt${version === undefined ? '' : `?version=${version}`}`,
      ),
    /** Incidents in a viewport clustered on the server for a zoom (GeoJSON points with `count`, `killedBest`, and `incidentId` when alone). */
    mapClusters: <T>(
      processId: string,
      query: { bbox: string; zoom: number; from?: string; to?: string; kind?: string; status?: string; party?: string },
      init: { signal?: AbortSignal } = {},
    ) =>
      callGet<T>(
        `${p(processId)}/map/clusters?${new URLSearchParams(
          Object.entries(query)
            .filter(([, v]) => v !== undefined && v !== '')
            .map(([k, v]) => [k, String(v)]),
        )}`,
        init.signal,
      ),
    /** Lines as GeoJSON; with a date, the line of each kind and claimant in force on that day. */
    linesGeoJson: <T>(processId: string, date?: string) => call<T>('GET', `${p(processId)}/lines.geojson${date ? `?date=${encodeURIComponent(date)}` : ''}`),
    /** The withdrawal zones of a day as GeoJSON buffers around their reference lines. */
    zonesGeoJson: <T>(processId: string, date: string, agreement?: string) =>
      call<T>('GET', `${p(processId)}/zones.geojson?${new URLSearchParams({ date, ...(agreement ? { agreement } : {}) })}`),
    /** Incidents and killed (low/best/high) per day or week, for the incidents the reader may see. */
    incidentSeries: <T>(processId: string, query: { from?: string; to?: string; interval?: 'day' | 'week' } = {}) =>
      call<T>(
        'GET',
        `${p(processId)}/incidents/series?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '') as [string, string][])}`,
      ),
    /** The daily monitoring report as data. */
    dailyReport: <T>(processId: string, date: string) => call<T>('GET', `${p(processId)}/reports/daily?date=${encodeURIComponent(date)}`),
    /** The address of the daily report as a printable page (`html`) or a spreadsheet (`csv`). */
    dailyReportUrl: (processId: string, date: string, format: 'html' | 'csv') =>
      new URL(`${p(processId)}/reports/daily?date=${encodeURIComponent(date)}&format=${format}`, opts.baseUrl).toString(),
    /** The address of a process's iCalendar feed, for a link or a calendar subscription. */
    calendarUrl: (processId: string) => new URL(`${p(processId)}/calendar.ics`, opts.baseUrl).toString(),
  };
}
export type ParleyClient = ReturnType<typeof createClient>;
