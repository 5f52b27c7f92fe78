import type { Span } from '../read/text.ts';

export type Stance = 'appeal' | 'condition' | 'accusation' | 'denial' | 'rejection' | 'commitment' | 'claim' | 'report';

export interface SpeakerResolution {
  kind: 'person' | 'party';
  id: string;
  /** 0..1 */
  confidence: number;
  /** a short English phrase of how: 'named', 'alias "Moscow"', 'role "envoy" of Ukraine on 2014-09-03', 'earlier mention', … */
  how: string;
}

export interface StatementCandidate {
  /** the whole sentence(s) the statement was read from */
  span: Span;
  /** what was said: inside the quotation marks for direct speech, the reported clause for reported speech */
  content: Span;
  speech: 'direct' | 'reported' | 'mixed';
  cue: { text: string; span: Span } | null;
  speaker: { mention: string; span: Span; resolved: SpeakerResolution | null } | null;
  stance: Stance;
  /** the words that triggered the stance; null when it falls back to 'report' */
  trigger: { text: string; span: Span } | null;
}
