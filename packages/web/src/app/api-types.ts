import type * as C from '@parley/contracts';
import type { ApiResponse, GetPath, MeetingStatus, SourceRef as SourceRefSchema } from '@parley/contracts';
import type { Static, TSchema } from '@sinclair/typebox';

/**
 * The web's names for what the API answers, all taken from the types generated from its OpenAPI document
 * (@parley/contracts api.gen.ts), so a change of a server schema shows up here as a type error, not at run time.
 */
type Get<P extends GetPath> = ApiResponse<P>;
/**
 * A record as the web shows it: the read type of its collection, with the fields its input schema requires.
 * The document leaves every own field optional because a redacted record keeps only its meta; the pages do not
 * show redacted records apart yet, so they read records as written (see docs: the input was validated on write).
 */
type Rec<K extends string, I extends TSchema> = Get<`/api/processes/{processId}/${K}/{id}` & GetPath> & Static<I>;

export type SourceRef = Static<typeof SourceRefSchema>;
export type Process = Get<'/api/processes'>['items'][number];
export type Party = Rec<'parties', typeof C.PartyInput>;
export type Person = Rec<'people', typeof C.PersonInput>;
export type Mandate = Rec<'mandates', typeof C.MandateInput>;
export type Forum = Rec<'forums', typeof C.ForumInput>;
export type Meeting = Rec<'meetings', typeof C.MeetingInput> & { status: MeetingStatus };
export type Agreement = Rec<'agreements', typeof C.AgreementInput>;
export type Provision = Rec<'provisions', typeof C.ProvisionInput> & { agreementId: string };
export type Assessment = Rec<'assessments', typeof C.AssessmentInput> & { agreementId: string; provisionId: string; provisionNumber: string };
export type Source = Rec<'sources', typeof C.SourceInput> & C.SourceDocumentFields;
export type Statement = Rec<'statements', typeof C.StatementInput>;
export type Claim = Rec<'claims', typeof C.ClaimInput>;
export type Figure = Rec<'figures', typeof C.FigureInput>;
export type Attendance = Rec<'attendance', typeof C.AttendanceInput> & { meetingId: string };
export type Incident = Rec<'incidents', typeof C.IncidentInput>;
export type Observation = Rec<'observations', typeof C.ObservationInput>;
export type VerificationStep = Rec<'verifications', typeof C.VerificationInput> & { incidentId: string; seq: number; from: string | null };
export type Attribution = Rec<'attributions', typeof C.AttributionInput> & { incidentId: string };

export type Dossier = Get<'/api/processes/{processId}/meetings/{id}/dossier'>;
export type Invitation = Dossier['invitations'][number];
export type Matrix = Get<'/api/processes/{processId}/agreements/{id}/matrix'>;
export type Receipt = Get<'/api/processes/{processId}/log/records/{type}/{id}/receipt'>;
export type IncidentSeries = Get<'/api/processes/{processId}/incidents/series'>;
export type DailyReport = Get<'/api/processes/{processId}/reports/daily'>;
export type GeoCollection = Get<'/api/processes/{processId}/lines.geojson'>;
export type ClusterCollection = Get<'/api/processes/{processId}/map/clusters'>;
export type ClusterFeature = ClusterCollection['features'][number];
export type Me = Get<'/api/auth/me'>;

/**
 * The records of a list as written: a redacted record keeps only its meta (`redacted` replaces its body), so the
 * pages, which show what records say, leave it out. The guard is what lets a page read the input's required fields.
 */
export const written =
  <W extends object>() =>
  <R extends object>(items: R[]): (R & W)[] =>
    items.filter((r): r is R & W => !('redacted' in r));
/** One record as written, or null when it was redacted. */
export const writtenOne =
  <W extends object>() =>
  <R extends object>(r: R): (R & W) | null =>
    [r].filter((x): x is R & W => !('redacted' in x))[0] ?? null;
