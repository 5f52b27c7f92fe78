import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Load, PageTitle, PartyName } from '../../ui/common.tsx';
import { Field, Form, PartyPicker, useForm } from '../../ui/form.tsx';
import { canManage } from '../admin/can.ts';
import { batchPath, fullName, type ListRead, type Person } from './model.ts';
import { AddPersonForm } from './add-person.tsx';
import { PersonActions } from './person-actions.tsx';
import { PurposeGate } from './purpose.tsx';
import './exchanges.css';

/** One list with its people; the mediator builds an exchange batch from it or erases a person's data. */
export function DetaineeListPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/exchanges">← {t('exchanges.title')}</Link>
      </p>
      <PurposeGate>{(purpose) => <ListBody id={id} purpose={purpose} />}</PurposeGate>
    </>
  );
}

function ListBody({ id, purpose }: { id: string; purpose: string }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const { me } = useSession();
  const [round, setRound] = useState(0);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/exchanges/lists/{id}', { params: { path: { processId: process.id, id }, query: { purpose } } }),
    [process.id, id, purpose, round],
  );
  const mediator = canManage(me, process.id);
  return (
    <Load loaded={loaded}>
      {(data) => (
        <>
          <PageTitle text={data.list.title} />
          <p className="muted">
            <PartyName id={data.list.partyId} /> · {data.list.side === 'held_by_us' ? t('exchanges.side.held_by_us') : t('exchanges.side.held_by_them')}{' '}
            <PartyName id={data.list.heldBy} /> · {t('exchanges.list.version', { version: data.list.version, versions: data.versions })}
          </p>
          <PeopleTable people={data.people} chosen={mediator ? chosen : null} onChoose={setChosen} onErased={() => setRound((r) => r + 1)} />
          {mediator || me?.roles.some((r) => r.processId === process.id && r.role === 'delegate' && r.partyId === data.list.partyId) ? (
            <AddPersonForm list={data} onDone={() => setRound((r) => r + 1)} />
          ) : null}
          {mediator ? <BatchForm list={data} people={[...chosen]} /> : null}
        </>
      )}
    </Load>
  );
}

function PeopleTable({
  people,
  chosen,
  onChoose,
  onErased,
}: {
  people: Person[];
  chosen: Set<string> | null;
  onChoose: (s: Set<string>) => void;
  onErased: () => void;
}) {
  const { t } = useI18n();
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChoose(next);
  };
  return (
    <table className="exchange-table people">
      <caption>{t('exchanges.list.people', { count: people.length })}</caption>
      <thead>
        <tr>
          {chosen ? (
            <th scope="col">
              <input
                type="checkbox"
                aria-label={t('exchanges.list.chooseAll')}
                checked={chosen.size > 0 && chosen.size === people.filter((p) => !p.erased).length}
                onChange={(e) => onChoose(new Set(e.target.checked ? people.filter((p) => !p.erased).map((p) => p.id) : []))}
              />
            </th>
          ) : null}
          <th scope="col">{t('exchanges.list.line')}</th>
          <th scope="col">{t('exchanges.list.name')}</th>
          <th scope="col">{t('exchanges.list.birth')}</th>
          <th scope="col">{t('exchanges.list.category')}</th>
          <th scope="col">{t('exchanges.list.status')}</th>
          {chosen ? <th scope="col">{t('exchanges.list.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id} data-person={p.id}>
            {chosen ? (
              <td>
                {p.erased ? null : (
                  <input
                    type="checkbox"
                    aria-label={t('exchanges.list.choose', { name: fullName(p.entry) ?? '' })}
                    checked={chosen.has(p.id)}
                    onChange={() => toggle(p.id)}
                  />
                )}
              </td>
            ) : null}
            <td>{p.line}</td>
            <td>{p.erased ? <em>{t('exchanges.erased')}</em> : fullName(p.entry)}</td>
            <td>{p.entry?.birthDate ?? ''}</td>
            <td>{p.entry ? t(`exchanges.category.${p.entry.category}`) : ''}</td>
            <td>{p.statuses.at(-1) ? t(`exchanges.status.${p.statuses.at(-1)!.status}`) : t('exchanges.status.listed')}</td>
            {chosen ? <td>{p.erased ? null : <PersonActions person={p} onDone={onErased} />}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An agreed batch from the people chosen on this list: its terms as agreed, its other side and its date. */
function BatchForm({ list, people }: { list: ListRead; people: string[] }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const { navigate } = useRouter();
  const [title, setTitle] = useState('');
  const [terms, setTerms] = useState<'all_for_all' | 'n_for_m'>('n_for_m');
  const [other, setOther] = useState('');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [agreedOn, setAgreedOn] = useState('');
  const form = useForm<{ version: number }>({
    send: () =>
      api.POST('/api/processes/{processId}/exchanges/batches', {
        params: { path: { processId: process.id } },
        body: { title, terms, sides: [list.list.heldBy, other], agreed: { a: Number(a || 0), b: Number(b || 0) }, agreedOn, people },
      }),
    onDone: (r) => navigate(batchPath((r as { id: string }).id)),
  });
  return (
    <section aria-labelledby="batch-h">
      <h2 id="batch-h">{t('exchanges.batch.new')}</h2>
      <p className="muted">{t('exchanges.batch.chosen', { count: people.length })}</p>
      <Form form={form} label={t('exchanges.batch.new')} submitLabel={t('exchanges.batch.create')}>
        <Field name="title" label={t('exchanges.batch.title')} error={form.fieldError('title')} required>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
        </Field>
        <Field name="terms" label={t('exchanges.batch.terms')} error={form.fieldError('terms')}>
          {(p) => (
            <select {...p} value={terms} onChange={(e) => setTerms(e.target.value as typeof terms)}>
              <option value="n_for_m">{t('exchanges.batch.terms.n_for_m')}</option>
              <option value="all_for_all">{t('exchanges.batch.terms.all_for_all')}</option>
            </select>
          )}
        </Field>
        <Field name="sides/1" label={t('exchanges.batch.other')} error={form.fieldError('sides')} required>
          {(p) => <PartyPicker input={p} value={other} onChange={setOther} />}
        </Field>
        <Field name="agreed/a" label={t('exchanges.batch.agreedA')} error={form.fieldError('agreed/a')}>
          {(p) => <input {...p} type="number" min={0} inputMode="numeric" value={a} onChange={(e) => setA(e.target.value)} />}
        </Field>
        <Field name="agreed/b" label={t('exchanges.batch.agreedB')} error={form.fieldError('agreed/b')}>
          {(p) => <input {...p} type="number" min={0} inputMode="numeric" value={b} onChange={(e) => setB(e.target.value)} />}
        </Field>
        <Field name="agreedOn" label={t('exchanges.batch.agreedOn')} error={form.fieldError('agreedOn')} required>
          {(p) => <input {...p} type="date" value={agreedOn} onChange={(e) => setAgreedOn(e.target.value)} />}
        </Field>
      </Form>
    </section>
  );
}
