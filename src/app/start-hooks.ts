// The start hooks, in order (composition root): a feature that needs work done once at start adds it here.
import { analyticsCompactionStartHook } from '../analytics/compaction';
import { auditHeadLogStartHook } from '../auth/audit-head-log';
import { demoUsersStartHook } from '../auth/demo-users';
import { demoStartHook } from '../demo/start-hook';
import { abandonedWorkStartHook } from '../jobs/abandoned-work';
import { startInProcessWorker } from '../jobs/start-worker';
import type { StartHook } from '../platform/start-hooks';

export const onStartHooks: StartHook[] = [
  abandonedWorkStartHook, // first: lists are right from the first request
  demoStartHook,
  demoUsersStartHook, // after the demo's hook: it links the demo's staff rows
  startInProcessWorker,
  analyticsCompactionStartHook,
  auditHeadLogStartHook, // last: the head after the start's own writes
];
