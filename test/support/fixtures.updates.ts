import type { MatrixFixture } from './matrix-env.ts';

/** The authorization matrix's fixtures for the updates routes (named in their `harness.params`). */
export const updatesFixtures: Record<string, MatrixFixture> = {};
