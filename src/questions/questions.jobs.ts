import type { JobDefinition, JobSchedule } from '../jobs/jobs.ts';

export const questionJobs: JobDefinition[] = [];
export const questionSchedules: JobSchedule[] = [];
