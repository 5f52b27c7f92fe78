import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { Runtime } from '../compose.ts';
import { AreaOfInterestInput } from '@parley/contracts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError } from '../domain/shared/app-error.ts';
import type { ImportFormat } from '../domain/monitoring/import-formats.ts';
import { seedDemo } from '../demo/seed.ts';
import { addAccount, assertGrantable, grantRole, listAccounts } from '../use-cases/access/accounts.ts';
import { createInvite } from '../use-cases/administration/invites.ts';
import { openProcess } from '../use-cases/administration/processes.ts';
import { exportProcess } from '../use-cases/export-process.ts';
import { getLogKey } from '../use-cases/log/get-checkpoint.ts';
import { signCheckpoint } from '../use-cases/log/sign-checkpoint.ts';
import { importIncidents } from '../use-cases/monitoring/import-incidents.ts';
import { applyRetention } from '../use-cases/exchanges/detainee-verbs.ts';
import { ingestFiles } from '../use-cases/sources/ingest-files.ts';
import { IngestQuery } from '@parley/contracts';

/**
 * What the CLI's database commands do, as JSON in and JSON out. The CLI runs an operation on the database it opens,
 * or, when a running server holds the embedded data directory, asks that server to run the same operation
 * (http/routes/admin.routes.ts); the command prints the result the same way in both cases.
 */

export interface OperationHooks {
  /** Import progress; only a local run reports it (an HTTP answer comes at the end). */
  progress?: (done: number, total: number) => void;
}

interface Operation<S extends TSchema> {
  input: S;
  run(rt: Runtime, input: Static<S>, hooks: OperationHooks): Promise<unknown>;
}
const op = <S extends TSchema, R>(input: S, run: (rt: Runtime, input: Static<S>, hooks: OperationHooks) => Promise<R>) => ({ input, run });

const Str = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const Obj = <P extends Parameters<typeof Type.Object>[0]>(p: P) => Type.Object(p, { additionalProperties: false });
const FORMATS: ImportFormat[] = ['ucdp', 'acled', 'hxl', 'geojson'];
const AUDIENCES = ['public', 'forum', 'mediator'] as const;

export const operations = {
  migrate: op(Obj({}), async () => ({})),

  seed: op(Obj({ what: Str() }), async (rt, i) => {
    if (i.what !== 'demo') throw new AppError('validation', 'unknown_scenario', `There is no scenario "${i.what}"; try "demo".`);
    return seedDemo(rt);
  }),

  'user-add': op(
    Obj({
      username: Str(),
      password: Str(1000),
      process: Type.Optional(Str()),
      role: Type.Optional(Type.String({ maxLength: 50 })),
      party: Type.Optional(Str()),
      admin: Type.Optional(Type.Boolean()),
    }),
    async (rt, o) => {
      const grant = o.process || o.role ? { role: (o.role ?? '') as 'mediator', partyId: o.party ?? null } : null;
      if (grant && !o.process) throw new AppError('validation', 'process_required', 'A role is given in a process: add --process.');
      if (grant) await assertGrantable(rt, SYSTEM, o.process!, grant);
      const { accountId } = await addAccount(rt, { username: o.username, password: o.password });
      if (o.admin) await rt.accounts.setAdmin(accountId, true);
      if (grant) await grantRole(rt, SYSTEM, o.process!, { username: o.username, ...grant });
      return { username: o.username };
    },
  ),

  'user-list': op(Obj({}), async (rt) => listAccounts(rt)),

  'process-create': op(
    Obj({
      id: Str(64),
      names: Obj({ en: Str(500), uk: Type.Optional(Str(500)), ru: Type.Optional(Str(500)) }),
      description: Type.Optional(Str(4000)),
      areaOfInterest: Type.Optional(AreaOfInterestInput),
      mediator: Type.Optional(Str(50)),
    }),
    async (rt, o) => openProcess(rt, SYSTEM, o),
  ),

  invite: op(Obj({ process: Str(), role: Type.String({ maxLength: 50 }), party: Type.Optional(Str()), username: Type.Optional(Str(50)) }), async (rt, o) => {
    const { token: _, ...invite } = await createInvite(rt, SYSTEM, o.process, {
      role: o.role,
      partyId: o.party ?? null,
      ...(o.username ? { username: o.username } : {}),
    });
    return invite;
  }),

  ingest: op(
    Obj({
      process: Str(),
      as: Str(),
      // Each file travels as base64, so its bytes reach the reader unchanged.
      files: Type.Array(Obj({ name: Str(255), data: Type.String({ maxLength: 28 * 1024 * 1024 }) }), { minItems: 1, maxItems: 10_000 }),
      meta: Type.Omit(IngestQuery, ['fileName', 'title']),
    }),
    async (rt, o, hooks) =>
      ingestFiles(
        rt,
        { username: o.as, processId: o.process, files: o.files.map((f) => ({ name: f.name, bytes: Buffer.from(f.data, 'base64') })), meta: o.meta },
        hooks.progress,
      ),
  ),

  import: op(
    // The file travels as base64 so that its bytes reach the use case unchanged, whatever its encoding.
    Obj({ format: Str(50), file: Type.String({ maxLength: 70 * 1024 * 1024 }), process: Str(), audience: Str(50) }),
    async (rt, o, hooks) => {
      if (!FORMATS.includes(o.format as ImportFormat))
        throw new AppError('validation', 'unknown_format', `There is no import format "${o.format}"; try ${FORMATS.join(', ')}.`);
      if (!(AUDIENCES as readonly string[]).includes(o.audience))
        throw new AppError('validation', 'invalid_choice', '--audience must be public, forum or mediator.');
      return importIncidents(rt, SYSTEM, o.process, Buffer.from(o.file, 'base64'), {
        audience: o.audience as (typeof AUDIENCES)[number],
        format: o.format as ImportFormat,
        ...(hooks.progress ? { onProgress: hooks.progress } : {}),
      });
    },
  ),

  export: op(Obj({ processId: Str() }), async (rt, o) => exportProcess(rt, SYSTEM, o.processId)),

  retention: op(Obj({ processId: Str(), statuses: Type.Array(Str(20), { minItems: 1, maxItems: 7 }), before: Str(10), reason: Str(500) }), async (rt, o) =>
    applyRetention(rt, SYSTEM, o.processId, o),
  ),

  checkpoint: op(Obj({ processId: Str() }), async (rt, o) => {
    const r = await signCheckpoint(rt, SYSTEM, o.processId);
    await r.pushed;
    const key = await getLogKey(rt, o.processId);
    return { key: key.key, note: r.checkpoint.note, cosignatures: r.checkpoint.cosignatures };
  }),
} satisfies Record<string, Operation<TSchema>>;

export type OperationName = keyof typeof operations;
export type OperationInput<N extends OperationName> = Static<(typeof operations)[N]['input']>;
export type OperationResult<N extends OperationName> = Awaited<ReturnType<(typeof operations)[N]['run']>>;

/** Runs an operation and returns its result as it would arrive over HTTP, so both paths print the same thing. */
export async function runOperation<N extends OperationName>(
  rt: Runtime,
  name: N,
  input: OperationInput<N>,
  hooks: OperationHooks = {},
): Promise<OperationResult<N>> {
  const result = await (operations[name] as Operation<TSchema>).run(rt, input, hooks);
  return JSON.parse(JSON.stringify(result ?? {})) as OperationResult<N>;
}
