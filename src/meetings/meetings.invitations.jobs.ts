import type { JobDefinition, JobSchedule } from '../jobs/jobs.ts';

export const invitationJobs: JobDefinition[] = [];
export const invitationSchedules: JobSchedule[] = [];
