import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Load, PageTitle, PartyName } from '../../ui/common.tsx';
import { Field, Form, useForm } from '../../ui/form.tsx';
import { batchPath, listPath, reconciliationPath, type Lists } from './model.ts';
import { Reviewers } from './reviewers.tsx';
import { UploadListForm } from './upload-form.tsx';
import './exchanges.css';

/** The exchanges section: the lists the reader may see, the reconciliations and batches (mediator and reviewers). */
export function ExchangesPage() {
  const { t } = useI18n();
  const { process } = useProcess();
  const [round, setRound] = useState(0);
  // Kept above the reloading list, so the confirmation outlives the reload it causes.
  const [stored, setStored] = useState<number | null>(null);
  const params = { params: { path: { processId: process.id } } };
  const lists = useLoad(() => api.GET('/api/processes/{processId}/exchanges/lists', params), [process.id, round]);
  return (
    <>
      <PageTitle text={t('exchanges.title')} />
      <p className="muted">{t('exchanges.intro')}</p>
      <p role="status" className={stored === null ? undefined : 'notice'}>
        {stored === null ? null : t('exchanges.upload.stored', { count: stored })}
      </p>
      <Load loaded={lists}>
        {(data) => (
          <>
            <ListsTable lists={data.lists} />
            <UploadListForm
              lists={data}
              onDone={(r) => {
                setStored(r.entries);
                setRound((n) => n + 1);
              }}
            />
            {data.role !== 'party' ? <WholeView lists={data} round={round} /> : null}
          </>
        )}
      </Load>
    </>
  );
}

function ListsTable({ lists }: { lists: Lists['lists'] }) {
  const { t, date } = useI18n();
  if (lists.length === 0) return <p>{t('exchanges.lists.none')}</p>;
  return (
    <section aria-labelledby="lists-h">
      <h2 id="lists-h">{t('exchanges.lists.title')}</h2>
      <table className="exchange-table">
        <thead>
          <tr>
            <th scope="col">{t('exchanges.lists.list')}</th>
            <th scope="col">{t('exchanges.lists.party')}</th>
            <th scope="col">{t('exchanges.lists.side')}</th>
            <th scope="col">{t('exchanges.lists.people')}</th>
            <th scope="col">{t('exchanges.lists.version')}</th>
            <th scope="col">{t('exchanges.lists.at')}</th>
          </tr>
        </thead>
        <tbody>
          {lists.map((l) => (
            <tr key={l.listId}>
              <td>
                <Link to={listPath(l.listId)}>{l.title}</Link>
              </td>
              <td>
                <PartyName id={l.partyId} />
              </td>
              <td>
                {l.side === 'held_by_us' ? t('exchanges.side.held_by_us') : t('exchanges.side.held_by_them')} <PartyName id={l.heldBy} />
              </td>
              <td>{l.entries}</td>
              <td>{l.version}</td>
              <td>
                <time dateTime={l.recordedAt}>{date(l.recordedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What the mediator and reviewers see across lists: reconciling two, the reports, the batches. */
function WholeView({ lists, round }: { lists: Lists; round: number }) {
  const { t, date } = useI18n();
  const { process } = useProcess();
  const params = { params: { path: { processId: process.id } } };
  const recs = useLoad(() => api.GET('/api/processes/{processId}/exchanges/reconciliations', params), [process.id, round]);
  const batches = useLoad(() => api.GET('/api/processes/{processId}/exchanges/batches', params), [process.id, round]);
  const title = (id: string) => lists.lists.find((l) => l.listId === id)?.title ?? id;
  return (
    <>
      {lists.role === 'mediator' && lists.lists.length >= 2 ? <ReconcileForm lists={lists} /> : null}
      <section aria-labelledby="recs-h">
        <h2 id="recs-h">{t('exchanges.recs.title')}</h2>
        <Load loaded={recs}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('exchanges.recs.none')}</p>
            ) : (
              <table className="exchange-table">
                <thead>
                  <tr>
                    <th scope="col">{t('exchanges.recs.lists')}</th>
                    <th scope="col">{t('exchanges.recs.auto')}</th>
                    <th scope="col">{t('exchanges.recs.review')}</th>
                    <th scope="col">{t('exchanges.recs.onlyA')}</th>
                    <th scope="col">{t('exchanges.recs.onlyB')}</th>
                    <th scope="col">{t('exchanges.lists.at')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link to={reconciliationPath(r.id)}>
                          {title(r.lists[0]!.listId)} ↔ {title(r.lists[1]!.listId)}
                        </Link>
                      </td>
                      <td>{r.auto}</td>
                      <td>{r.review}</td>
                      <td>{r.onlyA}</td>
                      <td>{r.onlyB}</td>
                      <td>
                        <time dateTime={r.recordedAt}>{date(r.recordedAt)}</time>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Load>
      </section>
      <section aria-labelledby="batches-h">
        <h2 id="batches-h">{t('exchanges.batches.title')}</h2>
        <Load loaded={batches}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('exchanges.batches.none')}</p>
            ) : (
              <ul className="batch-list">
                {data.items.map((b) => (
                  <li key={b.id}>
                    <Link to={batchPath(b.id)}>{b.title}</Link> <span className="muted">({date(b.agreedOn)})</span>
                  </li>
                ))}
              </ul>
            )
          }
        </Load>
      </section>
      {lists.role === 'mediator' ? (
        <>
          <Reviewers />
          <p>
            <Link to="/exchanges/access-log">{t('exchanges.access.title')}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function ReconcileForm({ lists }: { lists: Lists }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const { navigate } = useRouter();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const form = useForm<{ version: number }>({
    send: () => api.POST('/api/processes/{processId}/exchanges/reconciliations', { params: { path: { processId: process.id } }, body: { lists: [a, b] } }),
    onDone: (r) => navigate(reconciliationPath((r as { id: string }).id)),
  });
  const picker = (value: string, set: (v: string) => void) => (p: object) => (
    <select {...p} value={value} onChange={(e) => set(e.target.value)}>
      <option value="">—</option>
      {lists.lists.map((l) => (
        <option key={l.listId} value={l.listId}>
          {l.title}
        </option>
      ))}
    </select>
  );
  return (
    <section aria-labelledby="reconcile-h">
      <h2 id="reconcile-h">{t('exchanges.reconcile.title')}</h2>
      <Form form={form} label={t('exchanges.reconcile.title')} submitLabel={t('exchanges.reconcile.submit')}>
        <Field name="lists/0" label={t('exchanges.reconcile.a')} error={form.fieldError('lists/0')} required>
          {picker(a, setA)}
        </Field>
        <Field name="lists/1" label={t('exchanges.reconcile.b')} error={form.fieldError('lists/1')} required>
          {picker(b, setB)}
        </Field>
      </Form>
    </section>
  );
}
