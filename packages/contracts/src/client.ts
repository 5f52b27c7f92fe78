import createFetchClient, { type MaybeOptionalInit } from 'openapi-fetch';
import type { HttpMethod, PathsWithMethod, RequiredKeysOf, ResponseObjectMap, SuccessResponse } from 'openapi-typescript-helpers';
import type { paths } from './api.gen.ts';
import type { ErrorBody } from './errors.ts';

export type { paths, components, operations } from './api.gen.ts';

/** Thrown by the client with the server's error body, so callers switch on `code` and `reason`. */
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

/** The media types the client reads as data; CSV, HTML and iCalendar answers are reached by address (`…Url`). */
type Media = 'application/json' | 'application/geo+json';
type Init<I> = RequiredKeysOf<I> extends never ? [(I & { [key: string]: unknown })?] : [I & { [key: string]: unknown }];
type Operation<P extends keyof paths, M extends HttpMethod> = Extract<paths[P][M], Record<string | number, unknown>>;
type Responses<Op> = Extract<ResponseObjectMap<Op>, Record<string | number, unknown>>;
// Read from the generated paths, not from openapi-fetch's FetchResponse: its Readable<> turns tuples (GeoJSON
// coordinates) into arrays, and this document has no readOnly/writeOnly markers for it to strip.
type Body<Op, I> = I extends { parseAs: 'text' } ? string : SuccessResponse<Responses<Op>, Media>;
/** What a successful call answers: the body of its 2xx response as the OpenAPI document declares it (204: undefined). */
export type Data<Op, I = undefined> = [Body<Op, I>] extends [never] ? undefined : Body<Op, I>;
type Call<M extends HttpMethod> = <P extends PathsWithMethod<paths, M>, I extends MaybeOptionalInit<paths[P], M>>(
  path: P,
  ...init: Init<I>
) => Promise<Data<Operation<P, M>, I>>;
/** The paths a GET reaches. */
export type GetPath = PathsWithMethod<paths, 'get'>;
/** The body a call of `M path` answers, e.g. `ApiResponse<'/api/auth/me'>`: the name pages give the API's types. */
export type ApiResponse<P extends PathsWithMethod<paths, M>, M extends HttpMethod = 'get'> = Data<Operation<P, M>>;

function toApiError(response: Response, error: unknown): ApiError {
  if (typeof error === 'object' && error !== null && 'error' in error) return new ApiError(response.status, error as ErrorBody);
  // Not the server's error shape (a proxy's page, an empty body): keep the status and say so.
  const message = response.statusText || `HTTP ${response.status}`;
  return new ApiError(response.status, { error: { code: 'internal', reason: 'internal', message } });
}

/**
 * The typed client for the Parley API, over the paths generated from its OpenAPI document (api.gen.ts): each call is
 * typed by its path, parameters and body, answers the declared response body, and throws ApiError for any refusal.
 */
export function createClient(opts: ClientOptions) {
  const raw = createFetchClient<paths, Media>({
    baseUrl: opts.baseUrl,
    headers: { accept: 'application/json, application/geo+json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const unwrap = async <T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
    const { data, error, response } = await pending;
    if (!response.ok) throw toApiError(response, error);
    return data as T;
  };
  // openapi-fetch's methods, each answering its body or throwing; the casts only restore the generic signatures.
  const GET = ((path: never, init?: never) => unwrap(raw.GET(path, init))) as unknown as Call<'get'>;
  const POST = ((path: never, init?: never) => unwrap(raw.POST(path, init))) as unknown as Call<'post'>;
  const PUT = ((path: never, init?: never) => unwrap(raw.PUT(path, init))) as unknown as Call<'put'>;
  const PATCH = ((path: never, init?: never) => unwrap(raw.PATCH(path, init))) as unknown as Call<'patch'>;
  const DELETE = ((path: never, init?: never) => unwrap(raw.DELETE(path, init))) as unknown as Call<'delete'>;
  const inProcess = (processId: string, path: string) => new URL(`/api/processes/${encodeURIComponent(processId)}${path}`, opts.baseUrl);

  return {
    GET,
    POST,
    PUT,
    PATCH,
    DELETE,
    /** Signs in; the server answers with an HTTP-only session cookie, which the browser keeps. */
    login: (username: string, password: string) => POST('/api/auth/login', { body: { username, password } }),
    /** The latest signed checkpoint of the process log: a C2SP signed note, cosignatures included, as text. */
    logCheckpoint: (processId: string) =>
      unwrap(
        raw.GET('/api/processes/{processId}/log/checkpoint', {
          params: { path: { processId } },
          parseAs: 'text',
          headers: { accept: 'text/plain, application/json' },
        }),
      ),
    /** The address of the daily report as a printable page (`html`) or a spreadsheet (`csv`). */
    dailyReportUrl: (processId: string, date: string, format: 'html' | 'csv') =>
      inProcess(processId, `/reports/daily?${new URLSearchParams({ date, format })}`).toString(),
    /** The address of a process's iCalendar feed, for a link or a calendar subscription. */
    calendarUrl: (processId: string) => inProcess(processId, '/calendar.ics').toString(),
  };
}
export type ParleyClient = ReturnType<typeof createClient>;
