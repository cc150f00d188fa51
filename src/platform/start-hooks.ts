// Work done once when the server starts, before it listens (demo data on an empty store, demo users, ...).
// Features append their hook here.
import { analyticsCompactionStartHook } from '../analytics/compaction';
import { demoUsersStartHook } from '../auth/demo-users';
import { demoStartHook } from '../demo/start-hook';
import { startInProcessWorker } from '../jobs/start-worker';
import type { AppContext } from './app';

export interface StartHookOptions {
  demoIfEmpty: boolean;
  /**
   * Something the person starting the server must read (the demo's sign-ins): printed once the server is
   * up, after everything else, where the logs cannot scroll it away. Printed at once when absent.
   */
  notice?: (text: string) => void;
}

/** Work done once at start, before the server listens. */
export type StartHook = (app: AppContext, options: StartHookOptions) => Promise<void>;

export const onStartHooks: StartHook[] = [];
onStartHooks.push(demoStartHook);
onStartHooks.push(demoUsersStartHook); // after the demo's hook: it links the demo's staff rows
onStartHooks.push(startInProcessWorker);
onStartHooks.push(analyticsCompactionStartHook);
