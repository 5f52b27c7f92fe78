import type { CandidateView, MeetingStatus, ReadingView } from '@parley/contracts';
import type { Actor } from '../../domain/shared/actor.ts';
import { conflict, invalid, notFound } from '../../domain/shared/app-error.ts';
import type { Candidate, Reading } from '../../domain/sources/read/read-source.ts';
import { textOf } from '../../domain/sources/read/text.ts';
import { assertCanWrite, visibilityOf } from '../../policies/access.ts';
import { insertRecord } from '../create-record.ts';
import type { StoredRecord, UnitOfWork } from '../ports.ts';
import { applyTransition } from '../transition-meeting.ts';
import { reading } from '../reading.ts';
import { resource } from '../resources.ts';
import { assertProcess } from '../support.ts';
import type { IngestDeps, StoredReview } from './ports.ts';
import { recordFromCandidate, type TargetKind } from './candidate-record.ts';

/** The routes' validator of a record body of a kind, with the same rules as a create (http/routes/edits.ts). */
export type ValidateBody = (kind: TargetKind, body: unknown) => void;

async function visibleSource(deps: IngestDeps, actor: Actor, processId: string, sourceId: string): Promise<StoredRecord> {
  await assertProcess(deps.store.reader, processId);
  return reading(deps.store.reader, actor, processId, 'reference').one('sources', sourceId, 'source');
}

/** The state of each candidate: its latest decision, where a confirmation is final. */
function decided(reviews: StoredReview[]) {
  const state = new Map<number, StoredReview>();
  for (const r of reviews) if (state.get(r.candidate)?.decision !== 'confirmed') state.set(r.candidate, r);
  return state;
}

/** What Parley read in a source, for whoever may see the source; missing, like the source, for anyone else. */
export async function readReading(deps: IngestDeps, actor: Actor, processId: string, sourceId: string): Promise<ReadingView> {
  await visibleSource(deps, actor, processId, sourceId);
  const stored = await deps.ingest.reading(processId, sourceId);
  if (!stored) throw notFound('reading of the source', sourceId);
  const state = decided(await deps.ingest.reviews(processId, sourceId));
  const r = stored.reading as Reading;
  return {
    sourceId,
    reader: r.reader,
    documentKind: r.documentKind,
    encoding: r.encoding,
    ...(r.pages !== undefined ? { pages: r.pages } : {}),
    title: r.title,
    language: r.language,
    text: r.text,
    setAside: r.setAside,
    recordedAt: stored.recordedAt,
    candidates: (stored.candidates as Candidate[]).map((c) => {
      const d = state.get(c.n);
      return {
        ...c,
        state: d ? d.decision : 'pending',
        ...(d?.recordId && d.recordKind ? { record: { kind: d.recordKind, id: d.recordId } } : {}),
        ...(d ? { decidedBy: d.recordedBy } : {}),
      } as CandidateView;
    }),
  };
}

/**
 * Confirms a candidate into the record (a statement, a figure, or for an event a claim, citing the source and the
 * span) or rejects it. Deciding needs the right to write the record the candidate would become; a confirmation is
 * final, a rejection is not (another reviewer may still confirm what one set aside).
 */
export async function decideCandidate(
  deps: IngestDeps,
  actor: Actor,
  processId: string,
  sourceId: string,
  n: number,
  decision: { decision: 'confirm'; record?: Record<string, unknown>; moveMeeting?: boolean } | { decision: 'reject' },
  validate: ValidateBody,
): Promise<ReadingView> {
  const source = await visibleSource(deps, actor, processId, sourceId);
  const stored = await deps.ingest.reading(processId, sourceId);
  const candidate = (stored?.candidates as Candidate[] | undefined)?.find((c) => c.n === n);
  if (!stored || !candidate) throw notFound('candidate', `${sourceId}/${n}`);
  const proposal = recordFromCandidate(candidate, (stored.reading as Reading).text, source);
  // Read before the unit of work opens (the embedded engine has one connection); two decisions racing for one seq
  // collide on its key, and the later is refused whole.
  const reviews = await deps.ingest.reviews(processId, sourceId);
  if (decided(reviews).get(n)?.decision === 'confirmed')
    throw conflict('candidate_decided', 'This candidate is already confirmed; edit the record it made instead.');
  const seq = reviews.length + 1;
  await deps.store.write(processId, actor, async (uow) => {
    if (decision.decision === 'reject') {
      // Rejecting needs the same right as confirming, so nobody can bury candidates they could not have recorded.
      assertCanWrite(actor, processId, proposal.kind, visibilityOf(proposal.body, 'public'));
      await uow.appendRows('candidate_review', 'candidate_reviews', 'source_id', [
        { source_id: sourceId, seq, candidate: n, decision: 'rejected', record_kind: null, record_id: null },
      ]);
      return;
    }
    const edits = decision.record ?? {};
    for (const key of ['sourceId', 'sourceSpan', 'id'])
      if (key in edits) throw invalid(`record/${key}`, 'unknown_field', `"${key}" is the candidate's own: it cites this source and span.`);
    const body = { ...proposal.body, ...edits };
    validate(proposal.kind, body);
    const made = await insertRecord(uow, actor, processId, resource(proposal.kind), body);
    if (decision.moveMeeting) await moveMatchedMeeting(uow, actor, processId, candidate, source, (stored.reading as Reading).text);
    await uow.appendRows('candidate_review', 'candidate_reviews', 'source_id', [
      { source_id: sourceId, seq, candidate: n, decision: 'confirmed', record_kind: proposal.kind, record_id: made.id },
    ]);
  });
  return readReading(deps, actor, processId, sourceId);
}

/** The status a reported event puts its meeting in: a scrapped teleconference is cancelled, a held round is held. */
const STATUS_OF_MODE: Record<string, MeetingStatus> = { cancelled: 'cancelled', postponed: 'postponed', occurred: 'held' };

/**
 * With a confirmation, the meeting the event was matched to moves to the status it reports, citing the source and
 * the span; the meeting's own rules (who may move it, which moves exist) decide as for any transition.
 */
async function moveMatchedMeeting(uow: UnitOfWork, actor: Actor, processId: string, c: Candidate, source: StoredRecord, text: string) {
  const to = c.kind === 'event' && c.match?.kind === 'meeting' && (c.type === 'consult' || c.mode !== 'occurred') ? STATUS_OF_MODE[c.mode] : undefined;
  if (c.kind !== 'event' || !c.match || !to)
    throw invalid('moveMeeting', 'invalid_choice', 'This candidate reports no change of a meeting’s status that Parley matched to a meeting of the record.');
  const meeting = await reading(uow, actor, processId, 'edit').one('meetings', c.match.id, 'meeting');
  const language = (source.body as { language?: string }).language;
  await applyTransition(uow, actor, processId, meeting.id, {
    to,
    at: c.date?.from ?? String((source.body as { date: string }).date),
    reason: textOf(text, c.span),
    ...(language && language !== 'und' ? { reasonLanguage: language } : {}),
    sources: [{ sourceId: source.id, locator: `characters ${c.span.start}–${c.span.end} of its reading` }],
    claims: [],
    version: meeting.version,
  });
}

const EXTENSION: Record<string, string> = { 'text/html': 'html', 'application/xhtml+xml': 'html', 'application/pdf': 'pdf', 'text/plain': 'txt' };

/** The bytes a source was read from, for whoever may see the source. */
export async function readDocumentOf(deps: IngestDeps, actor: Actor, processId: string, sourceId: string) {
  const source = await visibleSource(deps, actor, processId, sourceId);
  const sha256 = (source.body.document as { sha256?: string } | undefined)?.sha256;
  const doc = sha256 ? await deps.ingest.document(processId, sha256) : undefined;
  if (!doc) throw notFound('document of the source', sourceId);
  return { ...doc, extension: EXTENSION[doc.mediaType] ?? 'bin' };
}
