import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Id, ReadOnlyFields, RecordRead, Responses, SECURITY, Version, WRITE_ERRORS } from '@parley/contracts';
import { Type, type TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { patchRecord } from '../../use-cases/patch-record.ts';
import type { StoredRecord } from '../../use-cases/ports.ts';
import { replaceRecord } from '../../use-cases/replace-record.ts';
// A kind's schema is chosen at run time, so its body is typed as the registry's erased Body.
import type { Body, Resource } from '../../use-cases/resources.ts';
import type { Deps } from '../../use-cases/support.ts';
import { schemaCompiler } from '../validation.ts';
import { LIFECYCLE_KINDS, present } from '../present.ts';

/**
 * The body of a replace: the kind's whole input, the version it was made against, and
 * what a read returns beside it (ignored), so a record read with GET can be sent back.
 */
function replaceSchema(res: Resource): TObject {
  const kept = Object.fromEntries((res.keptByVerb ?? []).map((k) => [k, Type.Optional(Type.Unknown())]));
  return Type.Composite([res.schema as TObject, Type.Object({ version: Version(), ...ReadOnlyFields, ...kept })], { additionalProperties: false });
}

/** A validator with the routes' own rules, for a body the server builds itself (a patched record). */
export function bodyValidator(schema: TObject): (body: unknown) => void {
  const check = schemaCompiler({ schema, httpPart: 'body', method: 'PUT', url: '' }) as unknown as ((v: unknown) => boolean) & { errors?: unknown[] };
  return (body) => {
    if (!check(body)) throw Object.assign(new Error('invalid body'), { validation: check.errors, validationContext: 'body' });
  };
}

/** `meeting` → `Meeting`, `people` → `People`: the noun of an operationId. */
export const pascal = (s: string) => s.replace(/(^|[^a-z0-9])([a-z0-9])/gi, (_m, _p, c: string) => c.toUpperCase());

const MergePatch = Type.Object({}, { additionalProperties: true, description: 'a JSON Merge Patch (RFC 7396) of the record as read' });

/** PUT (the whole new record) and PATCH (a merge patch of it) for one kind. */
export function editRoutes(server: FastifyInstance, deps: Deps, res: Resource, base: string) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = [res.collection];
  const params = Type.Object({ processId: Id, id: Id });
  const label = `${/^[aeiou]/.test(res.label) ? 'an' : 'a'} ${res.label}`;
  const schema = replaceSchema(res);
  const validate = bodyValidator(schema);
  const response = Responses({ 200: RecordRead(res.schema, LIFECYCLE_KINDS.has(res.kind)) }, WRITE_ERRORS);

  app.put(
    `${base}/:id`,
    {
      schema: {
        tags,
        operationId: `replace${pascal(res.kind)}`,
        security: SECURITY.signedIn,
        summary: `Write a new version of ${label}`,
        params,
        body: schema,
        response,
      },
    },
    async (req) =>
      present(await replaceRecord(deps, req.actor, req.params.processId, res, req.params.id, req.body as Body & { version: number }), res.kind, req.actor),
  );

  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        operationId: `patch${pascal(res.kind)}`,
        security: SECURITY.signedIn,
        summary: `Change some fields of ${label} (JSON Merge Patch)`,
        params,
        body: MergePatch,
        response,
      },
    },
    async (req) => {
      const show = (r: StoredRecord) => present(r, res.kind, req.actor);
      return show(await patchRecord(deps, req.actor, req.params.processId, res, req.params.id, req.body, { show, validate }));
    },
  );
}
