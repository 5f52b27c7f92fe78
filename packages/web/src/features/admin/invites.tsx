import type { ApiResponse } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Load, PartyName } from '../../ui/common.tsx';
import type { RoleName } from './can.ts';
import { Field, FormError, useSubmit } from './form.tsx';
import { Confirm } from './people.tsx';
import { OneTimeLink, RolePartyPickers } from './pickers.tsx';

type Invite = ApiResponse<'/api/processes/{processId}/invites'>['items'][number];

/** Pending invites of the process, and a new one whose link is shown once. */
export function Invites({ onChange }: { onChange(): void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [round, setRound] = useState(0);
  const invites = useLoad(
    async () => (await api.GET('/api/processes/{processId}/invites', { params: { path: { processId: process.id } } })).items,
    [process.id, round],
  );
  const changed = () => {
    setRound((r) => r + 1);
    onChange();
  };
  return (
    <section aria-labelledby="invites-h">
      <h2 id="invites-h">{t('admin.invites.title')}</h2>
      <div className="two-col">
        <Load loaded={invites}>{(list) => <InviteList invites={list} onChange={changed} />}</Load>
        <InviteForm onDone={changed} />
      </div>
    </section>
  );
}

function InviteList({ invites, onChange }: { invites: Invite[]; onChange(): void }) {
  const { t, date } = useI18n();
  const { process } = useProcess();
  if (!invites.length) return <p>{t('admin.invites.none')}</p>;
  return (
    <ul className="plain invite-list">
      {invites.map((i) => (
        <li key={i.id} className="card">
          <strong>{t(`role.${i.role}` as MessageKey)}</strong>
          {i.partyId ? (
            <>
              {' — '}
              <PartyName id={i.partyId} />
            </>
          ) : null}
          {i.username ? <> · {i.username}</> : null}
          <br />
          <span className="muted small">{t('admin.invites.until', { date: date(i.expiresAt) })}</span>{' '}
          <Confirm
            label={t('admin.invites.revoke')}
            confirm={t('admin.invites.revokeConfirm')}
            run={() => api.DELETE('/api/processes/{processId}/invites/{inviteId}', { params: { path: { processId: process.id, inviteId: i.id } } })}
            onDone={onChange}
          />
        </li>
      ))}
    </ul>
  );
}

function InviteForm({ onDone }: { onDone(): void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [role, setRole] = useState<RoleName>('delegate');
  const [partyId, setPartyId] = useState('');
  const [username, setUsername] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const { busy, refusal, run } = useSubmit();
  const submit = run(async () => {
    setLink(null);
    const r = await api.POST('/api/processes/{processId}/invites', {
      params: { path: { processId: process.id } },
      body: { role, ...(partyId ? { partyId } : {}), ...(username.trim() ? { username: username.trim() } : {}) },
    });
    setLink(r.path);
    setUsername('');
    onDone();
  });
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="invite-new-h" noValidate>
      <h3 id="invite-new-h">{t('admin.invites.create')}</h3>
      <RolePartyPickers prefix="invite" {...{ role, partyId, setRole, setPartyId, refusal }} />
      <Field
        id="invite-username"
        name="username"
        label={t('admin.invites.username')}
        hint={t('admin.invites.usernameHint')}
        refusal={refusal}
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <FormError refusal={refusal} fields={['role', 'partyId', 'username']} />
      {link ? <OneTimeLink id="invite-link" path={link} label={t('admin.invites.link')} /> : null}
      <button type="submit" disabled={busy}>
        {t('admin.invites.submit')}
      </button>
    </form>
  );
}
