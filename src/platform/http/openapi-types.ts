// TypeScript types from the server's OpenAPI document, so the web's API types are generated, not copied:
// `npx tsx scripts/gen-web-types.ts` writes web/src/api/schema.d.ts, and a test fails when that file
// differs from what the running routes declare. A small generator for the JSON Schema the routes use
// (objects, arrays, unions, literals, nullable, records); no network, no extra dependency.
import { buildServer } from './server';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  description?: string;
  schema?: Schema;
};

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};

const indent = (depth: number) => '  '.repeat(depth);
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** The TypeScript type of a JSON Schema, written at a nesting depth. */
export function schemaToType(schema: Schema | undefined, depth = 0): string {
  if (!schema || Object.keys(schema).filter((k) => k !== 'description').length === 0) return 'unknown';
  let type: string;
  if (schema.const !== undefined) type = JSON.stringify(schema.const);
  else if (schema.enum) type = union(schema.enum.map((v) => JSON.stringify(v)));
  else if (schema.anyOf || schema.oneOf)
    type = union((schema.anyOf ?? schema.oneOf ?? []).map((s) => schemaToType(s, depth)));
  else if (schema.allOf) type = schema.allOf.map((s) => schemaToType(s, depth)).join(' & ');
  else if (Array.isArray(schema.type))
    type = union(schema.type.map((t) => schemaToType({ ...schema, type: t }, depth)));
  else {
    switch (schema.type) {
      case 'string':
        type = 'string';
        break;
      case 'integer':
      case 'number':
        type = 'number';
        break;
      case 'boolean':
        type = 'boolean';
        break;
      case 'null':
        type = 'null';
        break;
      case 'array':
        type = `Array<${schemaToType(schema.items, depth)}>`;
        break;
      case 'object':
      case undefined:
        type = objectType(schema, depth);
        break;
      default:
        type = 'unknown';
    }
  }
  return schema.nullable ? `${type} | null` : type;
}

function objectType(schema: Schema, depth: number): string {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const lines = properties.map(([name, property]) => {
    const doc = property.description
      ? `${indent(depth + 1)}/** ${property.description.replace(/\*\//g, '*\\/')} */\n`
      : '';
    return `${doc}${indent(depth + 1)}${key(name)}${required.has(name) ? '' : '?'}: ${schemaToType(property, depth + 1)};`;
  });
  const rest = schema.patternProperties
    ? Object.values(schema.patternProperties)[0]
    : schema.additionalProperties;
  if (rest && typeof rest === 'object')
    lines.push(`${indent(depth + 1)}[key: string]: ${schemaToType(rest, depth + 1)};`);
  else if (rest === true && properties.length === 0) return 'Record<string, unknown>';
  if (lines.length === 0) return 'Record<string, never>';
  return `{\n${lines.join('\n')}\n${indent(depth)}}`;
}

function parametersType(operation: Operation, where: string, depth: number): string {
  const parameters = (operation.parameters ?? []).filter((p) => p.in === where);
  if (parameters.length === 0) return 'never';
  return objectType(
    {
      properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
      required: parameters.filter((p) => p.required).map((p) => p.name),
    },
    depth,
  );
}

function contentType(content: Record<string, { schema?: Schema }> | undefined, depth: number): string {
  const json = content?.['application/json'] ?? Object.values(content ?? {})[0];
  return json ? schemaToType(json.schema, depth) : 'never';
}

/** The whole `schema.d.ts`: one `ApiPaths` entry per path and method with params, query, body and response. */
export function openApiToTypes(document: { paths: Record<string, Record<string, Operation>> }): string {
  const out: string[] = [
    "// Generated from the server's OpenAPI document by `npx tsx scripts/gen-web-types.ts`. Do not edit:",
    '// change the route schemas and run the script (test/web/api-schema.test.ts fails when this file drifts).',
    '',
    'export interface ApiPaths {',
  ];
  for (const path of Object.keys(document.paths).sort()) {
    out.push(`  ${JSON.stringify(path)}: {`);
    for (const method of Object.keys(document.paths[path]).sort()) {
      const operation = document.paths[path][method];
      const success = Object.keys(operation.responses ?? {})
        .filter((status) => status.startsWith('2'))
        .sort();
      const response = union(success.map((status) => contentType(operation.responses?.[status].content, 3)));
      out.push(`    ${method}: {`);
      out.push(`      params: ${parametersType(operation, 'path', 3)};`);
      out.push(`      query: ${parametersType(operation, 'query', 3)};`);
      out.push(`      body: ${contentType(operation.requestBody?.content, 3)};`);
      out.push(`      response: ${response};`);
      out.push('    };');
    }
    out.push('  };');
  }
  out.push('}', '');
  return out.join('\n');
}

/** The OpenAPI document of the routes as they are, built without a database (no route runs). */
export async function currentOpenApi(): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  const { loadConfig } = await import('../config');
  const { createLogger } = await import('../logger');
  const server = await buildServer({
    config: loadConfig({}),
    store: undefined as never,
    logger: createLogger('silent'),
  });
  try {
    await server.ready();
    return server.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  } finally {
    await server.close();
  }
}
