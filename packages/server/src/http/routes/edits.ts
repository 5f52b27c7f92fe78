import { Id, ReadOnlyFields, Version } from '@parley/contracts';
import { Type, type TObject } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { patchRecord } from '../../use-cases/patch-record.ts';
import type { StoredRecord } from '../../use-cases/ports.ts';
import { replaceRecord } from '../../use-cases/replace-record.ts';
import type { Resource } from '../../use-cases/resources.ts';
import type { Deps } from '../../use-cases/support.ts';
import { schemaCompiler } from '../validation.ts';

/**
 * The body of a replace: the kind's whole input, the version it was made against, and
 * what a read returns beside it (ignored), so a record read with GET can be sent back.
 */
function replaceSchema(res: Resource): TObject {
  const kept = Object.fromEntries((res.keptByVerb ?? []).map((k) => [k, Type.Optional(Type.Unknown())]));
  return Type.Composite([res.schema as TObject, Type.Object({ version: Version(), ...ReadOnlyFields, ...kept })], { additionalProperties: false });
}

/** A validator with the routes' own rules, for a body the server builds itself (a patched record). */
function bodyValidator(schema: TObject): (body: unknown) => void {
  const check = schemaCompiler({ schema, httpPart: 'body', method: 'PUT', url: '' }) as unknown as ((v: unknown) => boolean) & { errors?: unknown[] };
  return (body) => {
    if (!check(body)) throw Object.assign(new Error('invalid body'), { validation: check.errors, validationContext: 'body' });
  };
}

const MergePatch = Type.Object({}, { additionalProperties: true, description: 'a JSON Merge Patch (RFC 7396) of the record as read' });

/** PUT (the whole new record) and PATCH (a merge patch of it) for one kind. */
export function editRoutes(app: FastifyInstance, deps: Deps, res: Resource, base: string, show: (r: StoredRecord) => Record<string, unknown>) {
  const tags = [res.collection];
  const params = Type.Object({ processId: Id, id: Id });
  const label = `${/^[aeiou]/.test(res.label) ? 'an' : 'a'} ${res.label}`;
  const schema = replaceSchema(res);
  const validate = bodyValidator(schema);
  const at = (req: { params: unknown }) => req.params as { processId: string; id: string };

  app.put(`${base}/:id`, { schema: { tags, summary: `Write a new version of ${label}`, params, body: schema } }, async (req) =>
    show(await replaceRecord(deps, req.actor, at(req).processId, res, at(req).id, req.body as Record<string, unknown> & { version: number })));

  app.patch(`${base}/:id`, { schema: { tags, summary: `Change some fields of ${label} (JSON Merge Patch)`, params, body: MergePatch } }, async (req) => {
    return show(await patchRecord(deps, req.actor, at(req).processId, res, at(req).id, req.body as Record<string, unknown>, { show, validate }));
  });
}
