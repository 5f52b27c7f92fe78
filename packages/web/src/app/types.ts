import type {
  AgreementInput,
  AssessmentInput,
  Audience,
  ClaimInput,
  FigureInput,
  ForumInput,
  MandateInput,
  MeetingInput,
  MeetingStatus,
  PartyInput,
  PersonInput,
  ProvisionInput,
  SourceInput,
  StatementInput,
  InvitationResponseInput,
  AttendanceInput,
  CauseClaim,
  SourceRef as SourceRefSchema,
} from '@parley/contracts';
import type { Static } from '@sinclair/typebox';

/** What the API returns beside every record's own fields. */
export interface Meta {
  id: string;
  processId: string;
  version: number;
  audience: Audience;
  audienceParty: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** The author side: who may correct the record, with the mediator. */
  owner: { side: 'mediator' | 'party' | 'author'; partyId?: string };
}
type Rec<S> = Omit<S, 'id' | 'audience' | 'audienceParty'> & Meta;

export type SourceRef = Static<typeof SourceRefSchema>;
export type Party = Rec<Static<typeof PartyInput>>;
export type Person = Rec<Static<typeof PersonInput>>;
export type Mandate = Rec<Static<typeof MandateInput>>;
export type Forum = Rec<Static<typeof ForumInput>>;
export type Meeting = Rec<Static<typeof MeetingInput>> & { status: MeetingStatus };
export type Agreement = Rec<Static<typeof AgreementInput>>;
export type Provision = Rec<Static<typeof ProvisionInput>> & { agreementId: string };
export type Assessment = Rec<Static<typeof AssessmentInput>> & { agreementId: string; provisionId: string; provisionNumber: string };
export type Source = Rec<Static<typeof SourceInput>>;
export type Statement = Rec<Static<typeof StatementInput>>;
export type Claim = Rec<Static<typeof ClaimInput>>;
export type Figure = Rec<Static<typeof FigureInput>>;
export type Attendance = Rec<Static<typeof AttendanceInput>> & { meetingId: string };
export type InvitationStatus = Static<typeof InvitationResponseInput>['status'];

export interface Process {
  id: string;
  names: { en: string; uk?: string; ru?: string };
  description?: string;
}

export interface Invitation extends Meta {
  partyId: string;
  meetingId: string;
  note?: string;
  status: InvitationStatus;
  responses: {
    seq: number;
    status: InvitationStatus;
    at: string;
    conditions: { text: { en: string; uk?: string; ru?: string }; sources: SourceRef[] }[];
    sources: SourceRef[];
    recordedBy: string;
  }[];
}

export interface Dossier {
  meeting: Meeting;
  history: {
    seq: number;
    from: MeetingStatus | null;
    to: MeetingStatus;
    at: string;
    reason: string;
    sources: SourceRef[];
    recordedBy: string;
    recordedAt: string;
    claims: (Static<typeof CauseClaim> & { seq: number; recordedBy: string })[];
  }[];
  invitations: Invitation[];
  attendance: Attendance[];
}

export interface Matrix {
  agreementId: string;
  dates: string[];
  provisions: { number: string; paraphrase: { en: string; uk?: string; ru?: string }; categories: string[] }[];
  rows: { provisionNumber: string; cells: Record<string, { level: number; assessmentId: string; assessor: string }>[] }[];
}
