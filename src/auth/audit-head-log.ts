// The audit chain's head in the server log, on start and then once a day, so that the log (kept apart from
// the database) holds heads to check against later: `huikuan audit verify --head <hash>`.
import type { AppContext } from '../platform/app';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import type { StartHook } from '../platform/start-hooks';
import { auditHead } from './verify-audit';

const DAY_MS = 24 * 60 * 60 * 1000;

async function logHead(app: AppContext): Promise<void> {
  try {
    const head = await auditHead(app.store.db, SYSTEM_ACTOR);
    app.logger.info({ auditHead: head }, `audit head: ${head.entries} entries, hash ${head.hash}`);
  } catch (error) {
    app.logger.warn({ err: error }, 'could not read the audit head');
  }
}

export const auditHeadLogStartHook: StartHook = async (app) => {
  await logHead(app);
  setInterval(() => void logHead(app), DAY_MS).unref();
};
