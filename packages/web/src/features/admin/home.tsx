import { useEffect } from 'react';
import { useProcesses } from '../../app/process-data.tsx';
import { Link, processPath, useRouter } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Load, Name, PageTitle } from '../../ui/common.tsx';

/** `/`: the processes the reader may see; with only one, its overview at once. */
export function HomePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const processes = useProcesses();
  const { navigate } = useRouter();
  const only = processes.state === 'ready' && processes.data.length === 1 ? processes.data[0]!.id : null;
  useEffect(() => {
    if (only) navigate(processPath(only), { outside: true, replace: true });
  }, [only]);
  if (only) return null;
  return (
    <>
      <PageTitle text={t('admin.home.title')} />
      <Load loaded={processes}>
        {(list) =>
          list.length ? (
            <ul className="cards">
              {list.map((p) => (
                <li key={p.id} className="card">
                  <h2>
                    <Link to={processPath(p.id)} outside>
                      <Name value={p.names} />
                    </Link>
                  </h2>
                  {p.description ? <p lang="en">{p.description}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              {t('app.noProcess')}{' '}
              {me?.admin ? (
                <Link to="/admin" outside>
                  {t('admin.home.create')}
                </Link>
              ) : null}
            </p>
          )
        }
      </Load>
    </>
  );
}

/**
 * An address from before processes were in the URL (/talks, /record/…, /sign-in): the same page in the first
 * process, so bookmarks keep working. The address is replaced, not pushed, so Back does not bounce.
 */
export function OldAddress({ path }: { path: string }) {
  const { t } = useI18n();
  const processes = useProcesses();
  const { navigate } = useRouter();
  const first = processes.state === 'ready' ? (processes.data[0]?.id ?? null) : null;
  useEffect(() => {
    if (first) navigate(processPath(first, path) + window.location.search + window.location.hash, { outside: true, replace: true });
  }, [first, path]);
  if (processes.state === 'ready' && !first) return <p role="alert">{t('app.notFound')}</p>;
  return null;
}
