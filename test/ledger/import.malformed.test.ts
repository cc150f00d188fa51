// Malformed files and zip bombs over the API and the CLI: each a 400 (CLI: exit 2) naming the line and
// what is wrong, with a code for translation; never a 500 or a stack trace. A bomb is refused at once,
// before it unpacks, and the server's memory stays flat.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerImportCommands } from '../../src/cli/commands/import';
import { reportCliError } from '../../src/cli/context';
import { migrate } from '../../src/platform/db/migrate';
import { openStore } from '../../src/platform/db/store';
import { buildServer } from '../../src/platform/http/server';
import { type ApiClient, apiClient } from '../support/http';
import { describeEachStore, testApp } from '../support/stores';
import { type MalformedFile, malformedFiles, zipBomb } from './import.malformed';

const upload = (file: { fileName: string; bytes: Uint8Array }, fields: Record<string, string> = {}) => {
  const data = new FormData();
  data.append('kind', 'invoices');
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append('file', new Blob([new Uint8Array(file.bytes)]), file.fileName);
  return data;
};

let files: MalformedFile[] = [];
beforeAll(async () => {
  files = await malformedFiles();
});

describeEachStore('malformed import files over the API', (store) => {
  let server: FastifyInstance;
  let api: ApiClient;
  beforeAll(async () => {
    server = await buildServer(testApp(store()));
    api = await apiClient(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers every malformed file, imported or previewed, with a 400 naming what is wrong', async () => {
    for (const file of files) {
      for (const url of ['/api/imports', '/api/imports/preview']) {
        const response = await api.post(url, upload(file));
        expect(response.statusCode, `${file.name} ${url}: ${response.body}`).toBe(400);
        const { error } = response.json();
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message, file.name).toMatch(file.says);
        expect(error.message).not.toMatch(/\n\s+at |internal error/);
        // The upload check refuses what is not a workbook at all (field "file"); the reader names the line.
        expect(error.problems[0], file.name).toMatchObject(
          error.problems[0].field === 'file'
            ? { field: 'file', value: file.fileName }
            : { code: expect.any(String), line: expect.any(Number) },
        );
      }
    }
    const batches = await store().db.selectFrom('import_batch').select(['status', 'errors']).execute();
    // Those the reader refused are recorded as rejected batches, none failed or left running.
    expect(batches.length).toBeGreaterThanOrEqual(files.length - 2);
    expect(new Set(batches.map((batch) => batch.status))).toEqual(new Set(['rejected']));
  });

  it('refuses an XLSX bomb (2 GB of shared strings in 6 MB) at once, with flat memory', async () => {
    for (const lie of [false, true]) {
      const bytes = await zipBomb(2 * 1024 ** 3, lie);
      expect(bytes.length).toBeLessThan(8 * 1024 * 1024);
      let peak = process.memoryUsage().rss;
      const before = peak;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 5);
      const started = Date.now();
      const response = await api.post('/api/imports', upload({ fileName: 'bomb.xlsx', bytes }));
      const took = Date.now() - started;
      clearInterval(sampler);
      expect(response.statusCode, response.body).toBe(400);
      const { error } = response.json();
      expect(error.message).toMatch(
        lie ? /more than its header says/ : /sharedStrings\.xml unpacks to more than 128 MB/,
      );
      expect(error.problems[0].code).toBe(lie ? 'archive_invalid' : 'archive_too_large');
      expect(took).toBeLessThan(5000);
      expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    }
  });

  it('refuses a sheet with more cells than the limit, naming the line', async () => {
    const previous = process.env.HUIKUAN_IMPORT_MAX_CELLS;
    process.env.HUIKUAN_IMPORT_MAX_CELLS = '20';
    try {
      const csv = [
        '客户编码,发票号,开票日期,金额',
        ...Array.from({ length: 9 }, (_, i) => `C1,N${i},2024-01-06,1`),
      ];
      const response = await api.post(
        '/api/imports',
        upload({ fileName: 'wide.csv', bytes: Buffer.from(csv.join('\n')) }),
      );
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.problems[0]).toMatchObject({ code: 'too_many_cells', line: 6 });
    } finally {
      if (previous === undefined) delete process.env.HUIKUAN_IMPORT_MAX_CELLS;
      else process.env.HUIKUAN_IMPORT_MAX_CELLS = previous;
    }
  });

  it('reads UTF-16 without a byte-order mark when the mapping states it', async () => {
    const file = files.find((f) => f.fileName === 'utf16.csv')!;
    const response = await api.post(
      '/api/imports',
      upload(file, { dryRun: 'true', mapping: JSON.stringify({ encoding: 'utf-16le' }) }),
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'validated', rowsTotal: 1 });
  });
});

describe('malformed import files in the CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'huikuan-import-malformed-'));
  const previous = process.env.HUIKUAN_DATA_DIR;
  beforeAll(async () => {
    const store = await openStore({ dataDir });
    await migrate(store);
    await store.close();
    process.env.HUIKUAN_DATA_DIR = dataDir;
  });
  afterAll(() => {
    process.env.HUIKUAN_DATA_DIR = previous;
    process.exitCode = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the line and reason of each, with exit code 2 and no stack trace', async () => {
    for (const file of [
      ...files,
      { name: 'bomb', fileName: 'bomb.xlsx', bytes: await zipBomb(2 * 1024 ** 3), says: /128 MB/ },
    ]) {
      const path = join(dataDir, file.fileName);
      writeFileSync(path, file.bytes);
      let stderr = '';
      const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        stderr += String(chunk);
        return true;
      });
      let exitCode = 0;
      try {
        const program = new Command().exitOverride();
        registerImportCommands(program);
        await program.parseAsync(['node', 'huikuan', 'import', 'invoices', path]);
      } catch (error) {
        exitCode = reportCliError(error, false);
      } finally {
        spy.mockRestore();
      }
      expect(exitCode, `${file.name}: ${stderr}`).toBe(2);
      expect(stderr, file.name).toMatch(file.says);
      expect(stderr).toMatch(/^error: The file cannot be read/);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
