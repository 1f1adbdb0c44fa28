import type { MatrixFixture } from './matrix-env.ts';

/** The authorization matrix's fixtures for the jobs routes (named in their `harness.params`). */
export const jobsFixtures: Record<string, MatrixFixture> = {};
