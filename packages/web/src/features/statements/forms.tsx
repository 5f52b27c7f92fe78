import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import type { Claim, SourceRef } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, Form, PartyPicker, PreciseDateInput, SourcePicker, useForm, type Precision } from '../../ui/form.tsx';
import { PersonPicker } from '../agreements/forms.tsx';
import { emptyWords, wordsBody, WordsFields } from './words-fields.tsx';
import { STANCES } from './statements-table.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/** One source, chosen with the source picker; a second choice replaces the first. */
function OneSource({ value, onChange, label, error }: { value: string; onChange: (v: string) => void; label: string; error?: string }) {
  return (
    <SourcePicker
      label={label}
      value={value ? [{ sourceId: value }] : []}
      onChange={(refs: SourceRef[]) => onChange(refs[refs.length - 1]?.sourceId ?? '')}
      error={error}
    />
  );
}

/**
 * A statement put on record: who said it (a person, a party, or a description), when, what, and where it is
 * reported, in the source's language and in the others where the source gives them.
 */
export function StatementForm({ speaksFor, onDone }: { speaksFor: string[] | 'any'; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { process } = useProcess();
  const [v, setV] = useState({
    speakerId: '',
    speakerPartyId: '',
    speakerLabel: '',
    date: today(),
    precision: 'day' as Precision,
    speech: 'direct' as 'direct' | 'reported',
    words: emptyWords(lang),
    stance: 'claim' as (typeof STANCES)[number],
    topic: '',
    sourceId: '',
  });
  const set = (patch: Partial<typeof v>) => setV((o) => ({ ...o, ...patch }));
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/statements', {
        params: { path: { processId: process.id } },
        body: {
          ...(v.speakerId ? { speakerId: v.speakerId } : {}),
          ...(v.speakerPartyId ? { speakerPartyId: v.speakerPartyId } : {}),
          ...(v.speakerLabel.trim() ? { speakerLabel: v.speakerLabel.trim() } : {}),
          date: v.date,
          speech: v.speech,
          ...wordsBody(v.words),
          stance: v.stance,
          ...(v.topic.trim() ? { topic: v.topic.trim() } : {}),
          partyIds: [],
          meetingIds: [],
          sourceId: v.sourceId,
        },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('records.statement.enter')} submitLabel={t('records.statement.submit')}>
      <div className="row">
        <Field name="speakerId" label={t('records.statement.speaker')} error={form.fieldError('speakerId')}>
          {(p) => <PersonPicker input={p} value={v.speakerId} onChange={(speakerId) => set({ speakerId })} />}
        </Field>
        <Field name="speakerPartyId" label={t('records.statement.speakerParty')} error={form.fieldError('speakerPartyId')}>
          {(p) => (
            <PartyPicker
              input={p}
              value={v.speakerPartyId}
              onChange={(speakerPartyId) => set({ speakerPartyId })}
              only={speaksFor === 'any' ? undefined : speaksFor}
            />
          )}
        </Field>
      </div>
      <Field
        name="speakerLabel"
        label={t('records.statement.speakerLabel')}
        hint={t('records.statement.speakerLabelHint')}
        error={form.fieldError('speakerLabel')}
      >
        {(p) => <input {...p} lang="en" maxLength={300} value={v.speakerLabel} onChange={(e) => set({ speakerLabel: e.target.value })} />}
      </Field>
      <PreciseDateInput
        label={t('statements.when')}
        value={v.date}
        onChange={(date) => set({ date })}
        precision={v.precision}
        onPrecision={(precision) => set({ precision })}
        error={form.fieldError('date')}
      />
      <div className="row">
        <Field name="speech" label={t('records.statement.speech')} error={form.fieldError('speech')}>
          {(p) => (
            <select {...p} value={v.speech} onChange={(e) => set({ speech: e.target.value as typeof v.speech })}>
              <option value="direct">{t('statements.direct')}</option>
              <option value="reported">{t('statements.reported')}</option>
            </select>
          )}
        </Field>
        <Field name="stance" label={t('statements.stance')} error={form.fieldError('stance')}>
          {(p) => (
            <select {...p} value={v.stance} onChange={(e) => set({ stance: e.target.value as typeof v.stance })}>
              {STANCES.map((s) => (
                <option key={s} value={s}>
                  {t(`stance.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <WordsFields value={v.words} onChange={(words) => set({ words })} label={t('records.statement.text')} max={4000} fieldError={form.fieldError} />
      <Field name="topic" label={t('statements.topic')} error={form.fieldError('topic')}>
        {(p) => <input {...p} lang="en" maxLength={200} value={v.topic} onChange={(e) => set({ topic: e.target.value })} />}
      </Field>
      <OneSource label={t('source.label')} value={v.sourceId} onChange={(sourceId) => set({ sourceId })} error={form.fieldError('sourceId')} />
    </Form>
  );
}

/**
 * A claim, or a counter-claim answering one: a delegate speaks only for the parties they speak for (the server
 * decides; the picker only offers those), the mediator and analysts for any party.
 */
export function ClaimForm({ speaksFor, counters, onDone }: { speaksFor: string[] | 'any'; counters?: Claim; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { process } = useProcess();
  const own = speaksFor === 'any' ? [] : speaksFor;
  const [party, setParty] = useState(own.length === 1 ? own[0]! : '');
  const [words, setWords] = useState(() => emptyWords(lang));
  const [subject, setSubject] = useState(counters?.subject ?? '');
  const [sourceId, setSourceId] = useState('');
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/claims', {
        params: { path: { processId: process.id } },
        body: {
          ...wordsBody(words),
          ...(party ? { claimantPartyId: party } : {}),
          sourceId,
          counters: counters ? [counters.id] : [],
          ...(subject.trim() ? { subject: subject.trim() } : {}),
          ...(counters ? { audience: counters.audience, audienceParty: counters.audienceParty ?? null } : {}),
        },
      }),
    onDone,
  });
  const label = counters ? t('records.claim.counter') : t('records.claim.enter');
  return (
    <Form form={form} label={label} submitLabel={counters ? t('records.claim.counterSubmit') : t('records.claim.submit')}>
      <Field
        name="claimantPartyId"
        label={t('records.claim.party')}
        error={form.fieldError('claimantPartyId') ?? form.fieldError('partyId')}
        required={speaksFor !== 'any'}
      >
        {(p) => <PartyPicker input={p} value={party} onChange={setParty} only={speaksFor === 'any' ? undefined : own} />}
      </Field>
      <Field name="subject" label={t('records.claim.subject')} error={form.fieldError('subject')}>
        {(p) => <input {...p} lang="en" maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />}
      </Field>
      <WordsFields value={words} onChange={setWords} label={t('records.claim.text')} max={2000} fieldError={form.fieldError} />
      <OneSource label={t('source.label')} value={sourceId} onChange={setSourceId} error={form.fieldError('sourceId')} />
    </Form>
  );
}
