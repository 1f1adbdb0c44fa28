import type { FastifyInstance } from 'fastify';

/** Meetings: list, page, form, agenda, documents, invitations, RSVP, attendance, iCalendar. */
export async function meetingsRoutes(fastify: FastifyInstance): Promise<void> {
  void fastify;
}
