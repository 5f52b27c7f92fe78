import type { Candidate } from '../../domain/sources/read/read-source.ts';
import { textOf } from '../../domain/sources/read/text.ts';
import type { StoredRecord } from '../ports.ts';

export type TargetKind = 'statement' | 'figure' | 'claim';

/**
 * The record a candidate becomes when confirmed as proposed: it cites the source and the span, and keeps the
 * source's audience, so confirming never publishes what the source keeps to fewer readers.
 */
export function recordFromCandidate(c: Candidate, text: string, source: StoredRecord): { kind: TargetKind; body: Record<string, unknown> } {
  const s = source.body as { date: string; language?: string };
  const cite = {
    sourceId: source.id,
    sourceSpan: { start: c.span.start, end: c.span.end },
    audience: source.audience,
    ...(source.audience === 'party' ? { audienceParty: source.audienceParty } : {}),
  };
  const language = s.language && s.language !== 'und' ? { language: s.language } : {};
  switch (c.kind) {
    case 'statement': {
      const who = c.speaker?.resolved;
      return {
        kind: 'statement',
        body: {
          ...(who?.kind === 'person' ? { speakerId: who.id } : {}),
          ...(who?.kind === 'party' ? { speakerPartyId: who.id } : {}),
          ...(!who && c.speaker ? { speakerLabel: c.speaker.mention.slice(0, 300) } : {}),
          date: s.date,
          speech: c.speech,
          text: textOf(text, c.content),
          ...language,
          stance: c.stance,
          partyIds: [],
          meetingIds: [],
          ...cite,
          sourceSpan: { start: c.content.start, end: c.content.end },
        },
      };
    }
    case 'figure':
      return {
        kind: 'figure',
        body: {
          qualifier: c.qualifier,
          value: c.value,
          ...(c.low !== undefined ? { low: c.low } : {}),
          ...(c.high !== undefined ? { high: c.high } : {}),
          unit: c.unit,
          measure: c.measure,
          ...(c.period ? { periodFrom: c.period.from, periodTo: c.period.to } : {}),
          asOf: c.asOf,
          ...(c.attributedTo ? { note: `attributed to ${c.attributedTo.mention}`.slice(0, 1000) } : {}),
          ...cite,
        },
      };
    case 'event': {
      const claimant = c.actors.find((a) => a.role === 'source' && a.partyId)?.partyId;
      return {
        kind: 'claim',
        body: {
          text: textOf(text, c.span),
          ...language,
          ...(claimant ? { claimantPartyId: claimant } : {}),
          counters: [],
          subject: `${c.type} (${c.mode})`,
          ...cite,
        },
      };
    }
  }
}
