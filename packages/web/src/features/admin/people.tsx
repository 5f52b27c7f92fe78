import type { ApiResponse } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useSession } from '../../app/session.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Load, Loading, PageTitle, PartyName } from '../../ui/common.tsx';
import { canManage, type RoleName } from './can.ts';
import { Field, FormError, useSubmit } from './form.tsx';
import { Invites } from './invites.tsx';
import { PartyForm } from './party-form.tsx';
import { OneTimeLink, RolePartyPickers } from './pickers.tsx';

type ProcessPerson = ApiResponse<'/api/processes/{processId}/accounts'>['items'][number];

/** /p/:processId/people — who has which role, pending invites, and (administrators) accounts. */
export function PeoplePage() {
  const { t, name } = useI18n();
  const { me } = useSession();
  const { process } = useProcess();
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  const people = useLoad(
    async () => (await api.GET('/api/processes/{processId}/accounts', { params: { path: { processId: process.id } } })).items,
    [process.id, round],
  );
  if (!me) return <Loading />;
  // Anyone else is told the page is missing, as the server answers them.
  if (!canManage(me, process.id)) return <p role="alert">{t('app.notFound')}</p>;
  return (
    <>
      <PageTitle text={t('admin.people.title', { process: name(process.names) })} />
      <div className="admin-stack">
        <section aria-labelledby="people-h">
          <h2 id="people-h">{t('admin.people.roles')}</h2>
          <Load loaded={people}>{(list) => <PeopleTable people={list} admin={!!me.admin} onChange={changed} />}</Load>
        </section>
        <div className="two-col">
          <GrantForm onDone={changed} />
          <PartyForm />
        </div>
        <Invites onChange={changed} />
      </div>
    </>
  );
}

function PeopleTable({ people, admin, onChange }: { people: ProcessPerson[]; admin: boolean; onChange(): void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const revoke = (username: string, role: RoleName) =>
    api.DELETE('/api/processes/{processId}/roles/{username}/{role}', { params: { path: { processId: process.id, username, role } } });
  if (!people.length) return <p>{t('admin.people.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="people-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.username')}</th>
            <th scope="col">{t('admin.people.grants')}</th>
            {admin ? <th scope="col">{t('admin.people.account')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.accountId}>
              <th scope="row">
                {p.username}
                {!p.active ? <span className="muted"> ({t('admin.people.inactive')})</span> : null}
              </th>
              <td>
                <ul className="plain">
                  {p.roles
                    .filter((r) => r.status === 'active')
                    .map((r) => (
                      <li key={r.role}>
                        {t(`role.${r.role}` as MessageKey)}
                        {r.partyId ? (
                          <>
                            {' — '}
                            <PartyName id={r.partyId} />
                          </>
                        ) : null}{' '}
                        <Confirm
                          label={t('admin.people.revoke')}
                          confirm={t('admin.people.revokeConfirm', { role: t(`role.${r.role}` as MessageKey), name: p.username })}
                          run={() => revoke(p.username, r.role)}
                          onDone={onChange}
                        />
                      </li>
                    ))}
                </ul>
              </td>
              {admin ? (
                <td>
                  <AccountActions person={p} onChange={onChange} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A button that asks once more before it acts; the question names what will happen. */
export function Confirm({ label, confirm, run, onDone }: { label: string; confirm: string; run(): Promise<unknown>; onDone(): void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const { busy, refusal, run: submit } = useSubmit();
  if (!asking)
    return (
      <button type="button" className="link-button" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={confirm}>
      <span>{confirm}</span>{' '}
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void submit(async () => {
            await run();
            setAsking(false);
            onDone();
          })()
        }
      >
        {t('admin.yes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('admin.cancel')}
      </button>
      {refusal ? (
        <span role="alert" className="error">
          {' '}
          {refusal.text}
        </span>
      ) : null}
    </span>
  );
}

function AccountActions({ person, onChange }: { person: ProcessPerson; onChange(): void }) {
  const { t } = useI18n();
  const { me } = useSession();
  const [link, setLink] = useState<string | null>(null);
  const { busy, refusal, run } = useSubmit();
  if (!person.active) return <span className="muted">{t('admin.people.inactive')}</span>;
  const issue = run(async () => {
    const r = await api.POST('/api/accounts/{username}/reset-link', { params: { path: { username: person.username } } });
    setLink(r.path);
  });
  return (
    <div className="account-actions">
      <button type="button" className="link-button" disabled={busy} onClick={() => void issue()}>
        {t('admin.people.resetLink')}
      </button>
      {link ? <OneTimeLink id={`reset-${person.accountId}`} path={link} label={t('admin.people.resetLinkFor', { name: person.username })} /> : null}
      {person.username !== me?.username ? (
        <Confirm
          label={t('admin.people.deactivate')}
          confirm={t('admin.people.deactivateConfirm', { name: person.username })}
          run={() => api.POST('/api/accounts/{username}/deactivate', { params: { path: { username: person.username } } })}
          onDone={onChange}
        />
      ) : null}
      {refusal ? (
        <span role="alert" className="error">
          {refusal.text}
        </span>
      ) : null}
    </div>
  );
}

/** Grant a role to an account that already exists. */
function GrantForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<RoleName>('delegate');
  const [partyId, setPartyId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, refusal, run } = useSubmit();
  const submit = run(async () => {
    setDone(null);
    await api.POST('/api/processes/{processId}/roles', {
      params: { path: { processId: process.id } },
      body: { username: username.trim(), role, ...(partyId ? { partyId } : {}) },
    });
    setDone(username.trim());
    setUsername('');
    onDone();
  });
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="grant-h" noValidate>
      <h2 id="grant-h">{t('admin.grant.title')}</h2>
      <Field
        id="grant-username"
        name="username"
        label={t('admin.username')}
        refusal={refusal}
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <RolePartyPickers prefix="grant" {...{ role, partyId, setRole, setPartyId, refusal }} />
      <FormError refusal={refusal} fields={['username', 'role', 'partyId']} />
      {done ? (
        <p role="status" className="notice">
          {t('admin.grant.done', { name: done })}
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {t('admin.grant.submit')}
      </button>
    </form>
  );
}
