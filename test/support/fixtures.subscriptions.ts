import type { MatrixFixture } from './matrix-env.ts';

/** The authorization matrix's fixtures for the subscriptions routes (named in their `harness.params`). */
export const subscriptionsFixtures: Record<string, MatrixFixture> = {};
