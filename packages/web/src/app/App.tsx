import { useEffect, useRef } from 'react';
import { AgreementPage, AgreementsPage } from '../features/agreements/agreements.tsx';
import { AccountBar, SignInPage } from '../features/auth/sign-in.tsx';
import { DailyReportPage } from '../features/monitoring/daily-report.tsx';
import { IncidentPage } from '../features/monitoring/incident.tsx';
import { MonitoringPage } from '../features/monitoring/monitoring.tsx';
import { OverviewPage } from '../features/overview/overview.tsx';
import { HeaderSearch, SearchPage } from '../features/search/search.tsx';
import { TodoPage } from '../features/todo/todo.tsx';
import { RecordPage } from '../features/record/record.tsx';
import { StatementsPage } from '../features/statements/statements.tsx';
import { MeetingPage } from '../features/talks/meeting.tsx';
import { TalksPage } from '../features/talks/talks.tsx';
import { I18nProvider, LANGUAGES, useI18n, type Lang } from '../i18n/index.tsx';
import { Load, Name } from '../ui/common.tsx';
import { NavMenu } from '../ui/nav-menu.tsx';
import { useStackedTables } from '../ui/stack-tables.ts';
import { ProcessDataProvider, ReadyProvider, useProcessLoad } from './process-data.tsx';
import { Link, match, RouterProvider, useRouter } from './router.tsx';
import { SessionProvider } from './session.tsx';

export function App() {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <ProcessDataProvider>
            <Layout />
          </ProcessDataProvider>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function LanguagePicker() {
  const { t, lang, setLang } = useI18n();
  return (
    <label className="lang">
      <span>{t('app.language')}</span>{' '}
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const NAV = [
  { to: '/', key: 'nav.overview' },
  { to: '/talks', key: 'nav.talks' },
  { to: '/agreements', key: 'nav.agreements' },
  { to: '/statements', key: 'nav.statements' },
  { to: '/monitoring', key: 'nav.monitoring' },
  { to: '/record', key: 'nav.record' },
  { to: '/todo', key: 'work.nav.todo' },
  { to: '/search', key: 'work.nav.search' },
] as const;

function Layout() {
  const { t } = useI18n();
  const { path } = useRouter();
  const loaded = useProcessLoad();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(path);
  useStackedTables(main);
  // After a client-side navigation, move focus to the new page's content so keyboard and screen-reader users land there.
  useEffect(() => {
    if (shown.current === path) return;
    shown.current = path;
    main.current?.focus();
  }, [path]);
  const section = NAV.slice(1).find((n) => path.startsWith(n.to))?.to ?? (path === '/' ? '/' : null);
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            Parley
          </Link>
          <span className="brand-process">{loaded.state === 'ready' && loaded.data ? <Name value={loaded.data.process.names} /> : t('app.tagline')}</span>
        </div>
        <NavMenu label={t('work.menu')}>
          <nav aria-label={t('app.nav')}>
            <ul>
              {NAV.map((n) => (
                <li key={n.to}>
                  <Link to={n.to} className={section === n.to ? 'active' : undefined}>
                    {t(n.key)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="tools">
            <HeaderSearch />
            <LanguagePicker />
            <AccountBar />
          </div>
        </NavMenu>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Load loaded={loaded}>
          {(data) =>
            data ? (
              <ReadyProvider value={data}>
                <Page path={path} />
              </ReadyProvider>
            ) : (
              <p>{t('app.noProcess')}</p>
            )
          }
        </Load>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

function Page({ path }: { path: string }) {
  const { t } = useI18n();
  let m: Record<string, string> | null;
  if (path === '/') return <OverviewPage />;
  if (path === '/talks') return <TalksPage />;
  if ((m = match('/talks/:id', path))) return <MeetingPage id={m.id!} />;
  if (path === '/agreements') return <AgreementsPage />;
  if ((m = match('/agreements/:id', path))) return <AgreementPage id={m.id!} />;
  if (path === '/statements') return <StatementsPage />;
  if (path === '/monitoring') return <MonitoringPage />;
  if ((m = match('/monitoring/incidents/:id', path))) return <IncidentPage id={m.id!} />;
  if (path === '/monitoring/report') return <DailyReportPage />;
  if ((m = match('/monitoring/report/:date', path))) return <DailyReportPage date={m.date!} />;
  if (path === '/record') return <RecordPage />;
  if ((m = match('/record/:type/:id', path))) return <RecordPage type={m.type!} id={m.id!} />;
  if (path === '/search') return <SearchPage />;
  if (path === '/todo') return <TodoPage />;
  if (path === '/sign-in') return <SignInPage />;
  return <p role="alert">{t('app.notFound')}</p>;
}
