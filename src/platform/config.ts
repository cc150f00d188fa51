// Configuration from the environment, read once at start. Everything has a default that works on a laptop.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL URL; when absent the embedded PGlite store in `dataDir` is used. */
  databaseUrl?: string;
  /**
   * PostgreSQL: the owner role's URL, used only to apply migrations. The server then connects with
   * `databaseUrl` as the application role (huikuan_app), which cannot rewrite the audit log. Absent: the
   * migrations run over `databaseUrl` (one role for both, as on PGlite).
   */
  migrateDatabaseUrl?: string;
  dataDir: string;
  logLevel: string;
  /** The business's time zone: "today" for due dates and reports. */
  timeZone: string;
  /** Built web app served by the API server. */
  webDistDir: string;
  /** Largest accepted upload (imports, documents). */
  maxUploadBytes: number;
  /**
   * Which senders' X-Forwarded-For is believed (Fastify's trustProxy): false (no proxy: the client address
   * is the connection's), addresses/CIDRs of the reverse proxies, a hop count, or true (any sender; only
   * when nothing but the proxy can reach the server).
   */
  trustProxy: boolean | number | string;
  /** Requests a minute per signed-in user or API token, and per client address for anonymous requests. */
  rateLimitPerMinute: number;
}

function trustProxySetting(value: string | undefined): boolean | number | string {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(',');
}

function rateLimit(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`HUIKUAN_RATE_LIMIT_PER_MINUTE must be a positive whole number, got ${value}`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  if (env.HUIKUAN_MIGRATE_DATABASE_URL && !env.DATABASE_URL)
    throw new Error(
      'HUIKUAN_MIGRATE_DATABASE_URL is for PostgreSQL: set DATABASE_URL (the application role) too',
    );
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    migrateDatabaseUrl: env.HUIKUAN_MIGRATE_DATABASE_URL || undefined,
    dataDir: resolve(env.HUIKUAN_DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    timeZone: env.HUIKUAN_TIME_ZONE ?? 'Asia/Shanghai',
    webDistDir: resolve(env.HUIKUAN_WEB_DIST ?? 'web/dist'),
    maxUploadBytes: Number(env.HUIKUAN_MAX_UPLOAD_BYTES ?? 512 * 1024 * 1024),
    trustProxy: trustProxySetting(env.HUIKUAN_TRUST_PROXY),
    rateLimitPerMinute: rateLimit(env.HUIKUAN_RATE_LIMIT_PER_MINUTE),
  };
}
