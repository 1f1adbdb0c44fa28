import { meetingsJobs, meetingsSchedules } from '../meetings/index.ts';
import { questionJobs, questionSchedules } from '../questions/index.ts';
import { digestJobs, digestSchedules } from '../subscriptions/index.ts';
import { housekeepingSchedules, mailJobs } from './jobs.mail.ts';
import type { JobDefinition, JobSchedule } from './jobs.ts';

/** Every kind of job the instance runs, and every periodic sweep, from each domain. */
export const JOBS: readonly JobDefinition[] = [...mailJobs, ...meetingsJobs, ...questionJobs, ...digestJobs];
export const SCHEDULES: readonly JobSchedule[] = [
  ...housekeepingSchedules,
  ...meetingsSchedules,
  ...questionSchedules,
  ...digestSchedules,
];
