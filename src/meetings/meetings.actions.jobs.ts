import type { JobDefinition, JobSchedule } from '../jobs/jobs.ts';

export const actionItemJobs: JobDefinition[] = [];
export const actionItemSchedules: JobSchedule[] = [];
