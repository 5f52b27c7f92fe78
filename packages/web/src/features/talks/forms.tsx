import type { MeetingStatus } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useRouter } from '../../app/router.tsx';
import type { Invitation, Meeting, SourceRef } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, Form, PartyPicker, PreciseDateInput, SourcePicker, TimeZonePicker, useForm, withZoneOffset, type Precision } from '../../ui/form.tsx';
import { DateInput } from '../../ui/date-input.tsx';
import { emptyWords, wordsBody, WordsFields, type WordsValue } from '../statements/words-fields.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const KINDS = ['round', 'working_group', 'preparatory_teleconference', 'summit', 'consultation'] as const;
const MODALITIES = ['in_person', 'video', 'phone', 'hybrid'] as const;
const ANSWERS = ['confirmed', 'tentative', 'declined', 'declined_with_conditions'] as const;

/** A button that opens and closes the form below it. */
export function Toggle({ label, open, onToggle, controls }: { label: string; open: boolean; onToggle: () => void; controls: string }) {
  return (
    <button type="button" className="form-toggle" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      {label}
    </button>
  );
}

/** How the meeting's fields are called in the list of what someone changed meanwhile. */
function useMeetingLabels(): Record<string, string> {
  const { t } = useI18n();
  return {
    title: t('talks.form.title'),
    status: t('talks.status'),
    plannedStart: t('talks.planned'),
    plannedEnd: t('talks.planned'),
    place: t('talks.place'),
    timeZone: t('talks.form.timeZone'),
    kind: t('talks.kind'),
    modality: t('talks.form.modality'),
    audience: t('talks.form.audience'),
    agenda: t('talks.agenda'),
    outcome: t('talks.outcome'),
    sources: t('source.sources'),
  };
}

/** The mediator proposes a meeting in one of the process's forums. */
export function ProposeMeetingForm() {
  const { t, name } = useI18n();
  const { process, forums } = useProcess();
  const { navigate } = useRouter();
  const [v, setV] = useState({
    forumId: forums[0]?.id ?? '',
    en: '',
    uk: '',
    ru: '',
    kind: 'round' as (typeof KINDS)[number],
    modality: 'in_person' as (typeof MODALITIES)[number],
    start: '',
    precision: 'day' as Precision,
    timeZone: 'Europe/Minsk',
    place: '',
    audience: 'public' as 'public' | 'forum' | 'mediator',
  });
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/meetings', {
        params: { path: { processId: process.id } },
        body: {
          forumId: v.forumId,
          title: { en: v.en.trim(), ...(v.uk.trim() ? { uk: v.uk.trim() } : {}), ...(v.ru.trim() ? { ru: v.ru.trim() } : {}) },
          kind: v.kind,
          modality: v.modality,
          timeZone: v.timeZone,
          ...(v.start ? { plannedStart: v.precision === 'time' ? withZoneOffset(v.start, v.timeZone) : v.start } : {}),
          ...(v.place.trim() ? { place: { names: { en: v.place.trim() } } } : {}),
          hostRequiresConfirmation: false,
          agenda: [],
          sources: [],
          audience: v.audience,
        },
      }),
    onDone: (m) => navigate(`/talks/${(m as { id: string }).id}`),
  });
  return (
    <Form form={form} label={t('talks.form.propose')} submitLabel={t('talks.form.proposeSubmit')} className="propose">
      <Field name="forumId" label={t('talks.form.forum')} error={form.fieldError('forumId')} required>
        {(p) => (
          <select {...p} value={v.forumId} onChange={(e) => set({ forumId: e.target.value })}>
            {forums.map((f) => (
              <option key={f.id} value={f.id}>
                {name(f.names)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="row">
        {(['en', 'uk', 'ru'] as const).map((l) => (
          <Field key={l} name={`title/${l}`} label={t(`talks.form.title.${l}` as MessageKey)} error={form.fieldError(`title/${l}`)} required={l === 'en'}>
            {(p) => <input {...p} lang={l} value={v[l]} required={l === 'en'} onChange={(e) => set({ [l]: e.target.value })} />}
          </Field>
        ))}
      </div>
      <div className="row">
        <Field name="kind" label={t('talks.kind')} error={form.fieldError('kind')}>
          {(p) => (
            <select {...p} value={v.kind} onChange={(e) => set({ kind: e.target.value as typeof v.kind })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="modality" label={t('talks.form.modality')} error={form.fieldError('modality')}>
          {(p) => (
            <select {...p} value={v.modality} onChange={(e) => set({ modality: e.target.value as typeof v.modality })}>
              {MODALITIES.map((k) => (
                <option key={k} value={k}>
                  {t(`modality.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <PreciseDateInput
        label={t('talks.form.plannedStart')}
        value={v.start}
        onChange={(start) => set({ start })}
        precision={v.precision}
        onPrecision={(precision) => set({ precision })}
        error={form.fieldError('plannedStart')}
      />
      <div className="row">
        <Field name="timeZone" label={t('talks.form.timeZone')} error={form.fieldError('timeZone')}>
          {(p) => <TimeZonePicker input={p} value={v.timeZone} onChange={(timeZone) => set({ timeZone })} />}
        </Field>
        <Field name="place" label={t('talks.place')} hint={t('talks.form.placeHint')} error={form.fieldError('place')}>
          {(p) => <input {...p} lang="en" value={v.place} onChange={(e) => set({ place: e.target.value })} />}
        </Field>
      </div>
      <Field name="audience" label={t('talks.form.audience')} error={form.fieldError('audience')}>
        {(p) => (
          <select {...p} value={v.audience} onChange={(e) => set({ audience: e.target.value as typeof v.audience })}>
            {(['public', 'forum', 'mediator'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`talks.form.audience.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Form>
  );
}

interface ClaimDraft {
  partyId: string;
  words: WordsValue;
  sources: SourceRef[];
}

/** A status change with its date, reason, sources and, for a disputed cause, each side's account as equals. */
export function StatusForm({ meeting, reread, onDone }: { meeting: Meeting; reread: () => Promise<Meeting>; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { process } = useProcess();
  const labels = useMeetingLabels();
  const options = meeting.abilities.transitions ?? [];
  const [to, setTo] = useState<MeetingStatus>(options[0] ?? 'scheduled');
  const [at, setAt] = useState(today());
  const [reason, setReason] = useState(() => emptyWords(lang));
  const [sources, setSources] = useState<SourceRef[]>([]);
  const [claims, setClaims] = useState<ClaimDraft[]>([]);
  const form = useForm<Meeting>({
    base: meeting,
    reread,
    send: (base) => {
      const said = wordsBody(reason);
      return api.POST('/api/processes/{processId}/meetings/{id}/transitions', {
        params: { path: { processId: process.id, id: meeting.id } },
        body: {
          to,
          at,
          reason: said.text,
          reasonLanguage: said.language,
          sources,
          claims: claims.map((c) => ({ partyId: c.partyId, ...wordsBody(c.words), sources: c.sources })),
          version: base!.version,
        },
      });
    },
    onDone,
  });
  const setClaim = (i: number, patch: Partial<ClaimDraft>) => setClaims((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Form form={form} label={t('talks.form.changeStatus')} submitLabel={t('talks.form.changeStatusSubmit')} labels={labels}>
      <div className="row">
        <Field name="to" label={t('talks.form.newStatus')} error={form.fieldError('to')} required>
          {(p) => (
            <select {...p} value={to} onChange={(e) => setTo(e.target.value as MeetingStatus)}>
              {options.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="at" label={t('talks.form.at')} error={form.fieldError('at')} required>
          {(p) => <DateInput {...p} value={at} required onChange={setAt} />}
        </Field>
      </div>
      <WordsFields
        value={reason}
        onChange={setReason}
        label={t('talks.form.reason')}
        hint={t('talks.form.reasonHint')}
        languageLabel={t('talks.form.reasonLanguage')}
        names={{ text: 'reason', language: 'reasonLanguage' }}
        max={2000}
        fieldError={form.fieldError}
      />
      <SourcePicker label={t('source.sources')} value={sources} onChange={setSources} error={form.fieldError('sources')} />
      <fieldset>
        <legend>{t('talks.form.claims')}</legend>
        <p className="hint">{t('talks.form.claimsHint')}</p>
        {claims.map((c, i) => (
          <div key={i} className="claim-edit" data-claim-draft={i}>
            <Field name={`claims/${i}/partyId`} label={t('talks.form.claimParty', { n: i + 1 })} error={form.fieldError(`claims/${i}/partyId`)} required>
              {(p) => <PartyPicker input={p} value={c.partyId} onChange={(partyId) => setClaim(i, { partyId })} />}
            </Field>
            <WordsFields
              value={c.words}
              onChange={(words) => setClaim(i, { words })}
              label={t('talks.form.claimText', { n: i + 1 })}
              languageLabel={t('talks.form.claimLanguage', { n: i + 1 })}
              names={{ text: `claims/${i}/text`, language: `claims/${i}/language` }}
              max={2000}
              fieldError={form.fieldError}
            />
            <SourcePicker
              label={t('talks.form.claimSources', { n: i + 1 })}
              value={c.sources}
              onChange={(s) => setClaim(i, { sources: s })}
              error={form.fieldError(`claims/${i}/sources`)}
            />
            <button type="button" onClick={() => setClaims((cs) => cs.filter((_, j) => j !== i))}>
              {t('talks.form.removeClaim', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setClaims((cs) => [...cs, { partyId: '', words: emptyWords(lang), sources: [] }])}>
          {t('talks.form.addClaim')}
        </button>
      </fieldset>
    </Form>
  );
}

/** The mediator invites a party that has no invitation yet. */
export function InviteForm({ meeting, invited, onDone }: { meeting: Meeting; invited: string[]; onDone: () => void }) {
  const { t } = useI18n();
  const { process, parties } = useProcess();
  const [partyId, setPartyId] = useState('');
  const [note, setNote] = useState('');
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/meetings/{id}/invitations', {
        params: { path: { processId: process.id, id: meeting.id } },
        body: { partyId, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('talks.form.invite')} submitLabel={t('talks.form.inviteSubmit')}>
      <Field name="partyId" label={t('talks.party')} error={form.fieldError('partyId')} required>
        {(p) => <PartyPicker input={p} value={partyId} onChange={setPartyId} only={[...parties.keys()].filter((id) => !invited.includes(id))} />}
      </Field>
      <Field name="note" label={t('talks.note')} error={form.fieldError('note')}>
        {(p) => <input {...p} lang="en" value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
    </Form>
  );
}

/** A delegate answers their own party's invitation; conditions are said in their words, with sources. */
export function AnswerForm({ invitation, reread, onDone }: { invitation: Invitation; reread: () => Promise<Invitation>; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { process } = useProcess();
  const [status, setStatus] = useState<(typeof ANSWERS)[number]>('confirmed');
  const [conditions, setConditions] = useState<{ words: WordsValue; sources: SourceRef[] }[]>([]);
  const withConditions = status === 'declined_with_conditions' || status === 'tentative';
  const form = useForm<Invitation>({
    base: invitation,
    reread,
    send: (base) =>
      api.POST('/api/processes/{processId}/invitations/{id}/responses', {
        params: { path: { processId: process.id, id: invitation.id } },
        body: {
          status,
          at: today(),
          conditions: withConditions ? conditions.map((c) => ({ ...wordsBody(c.words), sources: c.sources })) : [],
          sources: [],
          version: base!.version,
        },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('talks.form.answer')} submitLabel={t('talks.form.answerSubmit')}>
      <Field name="status" label={t('talks.answer')} error={form.fieldError('status')} required>
        {(p) => (
          <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {ANSWERS.map((a) => (
              <option key={a} value={a}>
                {t(`invitation.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {withConditions ? (
        <fieldset>
          <legend>{t('talks.conditions')}</legend>
          {conditions.map((c, i) => (
            <div key={i} className="claim-edit">
              <WordsFields
                value={c.words}
                onChange={(words) => setConditions((cs) => cs.map((x, j) => (j === i ? { ...x, words } : x)))}
                label={t('talks.form.condition', { n: i + 1 })}
                languageLabel={t('talks.form.conditionLanguage', { n: i + 1 })}
                names={{ text: `conditions/${i}/text`, language: `conditions/${i}/language` }}
                max={1000}
                fieldError={form.fieldError}
              />
              <SourcePicker
                label={t('talks.form.conditionSources', { n: i + 1 })}
                value={c.sources}
                onChange={(s) => setConditions((cs) => cs.map((x, j) => (j === i ? { ...x, sources: s } : x)))}
              />
            </div>
          ))}
          <button type="button" onClick={() => setConditions((cs) => [...cs, { words: emptyWords(lang), sources: [] }])}>
            {t('talks.form.addCondition')}
          </button>
        </fieldset>
      ) : null}
    </Form>
  );
}
