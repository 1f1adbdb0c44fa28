import type { FastifyInstance } from 'fastify';
import { apiDocsRoutes } from './api-docs.routes.tsx';

/** Readable API documentation at `/{lang}/api` (and `/api/docs`), made from the OpenAPI document. */
export async function apiDocsPlugin(app: FastifyInstance): Promise<void> {
  await apiDocsRoutes(app);
}
