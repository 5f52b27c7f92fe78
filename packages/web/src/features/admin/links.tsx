import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useReloadProcesses } from '../../app/process-data.tsx';
import { Link, processPath, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Loading, Name, PageTitle } from '../../ui/common.tsx';
import { FormError, NewAccountFields, refusalOf, useSubmit, type Refusal } from './form.tsx';

/** A one-time link that no longer works, said plainly, with where to go instead. */
function LinkGone({ refusal }: { refusal: Refusal }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="notice">
      <p>{refusal.status === 404 || refusal.status === 410 || refusal.status === 400 ? refusal.text : t('admin.error.generic', { message: refusal.text })}</p>
      <p>{t('admin.link.askAgain')}</p>
      <p>
        <Link to="/" outside>
          {t('admin.link.home')}
        </Link>
      </p>
    </div>
  );
}

/** Whether a refusal means the link itself is gone (as opposed to a field to correct). */
const gone = (r: Refusal | null): r is Refusal => !!r && (r.status === 404 || r.status === 410);

/** /setup/:token — the first administrator chooses a username and password. */
export function SetupPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, refusal, run } = useSubmit();
  const submit = run(async () => {
    await api.POST('/api/setup', { body: { token, username: username.trim(), password } });
    await refresh();
    navigate('/admin', { outside: true });
  });
  return (
    <>
      <PageTitle text={t('admin.setup.title')} />
      {gone(refusal) ? (
        <LinkGone refusal={refusal} />
      ) : (
        <form className="card form narrow" onSubmit={(e) => void submit(e)} aria-labelledby="setup-h" noValidate>
          <h2 id="setup-h">{t('admin.setup.heading')}</h2>
          <p className="muted">{t('admin.setup.help')}</p>
          <NewAccountFields prefix="setup" {...{ username, password, setUsername, setPassword, refusal }} />
          <FormError refusal={refusal} fields={['username', 'password']} />
          <button type="submit" disabled={busy}>
            {t('admin.setup.submit')}
          </button>
        </form>
      )}
    </>
  );
}

/** /invite/:token — what the invite offers, then a new account or the signed-in one. */
export function InvitePage({ token }: { token: string }) {
  const { t, date } = useI18n();
  const { me, refresh } = useSession();
  const reload = useReloadProcesses();
  const { navigate } = useRouter();
  const invite = useLoad(() => api.GET('/api/invites/{token}', { params: { path: { token } } }), [token]);
  const [username, setUsername] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const { busy, refusal, run } = useSubmit();
  const accept = (asMe: boolean) =>
    run(async () => {
      const body = asMe ? {} : { username: (username ?? '').trim(), password };
      const done = await api.POST('/api/invites/{token}/accept', { params: { path: { token } }, body });
      await refresh();
      reload();
      navigate(processPath(done.processId), { outside: true });
    });

  if (invite.state === 'loading') return <Loading />;
  const loadRefusal = invite.state === 'error' ? refusalOf(invite.error, t) : null;
  const shown = gone(refusal) ? refusal : loadRefusal;
  if (shown || invite.state !== 'ready')
    return (
      <>
        <PageTitle text={t('admin.invite.title')} />
        {shown ? <LinkGone refusal={shown} /> : null}
      </>
    );
  const inv = invite.data;
  const chosen = username ?? inv.username ?? '';
  return (
    <>
      <PageTitle text={t('admin.invite.title')} />
      <section className="card" aria-labelledby="offer-h">
        <h2 id="offer-h">{t('admin.invite.offer')}</h2>
        <dl className="offer-facts">
          <dt>{t('admin.process')}</dt>
          <dd>
            <Name value={inv.processNames as { en: string }} />
          </dd>
          <dt>{t('admin.role')}</dt>
          <dd>{t(`role.${inv.role}` as MessageKey)}</dd>
          {inv.partyNames ? (
            <>
              <dt>{t('admin.party')}</dt>
              <dd>
                <Name value={inv.partyNames as { en: string }} />
              </dd>
            </>
          ) : null}
          <dt>{t('admin.validUntil')}</dt>
          <dd>{date(inv.expiresAt)}</dd>
        </dl>
      </section>
      <div className="two-col">
        <form className="card form" onSubmit={(e) => void accept(false)(e)} aria-labelledby="new-h" noValidate>
          <h2 id="new-h">{t('admin.invite.newAccount')}</h2>
          <NewAccountFields prefix="invite" username={chosen} setUsername={setUsername} {...{ password, setPassword, refusal }} />
          <FormError refusal={refusal} fields={['username', 'password']} />
          <button type="submit" disabled={busy}>
            {t('admin.invite.create')}
          </button>
        </form>
        {me?.username ? (
          <section className="card form" aria-labelledby="mine-h">
            <h2 id="mine-h">{t('admin.invite.existing')}</h2>
            <p>{t('admin.invite.existingHelp', { name: me.username })}</p>
            <button type="button" disabled={busy} onClick={() => void accept(true)()}>
              {t('admin.invite.addToMine')}
            </button>
          </section>
        ) : (
          <section className="card" aria-labelledby="mine-h">
            <h2 id="mine-h">{t('admin.invite.existing')}</h2>
            <p>{t('admin.invite.signInFirst')}</p>
          </section>
        )}
      </div>
    </>
  );
}

/** /reset/:token — a new password; the account's sessions end, so the person signs in again. */
export function ResetPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const { busy, refusal, run } = useSubmit();
  const submit = run(async () => {
    const r = await api.POST('/api/resets/{token}', { params: { path: { token } }, body: { password } });
    setDone(r.username);
  });
  return (
    <>
      <PageTitle text={t('admin.reset.title')} />
      {done ? (
        <div role="status" className="notice">
          <p>{t('admin.reset.done', { name: done })}</p>
          <p>
            <Link to="/" outside>
              {t('admin.link.home')}
            </Link>
          </p>
        </div>
      ) : gone(refusal) ? (
        <LinkGone refusal={refusal} />
      ) : (
        <form className="card form narrow" onSubmit={(e) => void submit(e)} aria-labelledby="reset-h" noValidate>
          <h2 id="reset-h">{t('admin.reset.heading')}</h2>
          <NewPassword password={password} setPassword={setPassword} refusal={refusal} />
          <FormError refusal={refusal} fields={['password']} />
          <button type="submit" disabled={busy}>
            {t('admin.reset.submit')}
          </button>
        </form>
      )}
    </>
  );
}

function NewPassword({ password, setPassword, refusal }: { password: string; setPassword(v: string): void; refusal: Refusal | null }) {
  const { t } = useI18n();
  const wrong = refusal?.field === 'password';
  return (
    <>
      <label htmlFor="reset-password">{t('admin.newPassword')}</label>
      <span id="reset-password-hint" className="muted small">
        {t('admin.passwordRule')}
      </span>
      <input
        id="reset-password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? 'reset-password-hint reset-password-error' : 'reset-password-hint'}
      />
      {wrong ? (
        <span id="reset-password-error" className="error" role="alert">
          {refusal.text} {refusal.detail ? <span lang="en">{refusal.detail}</span> : null}
        </span>
      ) : null}
    </>
  );
}
