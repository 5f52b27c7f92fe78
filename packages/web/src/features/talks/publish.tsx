import type { paths, StoredKind } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import type { Forum, Party } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, Form, PartyPicker, useForm } from '../../ui/form.tsx';

/** The API's collection of each stored kind (the server's registry, use-cases/resources.ts, names them the same). */
export const COLLECTIONS = {
  party: 'parties',
  person: 'people',
  mandate: 'mandates',
  forum: 'forums',
  meeting: 'meetings',
  invitation: 'invitations',
  attendance: 'attendance',
  agreement: 'agreements',
  provision: 'provisions',
  assessment: 'assessments',
  source: 'sources',
  statement: 'statements',
  claim: 'claims',
  figure: 'figures',
  incident: 'incidents',
  observation: 'observations',
  verification: 'verifications',
  attribution: 'attributions',
  line: 'lines',
  restriction: 'restrictions',
} as const satisfies Record<StoredKind, string>;

export const isStoredKind = (k: string): k is StoredKind => k in COLLECTIONS;

type RecordPath<K extends StoredKind> = `/api/processes/{processId}/${(typeof COLLECTIONS)[K]}/{id}`;
/** The kinds whose records the API edits (PUT/PATCH); the others change only through their verbs. */
export type EditableKind = { [K in StoredKind]: paths[RecordPath<K>] extends { patch: object } ? K : never }[StoredKind];
/** Which kinds have edits, held to the API's paths by the type above: a kind without PATCH here fails to compile. */
const EDITABLE_KINDS = new Set<string>([
  'party',
  'person',
  'mandate',
  'forum',
  'meeting',
  'agreement',
  'source',
  'statement',
  'claim',
  'figure',
  'incident',
  'observation',
  'line',
  'restriction',
] satisfies EditableKind[]);
export const isEditableKind = (k: StoredKind): k is EditableKind => EDITABLE_KINDS.has(k);

type Aud = 'public' | 'forum' | 'party' | 'mediator';
/** What a record says about who may read it and what the reader may do with that. */
export interface Audienced {
  id: string;
  version: number;
  audience: Aud;
  audienceParty?: string | null;
  owner?: { side: string; partyId?: string };
  abilities: { actions: string[] };
}

/** Reads one record of any kind; the answer is narrowed to what the audience control needs. */
export async function readAudienced(processId: string, kind: StoredKind, id: string): Promise<Audienced> {
  const r = await api.GET(`/api/processes/{processId}/${COLLECTIONS[kind]}/{id}`, { params: { path: { processId, id } } });
  if ('redacted' in r && r.redacted) throw new Error('redacted');
  return r as Audienced;
}

const WIDTH: Aud[] = ['mediator', 'party', 'forum', 'public'];

/** The parties whose delegates read a record with this audience (the mediator reads everything). */
function readersOf(aud: Aud, party: string | null | undefined, forums: Forum[], parties: Map<string, Party>): Set<string> | 'everyone' {
  if (aud === 'public') return 'everyone';
  if (aud === 'forum') return new Set(forums.length ? forums.flatMap((f) => f.members.map((m) => m.partyId)) : [...parties.keys()]);
  if (aud === 'party' && party) return new Set([party]);
  return new Set();
}

/** Who reads the record with the new audience and did not before: the sentence the confirmation asks about. */
export function useNewlyWho() {
  const { t, name } = useI18n();
  const { forums, parties } = useProcess();
  return (from: Pick<Audienced, 'audience' | 'audienceParty'>, to: Aud, toParty: string | null): string => {
    const before = readersOf(from.audience, from.audienceParty, forums, parties);
    const after = readersOf(to, toParty, forums, parties);
    if (after === 'everyone') return before === 'everyone' ? t('records.newly.nobody') : t('records.newly.everyone');
    if (before === 'everyone') return t('records.newly.nobody');
    const gained = [...after].filter((p) => !before.has(p) && parties.has(p));
    if (!gained.length) return t('records.newly.nobody');
    const names = gained.map((p) => name(parties.get(p)?.names)).sort((a, b) => a.localeCompare(b));
    return t('records.newly.delegates', { parties: names.join(', ') });
  };
}

/**
 * Changes a record's audience after saying who will newly read it. Publishing (wider) and restricting
 * (narrower) are the server's `publish` and `restrict` abilities; the choices offered follow them, and the
 * change is a merge patch against the version read, so a change made meanwhile comes back as a conflict.
 */
export function PublishForm({ kind, record, onDone }: { kind: EditableKind; record: Audienced; onDone: () => void }) {
  const { t, name } = useI18n();
  const { process, parties } = useProcess();
  const newlyWho = useNewlyWho();
  const acts = record.abilities.actions;
  const rank = WIDTH.indexOf(record.audience);
  const choices = WIDTH.filter((a) => {
    const w = WIDTH.indexOf(a);
    return (acts.includes('publish') && w > rank) || (acts.includes('restrict') && w < rank) || (a === 'party' && record.audience === 'party');
  }).reverse();
  const [to, setTo] = useState<Aud>(choices[0] ?? 'public');
  const [toParty, setToParty] = useState(record.audienceParty ?? record.owner?.partyId ?? '');
  const reread = () => readAudienced(process.id, kind, record.id);
  const form = useForm<Audienced>({
    base: record,
    reread,
    send: (base) =>
      api.PATCH(`/api/processes/{processId}/${COLLECTIONS[kind]}/{id}`, {
        params: { path: { processId: process.id, id: record.id } },
        body: { audience: to, audienceParty: to === 'party' ? toParty : null, version: base!.version },
      }),
    onDone,
  });
  const now = t(`audience.${record.audience}` as MessageKey, { party: name(parties.get(record.audienceParty ?? '')?.names) });
  const what = t(`record.kind.${kind}` as MessageKey).toLowerCase();
  return (
    <Form
      form={form}
      label={t('records.audience.change')}
      submitLabel={to === 'public' ? t('talks.form.publishConfirm') : t('records.audience.confirm')}
      labels={{ audience: t('talks.form.audience'), audienceParty: t('talks.party') }}
      className="publish-form"
    >
      {choices.length > 1 ? (
        <Field name="audience" label={t('records.audience.to')} error={form.fieldError('audience')}>
          {(p) => (
            <select {...p} value={to} onChange={(e) => setTo(e.target.value as Aud)}>
              {choices.map((a) => (
                <option key={a} value={a}>
                  {t(`talks.form.audience.${a}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {to === 'party' ? (
        <Field name="audienceParty" label={t('talks.party')} error={form.fieldError('audienceParty')} required>
          {(p) => <PartyPicker input={p} value={toParty} onChange={setToParty} />}
        </Field>
      ) : null}
      <p className="notice" data-testid="publish-who">
        {t('records.audience.who', { now, what, who: newlyWho(record, to, to === 'party' ? toParty : null) })}
      </p>
    </Form>
  );
}
