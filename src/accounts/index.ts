import type { FastifyInstance } from 'fastify';
import { accountsRoutes } from './accounts.routes.tsx';

export { NewPasswordFields } from './accounts.views.tsx';

export { resolvePrincipal, principalOfUser, SESSION_COOKIE, setSessionCookie } from './accounts.queries.ts';
export {
  createUser,
  hashPassword,
  openSession,
  purgeExpired,
  type CreateUserInput,
} from './accounts.commands.ts';
export { findUserByEmail, grantNetworkRole, insertUser } from './accounts.repository.ts';

/** Accounts: sign-in, sessions, password reset, personal API tokens, the admin list of users. */
export async function accountsPlugin(app: FastifyInstance): Promise<void> {
  await accountsRoutes(app);
}
