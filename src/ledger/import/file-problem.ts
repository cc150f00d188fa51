// A file that cannot be read at all (a broken zip, malformed XML, the wrong encoding, a zip bomb) is the
// user's input, not our failure: a 400 naming the line (0: the whole file), the part or value, and a stable
// code with parameters in the shared catalog (src/shared/messages), beside the server's English reason.
import { AppError, msg } from '../../platform/errors';

export type FileProblemCode =
  | 'archive_truncated'
  | 'archive_invalid'
  | 'archive_too_large'
  | 'archive_part_missing'
  | 'xml_doctype'
  | 'xml_malformed'
  | 'cell_reference_invalid'
  | 'too_many_cells'
  | 'utf16_without_bom'
  | 'utf32'
  | 'nul_byte'
  | 'unclosed_quote';

export type ProblemParams = Record<string, string | number>;

export function fileProblem(
  code: FileProblemCode,
  reason: string,
  options: { line?: number; value?: string | null; params?: ProblemParams } = {},
): AppError {
  const line = options.line ?? 0;
  const what = { messageCode: code, params: options.params ?? {} };
  const message =
    line > 0 ? msg('fileUnreadableAt', { line, reason: what }) : msg('fileUnreadable', { reason: what });
  return new AppError('INVALID_INPUT', message, {
    problems: [
      {
        line,
        field: null,
        value: options.value ?? null,
        reason,
        code,
        params: options.params ?? {},
      },
    ],
  });
}
