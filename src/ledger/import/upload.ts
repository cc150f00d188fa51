// Receives a multipart upload: the file is streamed to a temporary file (never held in memory), the other
// parts are kept as text fields. The file must be one of the kinds the caller accepts, judged by its bytes
// (src/auth/upload-guard.ts), before anything reads it. The caller removes the file with `dispose`.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { checkUploadedFile, type UploadKind } from '../../auth/upload-guard';
import { AppError, invalid, msg } from '../../platform/errors';

export interface Upload {
  filePath: string;
  fileName: string;
  fields: Record<string, string>;
  dispose(): Promise<void>;
}

export async function receiveUpload(request: FastifyRequest, accept: UploadKind[]): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', msg('uploadNotMultipart'));
  }
  const dir = await mkdtemp(join(tmpdir(), 'huikuan-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: { path: string; name: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (file) throw invalid(msg('uploadOneFile'));
        const path = join(dir, 'upload');
        await pipeline(part.file, createWriteStream(path));
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', msg('payloadTooLarge'));
        file = { path, name: part.filename || 'upload' };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
    if (!file) throw invalid(msg('uploadFilePartMissing'), [{ field: 'file', reason: 'required' }]);
    await checkUploadedFile(file.path, file.name, accept);
    return { filePath: file.path, fileName: file.name, fields, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
