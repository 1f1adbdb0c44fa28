import type { JobDefinition, JobSchedule } from './jobs.ts';

export const mailJobs: JobDefinition[] = [];
export const housekeepingSchedules: JobSchedule[] = [];
