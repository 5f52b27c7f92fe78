import { AttendanceInput, InvitationInput, InvitationResponseInput, MeetingInput, TransitionInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { inviteParty } from '../../use-cases/invite-party.ts';
import { recordAttendance } from '../../use-cases/record-attendance.ts';
import { resource } from '../../use-cases/resources.ts';
import { respondToInvitation } from '../../use-cases/respond-to-invitation.ts';
import { transitionMeeting } from '../../use-cases/transition-meeting.ts';
import { validated } from '../validate.ts';
import { cite, type Ctx, type Draft } from './util.ts';

type Meeting = Draft<typeof MeetingInput, 'hostRequiresConfirmation' | 'agenda' | 'sources'> & { id: string };
/** A status change as written here; the loader adds the meeting's current version. */
type Step = Omit<Draft<typeof TransitionInput, 'sources' | 'claims'>, 'version'>;
type Attendance = Draft<typeof AttendanceInput, 'sources'>;
type Response = Omit<Draft<typeof InvitationResponseInput, 'conditions' | 'sources'>, 'version'>;
type Invitation = Draft<typeof InvitationInput> & { response?: Response };

interface MeetingPlan {
  meeting: Meeting;
  /** Applied in order after the meeting is created (as proposed). */
  steps: Step[];
  /** Recorded once the meeting is held. */
  attendance?: Attendance[];
  /** Sent while the meeting is still open, with any answer received by the scenario date. */
  invitations?: Invitation[];
}

const MINSK = { names: { en: 'Minsk', uk: 'Мінськ', ru: 'Минск' }, lat: 53.9045, lon: 27.5615 };
const TZ = 'Europe/Minsk';
const NO_ANSWER = 'No answer recorded by the end of November 2014; no date had been fixed for the round.';
const AFTER_THE_FACT = 'Recorded after the fact: the sources report the meeting when it met; when it was called is not recorded.';

/** The five who signed in September attended both signing rounds. */
const SIGNING_ROUND = (sourceId: string): Attendance[] => [
  { partyId: 'osce', personId: 'tagliavini', status: 'attended', sources: cite(sourceId) },
  { partyId: 'ukr', personId: 'kuchma', status: 'attended', sources: cite(sourceId) },
  { partyId: 'rus', personId: 'zurabov', status: 'attended', sources: cite(sourceId) },
  { partyId: 'ordo', personId: 'zakharchenko', status: 'attended', note: 'Attended as a participant, not a member of the group.', sources: cite(sourceId) },
  { partyId: 'ordl', personId: 'plotnitsky', status: 'attended', note: 'Attended as a participant, not a member of the group.', sources: cite(sourceId) },
];

export const MEETINGS: MeetingPlan[] = [
  {
    meeting: {
      id: 'tcg-2014-07-31',
      forumId: 'tcg',
      kind: 'round',
      modality: 'in_person',
      place: MINSK,
      timeZone: TZ,
      hostPartyId: 'blr',
      audience: 'public',
      title: {
        en: 'Contact group meeting in Minsk, 31 July 2014',
        uk: 'Зустріч контактної групи в Мінську, 31 липня 2014 року',
        ru: 'Встреча контактной группы в Минске, 31 июля 2014 года',
      },
      plannedStart: '2014-07-31',
      actualStart: '2014-07-31',
      agenda: [
        { number: 1, title: { en: 'Release of hostages', uk: 'Звільнення заручників', ru: 'Освобождение заложников' } },
        { number: 2, title: { en: 'Access to the MH17 crash site', uk: 'Доступ до місця катастрофи MH17', ru: 'Доступ к месту крушения MH17' } },
      ],
      sources: cite('src-54'),
    },
    steps: [
      { to: 'scheduled', at: '2014-07-31', reason: AFTER_THE_FACT, sources: cite('src-54') },
      { to: 'held', at: '2014-07-31', reason: 'Met in Minsk on hostage releases and access to the MH17 crash site.', sources: cite('src-54') },
    ],
  },
  {
    meeting: {
      id: 'tcg-2014-09-01',
      forumId: 'tcg',
      kind: 'consultation',
      modality: 'in_person',
      place: MINSK,
      timeZone: TZ,
      hostPartyId: 'blr',
      audience: 'public',
      title: {
        en: 'Contact group consultations in Minsk, 1 September 2014',
        uk: 'Консультації контактної групи в Мінську, 1 вересня 2014 року',
        ru: 'Консультации контактной группы в Минске, 1 сентября 2014 года',
      },
      plannedStart: '2014-09-01',
      actualStart: '2014-09-01',
      sources: cite('src-16'),
    },
    steps: [
      { to: 'scheduled', at: '2014-09-01', reason: AFTER_THE_FACT, sources: cite('src-16') },
      { to: 'held', at: '2014-09-01', reason: 'Consultations held in Minsk ahead of the Protocol.', sources: cite('src-16') },
    ],
  },
  {
    meeting: {
      id: 'tcg-2014-09-05',
      forumId: 'tcg',
      kind: 'round',
      modality: 'in_person',
      place: MINSK,
      timeZone: TZ,
      hostPartyId: 'blr',
      audience: 'public',
      title: {
        en: 'Contact group round in Minsk, 5 September 2014',
        uk: 'Раунд контактної групи в Мінську, 5 вересня 2014 року',
        ru: 'Раунд контактной группы в Минске, 5 сентября 2014 года',
      },
      plannedStart: '2014-09-05',
      actualStart: '2014-09-05',
      outcome: {
        summary: {
          en: 'The Minsk Protocol was signed; the ceasefire was to start at 18:00 Kyiv time the same day.',
          uk: 'Підписано Мінський протокол; припинення вогню мало розпочатися о 18:00 за київським часом того ж дня.',
          ru: 'Подписан Минский протокол; прекращение огня должно было начаться в 18:00 по киевскому времени того же дня.',
        },
        agreementIds: ['minsk-protocol'],
        sources: cite('src-16', 'src-19'),
      },
      sources: cite('src-16', 'src-19'),
    },
    steps: [
      { to: 'scheduled', at: '2014-09-05', reason: AFTER_THE_FACT, sources: cite('src-19') },
      { to: 'held', at: '2014-09-05', reason: 'Met in Minsk; the Protocol was signed.', sources: cite('src-16', 'src-19') },
    ],
    attendance: SIGNING_ROUND('src-16'),
  },
  {
    meeting: {
      id: 'tcg-2014-09-19',
      forumId: 'tcg',
      kind: 'round',
      modality: 'in_person',
      place: MINSK,
      timeZone: TZ,
      hostPartyId: 'blr',
      audience: 'public',
      title: {
        en: 'Contact group round in Minsk, 19–20 September 2014',
        uk: 'Раунд контактної групи в Мінську, 19–20 вересня 2014 року',
        ru: 'Раунд контактной группы в Минске, 19–20 сентября 2014 года',
      },
      plannedStart: '2014-09-19',
      actualStart: '2014-09-19',
      actualEnd: '2014-09-20',
      outcome: {
        summary: {
          en: 'The Minsk Memorandum was signed, fixing the line of contact as of 19 September and a security zone.',
          uk: 'Підписано Мінський меморандум, що зафіксував лінію зіткнення станом на 19 вересня та зону безпеки.',
          ru: 'Подписан Минский меморандум, закрепивший линию соприкосновения по состоянию на 19 сентября и зону безопасности.',
        },
        agreementIds: ['minsk-memorandum'],
        sources: cite('src-20', 'src-20-osce', 'src-21'),
      },
      sources: cite('src-20', 'src-20-osce'),
    },
    steps: [
      { to: 'scheduled', at: '2014-09-19', reason: AFTER_THE_FACT, sources: cite('src-20') },
      { to: 'held', at: '2014-09-20', reason: 'Met in Minsk over two days; the Memorandum was signed.', sources: cite('src-20', 'src-20-osce') },
    ],
    attendance: SIGNING_ROUND('src-20'),
  },
  {
    meeting: {
      id: 'tcg-2014-11-teleconference',
      forumId: 'tcg',
      kind: 'preparatory_teleconference',
      modality: 'video',
      timeZone: TZ,
      audience: 'public',
      title: {
        en: 'Preparatory teleconference of the contact group, November 2014',
        uk: 'Підготовча телеконференція контактної групи, листопад 2014 року',
        ru: 'Подготовительная телеконференция контактной группы, ноябрь 2014 года',
      },
      plannedStart: '2014-11',
      sources: cite('src-nov-report', 'src-32'),
    },
    steps: [
      {
        to: 'scheduled',
        at: '2014-11',
        reason:
          'Arranged to prepare a new round of the contact group. The sources give neither the date it was set for nor whether it was a video or a telephone call (video is assumed).',
        sources: cite('src-nov-report'),
      },
      {
        to: 'cancelled',
        at: '2014-11',
        reason: 'Did not take place (reported by 20 November). The sides give different causes; each account is kept as a claim.',
        sources: cite('src-nov-report', 'src-32'),
        claims: [
          {
            partyId: 'rus',
            text: 'Kyiv scrapped the teleconference (Russian foreign ministry spokesman Alexander Lukashevich, 20 November 2014).',
            sources: cite('src-32', 'src-nov-report'),
          },
          {
            partyId: 'ukr',
            text: "Kyiv's envoy: a fresh meeting is not viable while the firing continues.",
            sources: cite('src-nov-report'),
          },
        ],
      },
    ],
  },
  {
    meeting: {
      id: 'tcg-next-round',
      forumId: 'tcg',
      kind: 'round',
      modality: 'in_person',
      place: MINSK,
      timeZone: TZ,
      hostPartyId: 'blr',
      hostRequiresConfirmation: true,
      audience: 'public',
      title: {
        en: 'Next round of the contact group in Minsk',
        uk: 'Наступний раунд контактної групи в Мінську',
        ru: 'Следующий раунд контактной группы в Минске',
      },
      agenda: [
        { number: 1, title: { en: 'Demarcation line', uk: 'Лінія розмежування', ru: 'Линия разграничения' } },
        { number: 2, title: { en: 'Exchange of prisoners', uk: 'Обмін полоненими', ru: 'Обмен пленными' } },
      ],
      sources: cite('src-nov-report', ['src-37', 'host rule']),
    },
    steps: [],
    invitations: [
      {
        partyId: 'ukr',
        audience: 'public',
        response: {
          status: 'declined_with_conditions',
          at: '2014-11',
          conditions: [
            {
              text: { en: 'Not while the firing continues.', uk: 'Не доки триває стрілянина.', ru: 'Не пока продолжается стрельба.' },
              sources: cite('src-nov-report'),
            },
          ],
          sources: cite('src-nov-report'),
        },
      },
      {
        partyId: 'rus',
        audience: 'public',
        note: "Russia's foreign ministry says it will do its utmost to convene the round.",
        response: { status: 'confirmed', at: '2014-11', sources: cite('src-nov-report') },
      },
      { partyId: 'osce', audience: 'public', note: NO_ANSWER },
      { partyId: 'ordo', audience: 'public', note: NO_ANSWER },
      { partyId: 'ordl', audience: 'public', note: NO_ANSWER },
    ],
  },
];

async function loadMeeting({ deps, processId }: Ctx, plan: MeetingPlan): Promise<void> {
  const id = plan.meeting.id;
  let current = await createRecord(deps, SYSTEM, processId, resource('meeting'), validated(MeetingInput, plan.meeting, `meeting ${id}`));
  for (const [n, step] of plan.steps.entries()) {
    const input = validated(TransitionInput, { ...step, version: current.version }, `meeting ${id} step ${n + 1} (${step.to})`);
    current = await transitionMeeting(deps, SYSTEM, processId, id, input);
  }
  for (const a of plan.attendance ?? []) await recordAttendance(deps, SYSTEM, processId, id, validated(AttendanceInput, a, `attendance ${id} ${a.partyId}`));
  for (const { response, ...inv } of plan.invitations ?? []) {
    const invitation = await inviteParty(deps, SYSTEM, processId, id, validated(InvitationInput, inv, `invitation ${id} ${inv.partyId}`));
    if (response) {
      const input = validated(InvitationResponseInput, { ...response, version: invitation.version }, `response ${invitation.id}`);
      await respondToInvitation(deps, SYSTEM, processId, invitation.id, input);
    }
  }
}

export async function loadMeetings(ctx: Ctx): Promise<void> {
  for (const plan of MEETINGS) await loadMeeting(ctx, plan);
}
