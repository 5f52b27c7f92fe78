import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Field, Form, useForm } from '../../ui/form.tsx';
import { fullName, type Person } from './model.ts';

const STATUSES = ['held', 'listed', 'verified', 'exchanged', 'released', 'deceased', 'missing'] as const;

/** The mediator's verbs on one person: a status from a date with its source, and erasure of their personal data. */
export function PersonActions({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const name = fullName(person.entry) ?? '';
  return (
    <>
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('exchanges.status.record', { name })}
      </button>{' '}
      <EraseButton person={person} onDone={onDone} />
      {open ? (
        <StatusForm
          person={person}
          onDone={() => {
            setOpen(false);
            onDone();
          }}
        />
      ) : null}
    </>
  );
}

function StatusForm({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('verified');
  const [at, setAt] = useState('');
  const [source, setSource] = useState('');
  const form = useForm<{ version: number }>({
    send: () =>
      api.POST('/api/processes/{processId}/exchanges/people/{id}/statuses', {
        params: { path: { processId: process.id, id: person.id } },
        body: { status, at, source },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('exchanges.status.form', { name: fullName(person.entry) ?? '' })} submitLabel={t('exchanges.status.submit')}>
      <Field name="status" label={t('exchanges.list.status')} error={form.fieldError('status')} required>
        {(p) => (
          <select {...p} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`exchanges.status.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="at" label={t('exchanges.status.at')} error={form.fieldError('at')} required>
        {(p) => <input {...p} type="date" value={at} onChange={(e) => setAt(e.target.value)} />}
      </Field>
      <Field name="source" label={t('exchanges.status.source')} hint={t('exchanges.status.sourceHint')} error={form.fieldError('source')} required>
        {(p) => <input {...p} value={source} maxLength={500} onChange={(e) => setSource(e.target.value)} />}
      </Field>
    </Form>
  );
}

function EraseButton({ person, onDone }: { person: Person; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [busy, setBusy] = useState(false);
  const erase = async () => {
    const reason = window.prompt(t('exchanges.erase.reason', { name: fullName(person.entry) ?? '' }));
    if (!reason?.trim()) return;
    setBusy(true);
    try {
      await api.POST('/api/processes/{processId}/exchanges/people/{id}/erasure', {
        params: { path: { processId: process.id, id: person.id } },
        body: { reason: reason.trim() },
      });
      onDone();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" onClick={() => void erase()} disabled={busy} aria-label={t('exchanges.erase.button', { name: fullName(person.entry) ?? '' })}>
      {t('exchanges.list.erase')}
    </button>
  );
}
