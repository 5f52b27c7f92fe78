import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import type { Meeting, SourceRef } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, Form, PartyPicker, SourcePicker, useForm } from '../../ui/form.tsx';
import { names, NamesFields, PersonPicker } from '../agreements/forms.tsx';

const ATTENDANCE = ['attended', 'no_show', 'left_early', 'substitute'] as const;

/** The mediator records who attended for which party, with a note and sources. */
export function AttendanceForm({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [partyId, setPartyId] = useState('');
  const [personId, setPersonId] = useState('');
  const [status, setStatus] = useState<(typeof ATTENDANCE)[number]>('attended');
  const [note, setNote] = useState('');
  const [sources, setSources] = useState<SourceRef[]>([]);
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/meetings/{id}/attendance', {
        params: { path: { processId: process.id, id: meeting.id } },
        body: { partyId, ...(personId ? { personId } : {}), status, ...(note.trim() ? { note: note.trim() } : {}), sources },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('records.attendance.record')} submitLabel={t('records.attendance.submit')}>
      <div className="row">
        <Field name="partyId" label={t('talks.party')} error={form.fieldError('partyId')} required>
          {(p) => <PartyPicker input={p} value={partyId} onChange={setPartyId} />}
        </Field>
        <Field name="personId" label={t('talks.person')} error={form.fieldError('personId')}>
          {(p) => <PersonPicker input={p} value={personId} onChange={setPersonId} />}
        </Field>
        <Field name="status" label={t('records.attendance.status')} error={form.fieldError('status')}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              {ATTENDANCE.map((a) => (
                <option key={a} value={a}>
                  {t(`attendance.${a}` as MessageKey)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="note" label={t('talks.note')} error={form.fieldError('note')}>
        {(p) => <input {...p} lang="en" maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <SourcePicker label={t('source.sources')} value={sources} onChange={setSources} error={form.fieldError('sources')} />
    </Form>
  );
}

type Trio = { en: string; uk: string; ru: string };
const trio = (n?: { en: string; uk?: string; ru?: string }): Trio => ({ en: n?.en ?? '', uk: n?.uk ?? '', ru: n?.ru ?? '' });

/**
 * Agenda, outcome, minutes and the host rule, sent as a merge patch of the meeting against the version read:
 * a change made meanwhile comes back as a conflict that lists what changed.
 */
export function MeetingDetailsForm({ meeting, reread, onDone }: { meeting: Meeting; reread: () => Promise<Meeting>; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [agenda, setAgenda] = useState(meeting.agenda.map((a) => ({ title: trio(a.title), proposedBy: a.proposedBy ?? '' })));
  const [outcome, setOutcome] = useState<Trio>(trio(meeting.outcome?.summary));
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [host, setHost] = useState(meeting.hostPartyId ?? '');
  const [hostRule, setHostRule] = useState(meeting.hostRequiresConfirmation);
  const form = useForm<Meeting>({
    base: meeting,
    reread,
    send: (base) =>
      api.PATCH('/api/processes/{processId}/meetings/{id}', {
        params: { path: { processId: process.id, id: meeting.id } },
        body: {
          version: base!.version,
          agenda: agenda.map((a, i) => ({ number: i + 1, title: names(a.title), ...(a.proposedBy ? { proposedBy: a.proposedBy } : {}) })),
          outcome: outcome.en.trim()
            ? { summary: names(outcome), agreementIds: meeting.outcome?.agreementIds ?? [], sources: meeting.outcome?.sources ?? [] }
            : null,
          minutes: minutes.trim() ? minutes : null,
          hostPartyId: host || null,
          hostRequiresConfirmation: hostRule,
        },
      }),
    onDone,
  });
  const setItem = (i: number, patch: Partial<(typeof agenda)[number]>) => setAgenda((as) => as.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Form
      form={form}
      label={t('records.meeting.details')}
      submitLabel={t('records.meeting.detailsSubmit')}
      labels={{ agenda: t('talks.agenda'), outcome: t('talks.outcome'), minutes: t('records.meeting.minutes'), hostPartyId: t('talks.host') }}
    >
      <fieldset>
        <legend>{t('talks.agenda')}</legend>
        {agenda.map((a, i) => (
          <div key={i} className="claim-edit">
            <NamesFields
              name={`agenda/${i}/title`}
              label={t('records.meeting.item', { n: i + 1 })}
              value={a.title}
              onChange={(title) => setItem(i, { title })}
              error={form.fieldError}
            />
            <Field name={`agenda/${i}/proposedBy`} label={t('records.meeting.proposedBy', { n: i + 1 })} error={form.fieldError(`agenda/${i}/proposedBy`)}>
              {(p) => <PartyPicker input={p} value={a.proposedBy} onChange={(proposedBy) => setItem(i, { proposedBy })} />}
            </Field>
            <button type="button" onClick={() => setAgenda((as) => as.filter((_, j) => j !== i))}>
              {t('records.meeting.removeItem', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setAgenda((as) => [...as, { title: { en: '', uk: '', ru: '' }, proposedBy: '' }])}>
          {t('records.meeting.addItem')}
        </button>
      </fieldset>
      <NamesFields name="outcome/summary" label={t('talks.outcome')} value={outcome} onChange={setOutcome} error={form.fieldError} long />
      <Field name="minutes" label={t('records.meeting.minutes')} error={form.fieldError('minutes')}>
        {(p) => <textarea {...p} maxLength={20000} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
      </Field>
      <div className="row">
        <Field name="hostPartyId" label={t('talks.host')} error={form.fieldError('hostPartyId')}>
          {(p) => <PartyPicker input={p} value={host} onChange={setHost} />}
        </Field>
        <Field name="hostRequiresConfirmation" label={t('records.meeting.hostRule')} error={form.fieldError('hostRequiresConfirmation')}>
          {(p) => <input {...p} type="checkbox" checked={hostRule} onChange={(e) => setHostRule(e.target.checked)} />}
        </Field>
      </div>
    </Form>
  );
}
