import { useEffect, useRef } from 'react';
import { AgreementPage } from '../features/agreements/agreements.tsx';
import { AgreementsPage } from '../features/agreements/agreements-list.tsx';
import { AccountBar, SignInPage } from '../features/auth/sign-in.tsx';
import { LinesPage } from '../features/lines/lines-page.tsx';
import { DailyReportPage } from '../features/monitoring/daily-report.tsx';
import { IncidentPage } from '../features/monitoring/incident.tsx';
import { MonitoringPage } from '../features/monitoring/monitoring.tsx';
import { OverviewPage } from '../features/overview/overview.tsx';
import { HeaderSearch, SearchPage } from '../features/search/search.tsx';
import { TodoPage } from '../features/todo/todo.tsx';
import { ActivityPage } from '../features/activity/activity.tsx';
import { ExchangesPage } from '../features/exchanges/exchanges.tsx';
import { DetaineeListPage } from '../features/exchanges/list-page.tsx';
import { ReconciliationPage } from '../features/exchanges/reconciliation.tsx';
import { AccessLogPage, BatchPage } from '../features/exchanges/batch.tsx';
import { ViewAs } from '../ui/view-as.tsx';
import { RecordPage } from '../features/record/record.tsx';
import { StatementsPage } from '../features/statements/statements.tsx';
import { MeetingPage } from '../features/talks/meeting.tsx';
import { TalksPage } from '../features/talks/talks.tsx';
import { AdminPage } from '../features/admin/admin.tsx';
import { HomePage, OldAddress } from '../features/admin/home.tsx';
import { InvitePage, ResetPage, SetupPage } from '../features/admin/links.tsx';
import { canManage } from '../features/admin/can.ts';
import { PeoplePage } from '../features/admin/people.tsx';
import { I18nProvider, LANGUAGES, useI18n, type Lang } from '../i18n/index.tsx';
import { Load, Name } from '../ui/common.tsx';
import { NavMenu } from '../ui/nav-menu.tsx';
import { useStackedTables } from '../ui/stack-tables.ts';
import { ProcessDataProvider, ReadyProvider, useProcessLoad } from './process-data.tsx';
import { SourcePage, SourcesPage } from '../features/sources/sources.tsx';
import { SourceReviewPage } from '../features/sources/review.tsx';
import { Link, match, RouterProvider, useRouter } from './router.tsx';
import { SessionProvider, useSession } from './session.tsx';

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

// Search has no section of its own: the search box in the header opens its page, with the words already in it.
const NAV = [
  { to: '/', key: 'nav.overview' },
  { to: '/talks', key: 'nav.talks' },
  { to: '/agreements', key: 'nav.agreements' },
  { to: '/statements', key: 'nav.statements' },
  { to: '/sources', key: 'sources.nav' },
  { to: '/monitoring', key: 'nav.monitoring' },
  { to: '/lines', key: 'lines.nav' },
  { to: '/record', key: 'nav.record' },
  { to: '/todo', key: 'work.nav.todo' },
  { to: '/activity', key: 'activity.nav' },
] as const;

function Layout() {
  const { t } = useI18n();
  const { me } = useSession();
  const { path, moves, processId } = useRouter();
  const loaded = useProcessLoad();
  const main = useRef<HTMLElement>(null);
  const shown = useRef(moves);
  useStackedTables(main);
  // After the reader moves to another page, focus its content so keyboard and screen-reader users land there.
  useEffect(() => {
    if (shown.current === moves) return;
    shown.current = moves;
    main.current?.focus();
  }, [moves]);
  const inProcess = processId !== null;
  // Detainee data is for the process's members only (the server decides who among them sees what).
  const member = !!processId && !!me?.roles.some((r) => r.processId === processId);
  const nav = [
    ...NAV,
    ...(member ? [{ to: '/exchanges', key: 'exchanges.nav' } as const] : []),
    ...(processId && canManage(me, processId) ? [{ to: '/people', key: 'admin.nav.people' } as const] : []),
  ];
  const section = !inProcess ? null : (nav.slice(1).find((n) => path.startsWith(n.to))?.to ?? (path === '/' ? '/' : null));
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/" outside className="brand-name">
            Parley
          </Link>
          <span className="brand-process">
            {inProcess && loaded.state === 'ready' && loaded.data ? <Name value={loaded.data.process.names} /> : t('app.tagline')}
          </span>
        </div>
        <NavMenu label={t('work.menu')}>
          <nav aria-label={t('app.nav')}>
            <ul>
              {inProcess
                ? nav.map((n) => (
                    <li key={n.to}>
                      <Link to={n.to} className={section === n.to ? 'active' : undefined}>
                        {t(n.key)}
                      </Link>
                    </li>
                  ))
                : null}
              {me?.admin ? (
                <li>
                  <Link to="/admin" outside className={!inProcess && path === '/admin' ? 'active' : undefined}>
                    {t('admin.nav.admin')}
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="tools">
            {inProcess ? <HeaderSearch /> : null}
            <LanguagePicker />
            <AccountBar />
          </div>
        </NavMenu>
        {inProcess ? <ViewAs /> : null}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {inProcess ? (
          <Load loaded={loaded}>
            {(data) =>
              data ? (
                <ReadyProvider value={data}>
                  <Page path={path} />
                </ReadyProvider>
              ) : (
                <p role="alert">{t('app.notFound')}</p>
              )
            }
          </Load>
        ) : (
          <SitePage path={path} />
        )}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

/** The pages outside any process; any other address is an old one of a process page. */
function SitePage({ path }: { path: string }) {
  let m: Record<string, string> | null;
  if (path === '/') return <HomePage />;
  if (path === '/admin') return <AdminPage />;
  if ((m = match('/setup/:token', path))) return <SetupPage token={m.token!} />;
  if ((m = match('/invite/:token', path))) return <InvitePage token={m.token!} />;
  if ((m = match('/reset/:token', path))) return <ResetPage token={m.token!} />;
  return <OldAddress path={path} />;
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
  if (path === '/sources') return <SourcesPage />;
  if ((m = match('/sources/:id/review', path))) return <SourceReviewPage id={m.id!} />;
  if ((m = match('/sources/:id', path))) return <SourcePage id={m.id!} />;
  if (path === '/monitoring') return <MonitoringPage />;
  if ((m = match('/monitoring/incidents/:id', path))) return <IncidentPage id={m.id!} />;
  if (path === '/monitoring/report') return <DailyReportPage />;
  if ((m = match('/monitoring/report/:date', path))) return <DailyReportPage date={m.date!} />;
  if (path === '/lines') return <LinesPage />;
  if (path === '/record') return <RecordPage />;
  if ((m = match('/record/:type/:id', path))) return <RecordPage type={m.type!} id={m.id!} />;
  if (path === '/search') return <SearchPage />;
  if (path === '/todo') return <TodoPage />;
  if (path === '/activity') return <ActivityPage />;
  if (path === '/exchanges') return <ExchangesPage />;
  if (path === '/exchanges/access-log') return <AccessLogPage />;
  if ((m = match('/exchanges/lists/:id', path))) return <DetaineeListPage id={m.id!} />;
  if ((m = match('/exchanges/reconciliations/:id', path))) return <ReconciliationPage id={m.id!} />;
  if ((m = match('/exchanges/batches/:id', path))) return <BatchPage id={m.id!} />;
  if (path === '/sign-in') return <SignInPage />;
  if (path === '/people') return <PeoplePage />;
  return <p role="alert">{t('app.notFound')}</p>;
}
