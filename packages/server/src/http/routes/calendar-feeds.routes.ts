import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CalendarFeedCreated,
  CalendarFeedParams,
  CalendarFeedTokenParams,
  CalendarFeedView,
  ItemsOf,
  NoContent,
  READ_ERRORS,
  Responses,
  SECURITY,
  Text,
  WRITE_ERRORS,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { createCalendarFeed, listCalendarFeeds, readCalendarFeed, revokeCalendarFeed, type FeedDeps } from '../../use-cases/access/calendar-feeds.ts';
import { ProcessParams } from './records.routes.ts';

const tags = ['meetings'];
const feedPath = (token: string) => `/api/feeds/${token}/calendar.ics`;

/** Secret calendar addresses: what a calendar client, which sends no cookie or header, subscribes to. */
export async function calendarFeedRoutes(server: FastifyInstance, deps: FeedDeps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/processes/:processId/calendar-feeds';

  app.post(
    base,
    {
      schema: {
        tags,
        operationId: 'createCalendarFeed',
        security: SECURITY.sessionOnly,
        summary: 'A secret address of this calendar for your calendar client (shown once); needs a session',
        params: ProcessParams,
        response: Responses({ 201: CalendarFeedCreated }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const feed = await createCalendarFeed(deps, req.actor, req.params.processId, req.credential);
      reply.status(201);
      return { ...feed, lastUsedAt: null, url: feedPath(feed.token) };
    },
  );

  app.get(
    base,
    {
      schema: {
        tags,
        operationId: 'listCalendarFeeds',
        security: SECURITY.signedIn,
        summary: "Your secret addresses of this process's calendar (never the secrets)",
        params: ProcessParams,
        response: Responses({ 200: ItemsOf(CalendarFeedView) }, READ_ERRORS),
      },
    },
    async (req) => listCalendarFeeds(deps, req.actor, req.params.processId),
  );

  app.delete(
    `${base}/:feedId`,
    {
      schema: {
        tags,
        operationId: 'revokeCalendarFeed',
        security: SECURITY.signedIn,
        summary: 'Revoke one of your secret calendar addresses',
        params: CalendarFeedParams,
        response: Responses({ 204: NoContent }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      await revokeCalendarFeed(deps, req.actor, req.params.feedId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/feeds/:token/calendar.ics',
    {
      schema: {
        tags,
        operationId: 'getCalendarFeed',
        security: SECURITY.none,
        summary: 'The meeting calendar behind a secret address, as its account may see it now',
        params: CalendarFeedTokenParams,
        response: Responses({ 200: Text('text/calendar', 'an iCalendar (RFC 5545) feed') }, READ_ERRORS),
      },
    },
    async (req, reply) => {
      const ics = await readCalendarFeed(deps, req.params.token);
      // The secret is in the address: keep it out of shared caches and of the pages a calendar links to.
      reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
      reply.type('text/calendar; charset=utf-8');
      return ics;
    },
  );
}
