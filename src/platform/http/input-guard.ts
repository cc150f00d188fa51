// Checks every request's input once, before any route sees it: no control characters in query strings and
// path parameters (a NUL reached PostgreSQL and answered 500 on 23 routes), none but tab and line breaks in
// JSON bodies, and JSON bodies no deeper than MAX_JSON_DEPTH (a body nested 100,000 deep overflowed the stack
// later on). Each refusal is a 400 naming the field.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { codePointName, findControlCharacter, findExcessiveJsonDepth, showControls } from '../../shared/text';
import { AppError, type FieldProblem, msg } from '../errors';

export const MAX_JSON_DEPTH = 32;

function controlProblem(field: string, value: string, char: string): FieldProblem {
  return {
    field,
    value: showControls(value.length > 200 ? `${value.slice(0, 200)}…` : value),
    reason: `must not contain control characters (found ${codePointName(char)})`,
    code: 'controlCharacters',
    params: { char: codePointName(char) },
  };
}

/** Every string (and key) in `value` with its dotted path; iterative, the depth is already bounded. */
function findControls(root: unknown, rootPath: string, allowLineBreaks: boolean): FieldProblem | null {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      const char = findControlCharacter(value, allowLineBreaks);
      if (char) return controlProblem(path, value, char);
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const char = findControlCharacter(key, false);
        if (char) return controlProblem(path || key, key, char);
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

function refuse(problem: FieldProblem): AppError {
  const params = { field: problem.field ?? '', char: String(problem.params?.char ?? '') };
  return new AppError('INVALID_INPUT', msg('controlCharactersIn', params), {
    problems: [problem],
  });
}

export function checkRequestText(request: FastifyRequest): void {
  const problem =
    findControls(request.params, '', false) ??
    findControls(request.query, '', false) ??
    findControls(request.body, '', true);
  if (problem) throw refuse(problem);
}

export function registerInputGuard(server: FastifyInstance): void {
  // JSON bodies: the nesting is measured on the text first, so that nothing recursive ever sees a deep body;
  // then Fastify's own parser (with its __proto__ / constructor poisoning checks) does the work.
  const parseJson = server.getDefaultJsonParser('error', 'error');
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: server.initialConfig.bodyLimit },
    (request, body, done) => {
      const text = body as string;
      const deep = findExcessiveJsonDepth(text, MAX_JSON_DEPTH);
      if (deep) {
        done(
          refuse({
            field: deep.path || null,
            value: null,
            reason: `nests deeper than ${MAX_JSON_DEPTH} levels`,
          }),
          undefined,
        );
        return;
      }
      parseJson(request, text, done);
    },
  );
  server.addHook('preValidation', async (request) => checkRequestText(request));
}
