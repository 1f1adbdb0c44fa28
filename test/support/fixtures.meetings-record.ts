import type { MatrixFixture } from './matrix-env.ts';

/** The authorization matrix's fixtures for the meetings-record routes (named in their `harness.params`). */
export const meetingsRecordFixtures: Record<string, MatrixFixture> = {};
