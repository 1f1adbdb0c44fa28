import type { MatrixFixture } from './matrix-env.ts';

/** The authorization matrix's fixtures for the meetings routes (named in their `harness.params`). */
export const meetingsFixtures: Record<string, MatrixFixture> = {};
