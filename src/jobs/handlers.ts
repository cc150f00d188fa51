// Every job kind the worker knows. A module adds its handlers here.
import { collectionsJobHandlers } from '../collections/jobs';
import type { JobHandlers } from './runner';

export const JOB_HANDLERS: JobHandlers = {
  ...collectionsJobHandlers,
};
