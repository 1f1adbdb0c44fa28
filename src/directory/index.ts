export {
  listNetworks,
  insertNetwork,
  insertOrganisation,
  findNetworkBySlug,
} from './directory.repository.ts';
export type { DirectoryTables } from './directory.tables.ts';
