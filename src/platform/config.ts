// Configuration from the environment, read once at start. Everything has a default that works on a laptop.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite store in `dataDir` is used. */
  databaseUrl?: string;
  dataDir: string;
  logLevel: string;
  /** The business's time zone: "today" for due dates and reports. */
  timeZone: string;
  /** Built web app served by the API server. */
  webDistDir: string;
  /** Largest accepted upload (imports, documents). */
  maxUploadBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.HUIKUAN_DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    timeZone: env.HUIKUAN_TIME_ZONE ?? 'Asia/Shanghai',
    webDistDir: resolve(env.HUIKUAN_WEB_DIST ?? 'web/dist'),
    maxUploadBytes: Number(env.HUIKUAN_MAX_UPLOAD_BYTES ?? 512 * 1024 * 1024),
  };
}
