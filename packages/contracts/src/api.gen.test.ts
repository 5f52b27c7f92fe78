import { describe, expect, expectTypeOf, it } from 'vitest';
import { untypedSuccesses } from '../../../scripts/generate-api.ts';
import type { operations } from './api.gen.ts';

/** Each operation whose 2xx (not 204) body type is `never`, `undefined` or `unknown`: what the client must not give. */
type Untyped = {
  [K in keyof operations]: {
    [S in keyof operations[K]['responses']]: `${S & number}` extends `2${string}`
      ? S extends 204
        ? never
        : operations[K]['responses'][S] extends { content: infer C }
          ? [C[keyof C]] extends [never]
            ? K
            : undefined extends C[keyof C]
              ? K
              : unknown extends C[keyof C]
                ? K
                : never
          : K
      : never;
  }[keyof operations[K]['responses']];
}[keyof operations];

describe('the types generated from the OpenAPI document', () => {
  it('give every success response but 204 a body type', () => {
    expectTypeOf<Untyped>().toEqualTypeOf<never>();
  });

  it('are checked on the document: a 2xx without a body schema is named, 204 is not', () => {
    const doc = {
      paths: {
        '/a': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } }, 404: {} } } },
        '/b': { post: { responses: { 201: {} }, summary: 'no body' }, delete: { responses: { 204: {} } } },
        '/c': { get: { responses: { 200: { content: { 'application/json': { schema: { description: 'nothing else' } } } } } } },
      },
    };
    expect(untypedSuccesses(doc as never)).toEqual(['POST /b 201', 'GET /c 200']);
  });
});
