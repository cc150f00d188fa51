// The web's API types are generated from the server's OpenAPI document (scripts/gen-web-types.ts): this test
// fails when web/src/api/schema.d.ts differs from what the routes declare now, and when a route answers
// JSON without a schema of what it answers (the report routes said `unknown`, and the web's hand-copied
// types had drifted: Payment lacked entityCode, CreditNote three fields).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentOpenApi, openApiToTypes, schemaToType } from '../../src/app/openapi-types';

describe('generated web API types', () => {
  it('web/src/api/schema.d.ts is what the routes declare (run `npx tsx scripts/gen-web-types.ts`)', async () => {
    const committed = readFileSync(new URL('../../web/src/api/schema.d.ts', import.meta.url), 'utf8');
    expect(committed).toBe(openApiToTypes(await currentOpenApi()));
  }, 60_000);

  it('every route declares what it answers, with no untyped report', async () => {
    const document = await currentOpenApi();
    const untyped: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.entries(operation.responses ?? {}).filter(([status]) =>
          status.startsWith('2'),
        );
        if (success.length === 0) untyped.push(`${method} ${path}: no success response`);
        for (const [status, response] of success) {
          const json = response.content?.['application/json']?.schema;
          if (!json) continue; // a file or no body (204)
          const type = schemaToType(json);
          if (
            type === 'unknown' ||
            type === 'Record<string, unknown>' ||
            /Array<Record<string, unknown>>/.test(type) ||
            // A whole field left open (a simulation's result was `unknown | null`, the web's copy drifted);
            // the audit log's row images (rowKey, before, after) are free-form by nature and stay unknown.
            /^\s*\w+\??: unknown \| null/m.test(type)
          ) {
            untyped.push(`${method} ${path} ${status}: ${type.slice(0, 60)}`);
          }
        }
      }
    }
    expect(untyped).toEqual([]);
  }, 60_000);

  it('writes JSON Schema as TypeScript: objects, optional fields, nullable lists, literals', () => {
    expect(
      schemaToType({
        type: 'object',
        required: ['a', 'c'],
        properties: {
          a: { type: ['integer', 'null'] },
          b: { type: 'array', items: { anyOf: [{ const: 'x' }, { const: 'y' }] } },
          c: { type: 'string', enum: ['p', 'q'] },
        },
      }),
    ).toBe('{\n  a: number | null;\n  b?: Array<"x" | "y">;\n  c: "p" | "q";\n}');
  });
});
