import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess, useReloadProcesses } from '../../app/process-data.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, FormError, useSubmit } from './form.tsx';

const KINDS = ['state', 'intergovernmental_organisation', 'entity', 'other'] as const;

/** A new party of the process (the mediator writes parties): its id and names; the rest is edited on the record. */
export function PartyForm() {
  const { t } = useI18n();
  const { process } = useProcess();
  const reload = useReloadProcesses();
  const empty = { id: '', en: '', uk: '', ru: '', kind: 'state' as (typeof KINDS)[number] };
  const [v, setV] = useState(empty);
  const [done, setDone] = useState<string | null>(null);
  const { busy, refusal, run } = useSubmit();
  const set = (k: 'id' | 'en' | 'uk' | 'ru') => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = run(async () => {
    setDone(null);
    const names = { en: v.en.trim(), ...(v.uk.trim() ? { uk: v.uk.trim() } : {}), ...(v.ru.trim() ? { ru: v.ru.trim() } : {}) };
    await api.POST('/api/processes/{processId}/parties', {
      params: { path: { processId: process.id } },
      body: { id: v.id.trim(), names, kind: v.kind, aliases: [] },
    });
    setDone(v.en.trim());
    setV(empty);
    reload(); // the pickers read the process's parties
  });
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="party-h" noValidate>
      <h2 id="party-h">{t('admin.party.title')}</h2>
      <Field id="party-id" name="id" label={t('admin.party.id')} refusal={refusal} required value={v.id} onChange={set('id')} />
      <Field id="party-en" name="names/en" label={t('admin.create.nameEn')} refusal={refusal} required lang="en" value={v.en} onChange={set('en')} />
      <Field id="party-uk" name="names/uk" label={t('admin.create.nameUk')} refusal={refusal} lang="uk" value={v.uk} onChange={set('uk')} />
      <Field id="party-ru" name="names/ru" label={t('admin.create.nameRu')} refusal={refusal} lang="ru" value={v.ru} onChange={set('ru')} />
      <label htmlFor="party-kind">{t('admin.party.kind')}</label>
      <select id="party-kind" name="kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as (typeof KINDS)[number] })}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`partyKind.${k}` as MessageKey)}
          </option>
        ))}
      </select>
      <FormError refusal={refusal} fields={['id', 'names/en', 'names/uk', 'names/ru', 'kind']} />
      {done ? (
        <p role="status" className="notice">
          {t('admin.party.done', { name: done })}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {t('admin.party.submit')}
      </button>
    </form>
  );
}
