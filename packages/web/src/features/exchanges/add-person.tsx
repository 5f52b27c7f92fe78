import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Field, Form, useForm } from '../../ui/form.tsx';
import type { Entry, ListRead } from './model.ts';

/**
 * Adds a person to a list typed in by hand: the list's next version, with everyone it held (the erased stay
 * out: their data is gone) and the new row. The server refuses it if someone replaced the list meanwhile.
 */
export function AddPersonForm({ list, onDone }: { list: ListRead; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [entry, setEntry] = useState<Entry>({ surname: '', given: '', category: 'unknown' });
  const set = (k: keyof Entry) => (value: string) => setEntry((e) => ({ ...e, [k]: value || undefined }));
  const form = useForm<{ version: number }>({
    send: () =>
      api.POST('/api/processes/{processId}/exchanges/lists', {
        params: { path: { processId: process.id } },
        body: {
          partyId: list.list.partyId,
          side: list.list.side,
          heldBy: list.list.heldBy,
          title: list.list.title,
          entries: [...list.people.flatMap((p) => (p.entry ? [p.entry] : [])), entry],
          replaces: { listId: list.list.listId, version: list.list.version },
        },
      }),
    onDone: () => {
      setEntry({ surname: '', given: '', category: 'unknown' });
      onDone();
    },
  });
  const text = (k: 'surname' | 'given' | 'patronymic' | 'birthDate', label: string, required = false, hint?: string) => (
    <Field
      name={`entries/${list.people.length}/${k}`}
      label={label}
      hint={hint}
      error={form.fieldError(`entries/${list.people.length}/${k}`)}
      required={required}
    >
      {(p) => <input {...p} value={entry[k] ?? ''} maxLength={100} onChange={(e) => set(k)(e.target.value)} />}
    </Field>
  );
  return (
    <section aria-labelledby="add-person-h">
      <h2 id="add-person-h">{t('exchanges.add.title')}</h2>
      <Form form={form} label={t('exchanges.add.title')} submitLabel={t('exchanges.add.submit')}>
        {text('surname', t('exchanges.field.surname'), true)}
        {text('given', t('exchanges.field.given'), true)}
        {text('patronymic', t('exchanges.field.patronymic'))}
        {text('birthDate', t('exchanges.field.birthDate'), false, t('exchanges.add.dateHint'))}
        <Field name="category" label={t('exchanges.list.category')}>
          {(p) => (
            <select {...p} value={entry.category} onChange={(e) => setEntry({ ...entry, category: e.target.value as Entry['category'] })}>
              {(['military', 'civilian', 'unknown'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`exchanges.category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Form>
    </section>
  );
}
