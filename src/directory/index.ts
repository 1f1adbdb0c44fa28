import type { FastifyInstance } from 'fastify';
import { organisationsRoutes } from './organisations.routes.tsx';
import { networksRoutes } from './networks.routes.tsx';
import { exchangeRoutes } from './exchange.routes.ts';
import { invitationsRoutes } from './invitations.routes.tsx';
import { relationsRoutes } from './relations.routes.tsx';

export { insertNetwork, insertOrganisation, findNetworkIdBySlug } from './directory.repository.ts';
export {
  listNetworks,
  getNetwork,
  getOrganisation,
  searchOrganisations,
  countriesInArea,
} from './directory.queries.ts';
export type { DirectoryTables } from './directory.tables.ts';

/** The directory: organisations, networks, their members and relationships; import and export. */
export async function directoryPlugin(app: FastifyInstance): Promise<void> {
  await organisationsRoutes(app);
  await networksRoutes(app);
  await exchangeRoutes(app);
  await invitationsRoutes(app);
  await relationsRoutes(app);
}
