// Writes web/src/api/schema.d.ts from the server's OpenAPI document (no server started, no network).
// Run after changing a route's schema: `npx tsx scripts/gen-web-types.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { currentOpenApi, openApiToTypes } from '../src/platform/http/openapi-types';

const target = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));
writeFileSync(target, openApiToTypes(await currentOpenApi()));
process.stdout.write(`wrote ${target}\n`);
