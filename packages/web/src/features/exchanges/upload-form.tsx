import { ApiError } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Field, Form, PartyPicker, useForm } from '../../ui/form.tsx';
import type { Lists } from './model.ts';

const FIELDS = new Set(['surname', 'given', 'patronymic', 'birthDate']);

interface Problem {
  line: number;
  field?: string;
  code: string;
  message: string;
}

/**
 * A party's list from a file (CSV in any usual encoding, or XLSX). The server stores it whole or not at all;
 * a refusal lists every broken row with its line, so the submitter can correct the file and send it again.
 */
export function UploadListForm({ lists, onDone }: { lists: Lists; onDone: (stored: { entries: number }) => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const only = lists.role === 'party' ? (lists.parties ?? []) : undefined;
  const [partyId, setPartyId] = useState(only?.length === 1 ? only[0]! : '');
  const [side, setSide] = useState<'held_by_us' | 'held_by_them'>('held_by_us');
  const [other, setOther] = useState('');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const form = useForm<{ version: number }>({
    send: async () => {
      const bytes = file ? await file.arrayBuffer() : new ArrayBuffer(0);
      const xlsx = !!file && /\.xlsx$/i.test(file.name);
      return api.POST('/api/processes/{processId}/exchanges/lists/upload', {
        params: {
          path: { processId: process.id },
          query: { partyId, side, heldBy: side === 'held_by_us' ? partyId : other, title, fileName: file?.name ?? 'list' },
        },
        // The file goes as it is: its encoding is the server's to judge.
        body: bytes as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
      } as never);
    },
    onDone: (r) => onDone(r as { entries: number }),
  });
  if (lists.role === 'reviewer') return null;
  const problems =
    form.error instanceof ApiError && form.error.body.error.reason === 'list_rows_refused'
      ? ((form.error.body.error.details as { problems?: Problem[] } | undefined)?.problems ?? [])
      : [];
  return (
    <section aria-labelledby="upload-h">
      <h2 id="upload-h">{t('exchanges.upload.title')}</h2>
      <Form form={form} label={t('exchanges.upload.title')} submitLabel={t('exchanges.upload.submit')}>
        <Field name="partyId" label={t('exchanges.upload.party')} error={form.fieldError('partyId')} required>
          {(p) => <PartyPicker input={p} value={partyId} onChange={setPartyId} only={only} />}
        </Field>
        <fieldset className="choice">
          <legend>{t('exchanges.upload.side')}</legend>
          {(['held_by_us', 'held_by_them'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="side" value={s} checked={side === s} onChange={() => setSide(s)} /> {t(`exchanges.upload.side.${s}`)}
            </label>
          ))}
        </fieldset>
        {side === 'held_by_them' ? (
          <Field name="heldBy" label={t('exchanges.upload.heldBy')} error={form.fieldError('heldBy')} required>
            {(p) => <PartyPicker input={p} value={other} onChange={setOther} />}
          </Field>
        ) : null}
        <Field name="title" label={t('exchanges.upload.listTitle')} error={form.fieldError('title')} required>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
        </Field>
        <Field name="file" label={t('exchanges.upload.file')} hint={t('exchanges.upload.fileHint')} error={form.fieldError('file')} required>
          {(p) => <input {...p} type="file" accept=".csv,.txt,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
      </Form>
      {problems.length > 0 ? (
        <table className="exchange-table problems" aria-label={t('exchanges.upload.problems')}>
          <caption>{t('exchanges.upload.problems')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchanges.upload.line')}</th>
              <th scope="col">{t('exchanges.upload.field')}</th>
              <th scope="col">{t('exchanges.upload.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i}>
                <td>{p.line}</td>
                <td>{p.field && FIELDS.has(p.field) ? t(`exchanges.field.${p.field as 'surname'}`) : (p.field ?? '')}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
