import type { Db } from '../../src/db/schema.ts';
import type { Actor, ActorName } from './factories.ts';

/**
 * What a domain's authorization-matrix fixtures stand on: the network where the matrix's callers
 * hold their roles, the owning organisation (focalOwn's), the other one (focalOther's), and a
 * third organisation none of the callers belongs to.
 */
export interface MatrixEnv {
  db: Db;
  networkId: string;
  networkSlug: string;
  owningOrganisationId: string;
  otherOrganisationId: string;
  thirdOrganisationId: string;
  actors: Record<ActorName, Actor>;
}

/** A path parameter's value for one caller, made fresh for each call. */
export type MatrixFixture = (actor: Actor, env: MatrixEnv) => Promise<string>;
