import type { ApiResponse } from '@parley/contracts';

/** What the exchange routes answer, from the types generated from the OpenAPI document. */
export type Lists = ApiResponse<'/api/processes/{processId}/exchanges/lists'>;
export type ListMeta = Lists['lists'][number];
export type ListRead = ApiResponse<'/api/processes/{processId}/exchanges/lists/{id}'>;
export type Person = ListRead['people'][number];
export type Entry = NonNullable<Person['entry']>;
export type Report = ApiResponse<'/api/processes/{processId}/exchanges/reconciliations/{id}'>;
export type Pair = Report['review'][number];
export type PersonRef = Pair['a'];
export type Reconciliations = ApiResponse<'/api/processes/{processId}/exchanges/reconciliations'>['items'];
export type Batches = ApiResponse<'/api/processes/{processId}/exchanges/batches'>['items'];
export type Batch = ApiResponse<'/api/processes/{processId}/exchanges/batches/{id}'>;

export const listPath = (id: string) => `/exchanges/lists/${encodeURIComponent(id)}`;
export const reconciliationPath = (id: string) => `/exchanges/reconciliations/${encodeURIComponent(id)}`;
export const batchPath = (id: string) => `/exchanges/batches/${encodeURIComponent(id)}`;

/** How a person is written on a list, surname first, as those lists write them. */
export const fullName = (e: Entry | null | undefined) => (e ? [e.surname, e.given, e.patronymic].filter(Boolean).join(' ') : null);
