/** How the network-life demo loaders find what the directory demo created, by key. */
export interface NetworkLifeIds {
  organisation(key: string): string;
  network(slug: string): string;
  /** A demo user's id, by email (see DEMO_USERS). */
  user(email: string): string;
}
