import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listNetworks } from '../directory/index.ts';
import { negotiateLanguage } from '../web/language.ts';
import { pageContext, sendHtml } from '../web/render.tsx';
import { L, LangParams } from '../web/routes.ts';
import { HomePage } from './home.views.tsx';

export async function homeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/', { config: { access: 'public' } }, async (request, reply) =>
    reply
      .code(302)
      .header('vary', 'Accept-Language')
      .header('location', `/${negotiateLanguage(request.headers['accept-language'])}`)
      .send(),
  );

  app.get(L, { schema: { params: LangParams }, config: { access: 'public' } }, async (request, reply) => {
    const networks = await listNetworks(app.deps.db);
    return sendHtml(reply, <HomePage ctx={pageContext(request, reply)} networks={networks} />);
  });
}
