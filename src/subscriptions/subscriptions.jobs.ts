import type { JobDefinition, JobSchedule } from '../jobs/jobs.ts';

export const digestJobs: JobDefinition[] = [];
export const digestSchedules: JobSchedule[] = [];
