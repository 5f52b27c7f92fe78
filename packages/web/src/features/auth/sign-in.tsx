import { useRef, useState, type FormEvent } from 'react';
import { Link, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { PageTitle, PartyName } from '../../ui/common.tsx';
import { errorText, type ErrorText } from '../../ui/error-text.ts';
import { throttleMessage } from './throttle-message.ts';

/** The demo's accounts (names only: the passwords are printed by the server at its first start and never stored here). */
const DEMO_ACCOUNTS = ['mediator', 'delegate-ukr', 'delegate-rus', 'delegate-ordo', 'delegate-ordl', 'monitor', 'analyst'];

/** Who you are, in the header: a sign-in link, or your name with a sign-out button. */
export function AccountBar() {
  const { me, signOut } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  if (!me) return null;
  if (!me.username)
    return (
      <div className="account">
        <span className="muted">{t('auth.anonymous')}</span> <Link to="/sign-in">{t('nav.signIn')}</Link>
      </div>
    );
  return (
    <div className="account">
      <span data-testid="whoami">{t('auth.signedInAs', { name: me.username })}</span>{' '}
      <button type="button" onClick={() => void signOut().then(() => navigate('/'))}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}

function Roles() {
  const { me } = useSession();
  const { t } = useI18n();
  if (!me?.username) return null;
  return (
    <section aria-labelledby="roles-h">
      <h2 id="roles-h">{t('auth.roles')}</h2>
      {me.roles.length ? (
        <ul>
          {me.roles.map((r, i) => (
            <li key={i}>
              {t(`role.${r.role}` as MessageKey)}
              {r.partyId ? (
                <>
                  {' — '}
                  <PartyName id={r.partyId} />
                </>
              ) : null}{' '}
              <span className="muted">({r.processId})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('auth.noRoles')}</p>
      )}
    </section>
  );
}

/** "Sign-in failed: …" with the reason in the reader's language; a fallback English message is marked as such. */
function FailedText({ error }: { error: ErrorText }) {
  const { t } = useI18n();
  const [before, after = ''] = t('auth.failed', { message: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <span lang={error.lang}>{error.text}</span>
      {after}
    </>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  const { me, signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // A throttled sign-in is said as it is, not as a failure with the server's English.
  const [error, setError] = useState<(ErrorText & { throttled: boolean }) | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      setPassword('');
    } catch (err) {
      const wait = throttleMessage(err, t);
      setError(wait ? { text: wait, throttled: true } : { ...errorText(err, t), throttled: false });
    } finally {
      setBusy(false);
    }
  };
  const pick = (name: string) => {
    setUsername(name);
    setPassword('');
    passwordRef.current?.focus();
  };

  return (
    <>
      <PageTitle text={t('auth.title')} />
      {me?.username ? (
        <p role="status" className="notice">
          {t('auth.done', { name: me.username })}
        </p>
      ) : null}
      <div className="two-col">
        <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="signin-h">
          <h2 id="signin-h">{t('auth.title')}</h2>
          <label htmlFor="username">{t('auth.username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
          <label htmlFor="password">{t('auth.password')}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            ref={passwordRef}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error ? (
            <p role="alert" className="error">
              {error.throttled ? error.text : <FailedText error={error} />}
            </p>
          ) : null}
          <button type="submit" disabled={busy}>
            {t('auth.submit')}
          </button>
        </form>
        <section className="card" aria-labelledby="demo-h">
          <h2 id="demo-h">{t('auth.demo')}</h2>
          <p className="muted">{t('auth.demoHelp')}</p>
          <ul className="switcher">
            {DEMO_ACCOUNTS.map((name) => (
              <li key={name}>
                <button type="button" aria-pressed={username === name} onClick={() => pick(name)}>
                  {name}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <Roles />
    </>
  );
}
