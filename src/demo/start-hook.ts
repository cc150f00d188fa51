// `npm start` on an empty store loads the default demo (300 customers, 12,000 invoices over 24 months,
// as of today in the business time zone), so that the first look at the app has aging, DSO and
// collections with real signal: the shipped strategies on and the last weeks of the collections desk
// replayed (live-desk.ts). Runs only with `demoIfEmpty` and only when there is no customer at all.
import type { AppContext } from '../platform/app';
import { SYSTEM_ACTOR } from '../platform/auth/actor';
import type { StartHook } from '../platform/start-hooks';
import { todayIn } from '../shared/dates';
import { DEFAULT_DEMO } from './context';
import { describeDemo, describeDesk } from './describe-demo';
import { runDemoDesk } from './live-desk';
import { loadDemo } from './load-demo';

export async function storeIsEmpty(app: AppContext): Promise<boolean> {
  const row = await app.store.db.selectFrom('customer').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** The hook for a demo of the given size; `npm start` registers the default one. */
export function demoStartHookFor(
  size: { customers: number; invoices: number; seed: number; months: number } = DEFAULT_DEMO,
  print: (text: string) => void = (text) => process.stdout.write(text),
): StartHook {
  return async (app, options) => {
    if (!options.demoIfEmpty || !(await storeIsEmpty(app))) return;
    print('empty store: loading the demo data set…\n');
    const summary = await loadDemo(app.store, SYSTEM_ACTOR, { ...size, asOf: todayIn(app.config.timeZone) });
    print(describeDemo(summary, app.store.kind));
    const desk = await runDemoDesk(app.store.db, { asOf: summary.asOf, seed: summary.seed });
    print(describeDesk(desk));
  };
}

export const demoStartHook: StartHook = demoStartHookFor();
