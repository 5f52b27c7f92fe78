/**
 * What the reader of a source knows of the process it is reading for: its parties, people, mandates, meetings and
 * incidents, with their names in the three languages. The use case builds it from the records the ingesting person
 * may see; the readers (speech, figures, events) are pure functions of the body text and this.
 */

export interface Names3 {
  en: string;
  uk?: string;
  ru?: string;
}

export interface RosterParty {
  id: string;
  names: Names3;
  /** Other names a report uses: "Kiev", "Moscow", "the DPR", "separatists"… with their language when known. */
  aliases: { text: string; lang?: 'en' | 'uk' | 'ru' }[];
  kind: string;
}

export interface RosterPerson {
  id: string;
  names: Names3;
  partyId?: string;
}

export interface RosterMandate {
  personId: string;
  partyId?: string;
  role: 'envoy' | 'signatory' | 'spokesperson' | 'mediator' | 'delegate' | 'head_of_delegation';
  /** ISO dates with precision (YYYY, YYYY-MM, YYYY-MM-DD); `to` absent while in force. */
  from: string;
  to?: string;
}

export interface RosterMeeting {
  id: string;
  title: Names3;
  kind: 'round' | 'working_group' | 'preparatory_teleconference' | 'summit' | 'consultation';
  modality: 'in_person' | 'video' | 'phone' | 'hybrid';
  status: string;
  /** Planned or actual start, ISO with precision. */
  date?: string;
  place?: Names3;
}

export interface RosterIncident {
  id: string;
  date: string;
  place?: Names3;
  kind?: string;
}

export interface Roster {
  parties: RosterParty[];
  people: RosterPerson[];
  mandates: RosterMandate[];
  meetings: RosterMeeting[];
  incidents: RosterIncident[];
}

export const EMPTY_ROSTER: Roster = { parties: [], people: [], mandates: [], meetings: [], incidents: [] };
