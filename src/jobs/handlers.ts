// Every job kind the worker knows, and the daily schedules that queue them. A module adds its own here.
import { collectionsJobHandlers, collectionsJobSchedules } from '../collections/jobs';
import type { DailySchedule } from './job-queries';
import type { JobHandlers } from './runner';

export const JOB_HANDLERS: JobHandlers = {
  ...collectionsJobHandlers,
};

export const JOB_SCHEDULES: DailySchedule[] = [...collectionsJobSchedules];
