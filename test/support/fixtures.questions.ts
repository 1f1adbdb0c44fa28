import type { MatrixFixture } from './matrix-env.ts';

/** The authorization matrix's fixtures for the questions routes (named in their `harness.params`). */
export const questionsFixtures: Record<string, MatrixFixture> = {};
