// Work done once when the server starts, before it listens (demo data on an empty store, demo users, ...).
// Features append their hook here.
import { analyticsCompactionStartHook } from '../analytics/compaction';
import { auditHeadLogStartHook } from '../auth/audit-head-log';
import { demoUsersStartHook } from '../auth/demo-users';
import { demoStartHook } from '../demo/start-hook';
import { startInProcessWorker } from '../jobs/start-worker';
import type { AppContext } from './app';

export type StartHook = (app: AppContext, options: { demoIfEmpty: boolean }) => Promise<void>;

export const onStartHooks: StartHook[] = [];
onStartHooks.push(demoStartHook);
onStartHooks.push(demoUsersStartHook); // after the demo's hook: it links the demo's staff rows
onStartHooks.push(startInProcessWorker);
onStartHooks.push(analyticsCompactionStartHook);
onStartHooks.push(auditHeadLogStartHook); // last: the head after the start's own writes
