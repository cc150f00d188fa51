// Work done once when the server starts, before it listens (demo data on an empty store, demo users, ...).
// The hooks themselves are listed in the composition root (src/app/start-hooks.ts).
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
