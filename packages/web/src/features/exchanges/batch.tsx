import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Load, PageTitle, PartyName } from '../../ui/common.tsx';
import { Field, Form, useForm } from '../../ui/form.tsx';
import { canManage } from '../admin/can.ts';
import { fullName, type Batch } from './model.ts';
import { PurposeGate } from './purpose.tsx';
import './exchanges.css';

interface Delivery {
  deliveredOn: string;
  delivered: string[];
  refused: { id: string; reason: string }[];
}

/** A batch: what was agreed against what was delivered, per side, and the people with what became of each. */
export function BatchPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/exchanges">← {t('exchanges.title')}</Link>
      </p>
      <PurposeGate>{(purpose) => <BatchBody id={id} purpose={purpose} />}</PurposeGate>
    </>
  );
}

function BatchBody({ id, purpose }: { id: string; purpose: string }) {
  const { t, date } = useI18n();
  const { process } = useProcess();
  const { me } = useSession();
  const [round, setRound] = useState(0);
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/exchanges/batches/{id}', { params: { path: { processId: process.id, id }, query: { purpose } } }),
    [process.id, id, purpose, round],
  );
  return (
    <Load loaded={loaded}>
      {(b) => {
        const batch = b.batch as { title: string; agreedOn: string; delivery?: Delivery };
        return (
          <>
            <PageTitle text={batch.title} />
            <p className="muted">{t('exchanges.batch.agreedOnDate', { date: date(batch.agreedOn) })}</p>
            <SidesTable b={b} />
            {batch.delivery ? (
              <p className="notice">{t('exchanges.batch.deliveredOn', { date: date(batch.delivery.deliveredOn) })}</p>
            ) : canManage(me, process.id) ? (
              <DeliveryForm b={b} onDone={() => setRound((r) => r + 1)} />
            ) : null}
            {batch.delivery ? <PeopleOutcome b={b} delivery={batch.delivery} /> : null}
          </>
        );
      }}
    </Load>
  );
}

/** Agreed against delivered, side by side: the discrepancies are the point, so they are stated, not left to sums. */
function SidesTable({ b }: { b: Batch }) {
  const { t } = useI18n();
  return (
    <table className="exchange-table sides" data-testid="batch-sides">
      <caption>{t('exchanges.batch.numbers')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchanges.batch.side')}</th>
          <th scope="col">{t('exchanges.batch.agreed')}</th>
          <th scope="col">{t('exchanges.batch.named')}</th>
          <th scope="col">{t('exchanges.batch.delivered')}</th>
          <th scope="col">{t('exchanges.batch.refused')}</th>
          <th scope="col">{t('exchanges.batch.notDelivered')}</th>
        </tr>
      </thead>
      <tbody>
        {b.sides.map((s) => (
          <tr key={s.side} data-side={s.side}>
            <th scope="row">
              <PartyName id={s.side} />
            </th>
            <td>{s.agreed}</td>
            <td>{s.named}</td>
            <td className={s.delivered !== null && s.delivered !== s.agreed ? 'against' : undefined}>{s.delivered ?? '—'}</td>
            <td>{s.refused ?? '—'}</td>
            <td>{s.notDelivered ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PeopleOutcome({ b, delivery }: { b: Batch; delivery: Delivery }) {
  const { t } = useI18n();
  const refused = new Map(delivery.refused.map((r) => [r.id, r.reason]));
  return (
    <table className="exchange-table">
      <caption>{t('exchanges.batch.people')}</caption>
      <tbody>
        {b.people.map((p) => (
          <tr key={p.id}>
            <td>{fullName(p.entry) ?? t('exchanges.erased')}</td>
            <td>
              {delivery.delivered.includes(p.id)
                ? t('exchanges.status.exchanged')
                : refused.has(p.id)
                  ? t('exchanges.batch.refusedBecause', { reason: refused.get(p.id)! })
                  : t('exchanges.batch.notDeliveredOne')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What happened on the day: each person delivered, refused (with why), or not handed over. */
function DeliveryForm({ b, onDone }: { b: Batch; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [on, setOn] = useState('');
  const [outcome, setOutcome] = useState<Record<string, 'delivered' | 'refused' | 'not'>>(() => Object.fromEntries(b.people.map((p) => [p.id, 'delivered'])));
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const form = useForm<{ version: number }>({
    send: () =>
      api.POST('/api/processes/{processId}/exchanges/batches/{id}/delivery', {
        params: { path: { processId: process.id, id: b.id } },
        body: {
          version: b.version,
          deliveredOn: on,
          delivered: b.people.filter((p) => outcome[p.id] === 'delivered').map((p) => p.id),
          refused: b.people.filter((p) => outcome[p.id] === 'refused').map((p) => ({ id: p.id, reason: reasons[p.id] ?? '' })),
        },
      }),
    onDone,
  });
  return (
    <section aria-labelledby="delivery-h">
      <h2 id="delivery-h">{t('exchanges.delivery.title')}</h2>
      <Form form={form} label={t('exchanges.delivery.title')} submitLabel={t('exchanges.delivery.submit')}>
        <Field name="deliveredOn" label={t('exchanges.delivery.on')} error={form.fieldError('deliveredOn')} required>
          {(p) => <input {...p} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
        </Field>
        {b.people.map((p) => {
          const name = fullName(p.entry) ?? p.id;
          return (
            <fieldset key={p.id} className="choice delivery-person" data-person={p.id}>
              <legend>{name}</legend>
              {(['delivered', 'refused', 'not'] as const).map((o) => (
                <label key={o}>
                  <input type="radio" name={`outcome-${p.id}`} checked={outcome[p.id] === o} onChange={() => setOutcome({ ...outcome, [p.id]: o })} />{' '}
                  {t(`exchanges.delivery.${o}`)}
                </label>
              ))}
              {outcome[p.id] === 'refused' ? (
                <label className="field">
                  {t('exchanges.delivery.why', { name })}
                  <input value={reasons[p.id] ?? ''} maxLength={500} onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })} />
                </label>
              ) : null}
            </fieldset>
          );
        })}
      </Form>
    </section>
  );
}

/** Every read of detainee data, for the mediator: who, when, why and what. */
export function AccessLogPage() {
  const { t, date } = useI18n();
  const { process } = useProcess();
  const loaded = useLoad(() => api.GET('/api/processes/{processId}/exchanges/access-log', { params: { path: { processId: process.id } } }), [process.id]);
  return (
    <>
      <p>
        <Link to="/exchanges">← {t('exchanges.title')}</Link>
      </p>
      <PageTitle text={t('exchanges.access.title')} />
      <Load loaded={loaded}>
        {(data) => (
          <table className="exchange-table" data-testid="access-log">
            <thead>
              <tr>
                <th scope="col">{t('exchanges.access.at')}</th>
                <th scope="col">{t('exchanges.access.who')}</th>
                <th scope="col">{t('exchanges.access.action')}</th>
                <th scope="col">{t('exchanges.access.purpose')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.recordedAt}>{date(e.recordedAt)}</time>
                  </td>
                  <td>{e.recordedBy}</td>
                  <td>{e.action.replace(/_/g, ' ')}</td>
                  <td>{e.purpose}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Load>
    </>
  );
}
