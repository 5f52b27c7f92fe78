import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AttendanceInput,
  CauseClaimAdded,
  CauseClaimInput,
  Dossier,
  InvitationInput,
  InvitationResponseInput,
  MeetingInput,
  READ_ERRORS,
  RecordRead,
  Responses,
  SECURITY,
  Text,
  TransitionInput,
  WRITE_ERRORS,
} from '@parley/contracts';
import type { FastifyInstance } from 'fastify';
import { addCauseClaim } from '../../use-cases/add-cause-claim.ts';
import { inviteParty } from '../../use-cases/invite-party.ts';
import { meetingCalendar } from '../../use-cases/meeting-calendar.ts';
import { meetingDossier } from '../../use-cases/meeting-dossier.ts';
import { recordAttendance } from '../../use-cases/record-attendance.ts';
import { respondToInvitation } from '../../use-cases/respond-to-invitation.ts';
import type { Deps } from '../../use-cases/support.ts';
import { transitionMeeting } from '../../use-cases/transition-meeting.ts';
import { present } from '../present.ts';
import { ProcessParams, RecordParams } from './records.routes.ts';

const tags = ['meetings'];

export async function talksRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const m = '/api/processes/:processId/meetings/:id';

  app.get(
    `${m}/dossier`,
    {
      schema: {
        tags,
        operationId: 'getMeetingDossier',
        security: SECURITY.optional,
        summary: 'A meeting with its status history, claims, invitations and attendance',
        params: RecordParams,
        response: Responses({ 200: Dossier }, READ_ERRORS),
      },
    },
    async (req) => {
      const { processId, id } = req.params;
      const d = await meetingDossier(deps, req.actor, processId, id);
      return {
        ...d,
        meeting: present(d.meeting, 'meeting', req.actor),
        invitations: d.invitations.map((i) => ({ ...present(i, 'invitation', req.actor), responses: i.responses })),
        attendance: d.attendance.map((a) => present(a, 'attendance', req.actor)),
      };
    },
  );

  app.post(
    `${m}/transitions`,
    {
      schema: {
        tags,
        operationId: 'transitionMeeting',
        security: SECURITY.signedIn,
        summary: 'Change a meeting’s status',
        params: RecordParams,
        body: TransitionInput,
        response: Responses({ 200: RecordRead(MeetingInput, true) }, WRITE_ERRORS),
      },
    },
    async (req) => {
      const { processId, id } = req.params;
      return present(await transitionMeeting(deps, req.actor, processId, id, req.body), 'meeting', req.actor);
    },
  );

  app.post(
    `${m}/claims`,
    {
      schema: {
        tags,
        operationId: 'addCauseClaim',
        security: SECURITY.signedIn,
        summary: 'Add a party’s account of why a status changed',
        params: RecordParams,
        body: CauseClaimInput,
        response: Responses({ 201: CauseClaimAdded }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id } = req.params;
      reply.status(201);
      return addCauseClaim(deps, req.actor, processId, id, req.body);
    },
  );

  app.post(
    `${m}/invitations`,
    {
      schema: {
        tags,
        operationId: 'inviteParty',
        security: SECURITY.signedIn,
        summary: 'Invite a party',
        params: RecordParams,
        body: InvitationInput,
        response: Responses({ 201: RecordRead(InvitationInput, true) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id } = req.params;
      reply.status(201);
      return present(await inviteParty(deps, req.actor, processId, id, req.body), 'invitation', req.actor);
    },
  );

  app.post(
    `${m}/attendance`,
    {
      schema: {
        tags,
        operationId: 'recordAttendance',
        security: SECURITY.signedIn,
        summary: 'Record who attended',
        params: RecordParams,
        body: AttendanceInput,
        response: Responses({ 201: RecordRead(AttendanceInput) }, WRITE_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId, id } = req.params;
      reply.status(201);
      return present(await recordAttendance(deps, req.actor, processId, id, req.body), 'attendance', req.actor);
    },
  );

  app.post(
    '/api/processes/:processId/invitations/:id/responses',
    {
      schema: {
        tags: ['invitations'],
        operationId: 'answerInvitation',
        security: SECURITY.signedIn,
        summary: 'Answer an invitation',
        params: RecordParams,
        body: InvitationResponseInput,
        response: Responses({ 200: RecordRead(InvitationInput, true) }, WRITE_ERRORS),
      },
    },
    async (req) => {
      const { processId, id } = req.params;
      return present(await respondToInvitation(deps, req.actor, processId, id, req.body), 'invitation', req.actor);
    },
  );

  app.get(
    '/api/processes/:processId/calendar.ics',
    {
      schema: {
        tags,
        operationId: 'getMeetingCalendar',
        security: SECURITY.optional,
        summary: 'iCalendar feed of the meetings you may see',
        params: ProcessParams,
        response: Responses({ 200: Text('text/calendar', 'an iCalendar (RFC 5545) feed') }, READ_ERRORS),
      },
    },
    async (req, reply) => {
      const { processId } = req.params;
      reply.type('text/calendar; charset=utf-8');
      return meetingCalendar(deps, req.actor, processId);
    },
  );
}
