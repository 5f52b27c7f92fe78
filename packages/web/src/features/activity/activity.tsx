import { ACTIVITY_KINDS, STORED_KINDS, type ActivityEntry, type ActivityKind, type StoredKind } from '@parley/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { AudienceBadge } from '../../ui/audience.tsx';
import { LoadError, Loading, Name, PageTitle, PartyName } from '../../ui/common.tsx';
import { recordHref } from '../search/links.ts';
import './activity.css';
import { DateInput } from '../../ui/date-input.tsx';

const PAGE = 50;
type Filters = { kind: ActivityKind | ''; party: string; from: string; to: string };
const isKind = (s: string): s is ActivityKind => (ACTIVITY_KINDS as readonly string[]).includes(s);
const isStored = (s: string): s is StoredKind => (STORED_KINDS as readonly string[]).includes(s);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in the address bar, so a view of the feed can be shared: `?kind=&party=&from=&to=`. */
function readFilters(): Filters {
  const p = new URLSearchParams(window.location.search);
  const kind = p.get('kind') ?? '';
  const day = (k: string) => (DAY.test(p.get(k) ?? '') ? p.get(k)! : '');
  return {
    kind: isKind(kind) ? kind : '',
    party: /^[a-z0-9][a-z0-9_-]{0,63}$/.test(p.get('party') ?? '') ? p.get('party')! : '',
    from: day('from'),
    to: day('to'),
  };
}
export function activityHref(f: Filters): string {
  const params = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  const s = params.toString();
  return s ? `/activity?${s}` : '/activity';
}

type Feed =
  { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; items: ActivityEntry[]; next: string | null; more: 'idle' | 'loading' | Error };

/** `/activity`: who changed what and when, newest first, within what the reader may see (the server filters). */
export function ActivityPage() {
  const { t, name } = useI18n();
  const { process, parties, viewer } = useProcess();
  const router = useRouter();
  const ids = useId();
  const [filters, setFilters] = useState(readFilters);
  const [draft, setDraft] = useState(filters);
  const [feed, setFeed] = useState<Feed>({ state: 'loading' });
  const generation = useRef(0);

  useEffect(() => {
    const follow = () => {
      setFilters(readFilters());
      setDraft(readFilters());
    };
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);

  const fetchPage = (cursor?: string) =>
    api.GET('/api/processes/{processId}/activity', {
      params: {
        path: { processId: process.id },
        query: {
          limit: PAGE,
          ...(filters.kind ? { kind: filters.kind } : {}),
          ...(filters.party ? { party: filters.party } : {}),
          ...(filters.from ? { from: filters.from } : {}),
          ...(filters.to ? { to: filters.to } : {}),
          ...(cursor ? { cursor } : {}),
        },
      },
    });

  useEffect(() => {
    const mine = ++generation.current;
    setFeed({ state: 'loading' });
    fetchPage().then(
      (r) => mine === generation.current && setFeed({ state: 'ready', items: r.items, next: r.next, more: 'idle' }),
      (error: Error) => mine === generation.current && setFeed({ state: 'error', error }),
    );
  }, [process.id, filters.kind, filters.party, filters.from, filters.to, viewer]);

  const more = () => {
    if (feed.state !== 'ready' || !feed.next || feed.more === 'loading') return;
    const mine = generation.current;
    setFeed({ ...feed, more: 'loading' });
    fetchPage(feed.next).then(
      (r) =>
        mine === generation.current &&
        setFeed((prev) => (prev.state === 'ready' ? { state: 'ready', items: [...prev.items, ...r.items], next: r.next, more: 'idle' } : prev)),
      (error: Error) => mine === generation.current && setFeed((prev) => (prev.state === 'ready' ? { ...prev, more: error } : prev)),
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    window.history.pushState(null, '', router.href(activityHref(draft)));
    setFilters(draft);
  };

  return (
    <>
      <PageTitle text={t('activity.title')} />
      <p className="muted">{t('activity.intro')}</p>
      <form className="activity-filters" aria-label={t('activity.filters')} onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('activity.kind')}</label>
          <select id={`${ids}-kind`} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: isKind(e.target.value) ? e.target.value : '' })}>
            <option value="">{t('activity.kind.all')}</option>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-party`}>{t('activity.party')}</label>
          <select id={`${ids}-party`} value={draft.party} onChange={(e) => setDraft({ ...draft, party: e.target.value })}>
            <option value="">{t('activity.party.all')}</option>
            {[...parties.values()].map((p) => (
              <option key={p.id} value={p.id}>
                {name(p.names)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-from`}>{t('activity.from')}</label>
          <DateInput id={`${ids}-from`} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('activity.to')}</label>
          <DateInput id={`${ids}-to`} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        </div>
        <button type="submit">{t('activity.apply')}</button>
      </form>
      {feed.state === 'loading' ? <Loading /> : null}
      {feed.state === 'error' ? <LoadError error={feed.error} /> : null}
      {feed.state === 'ready' ? (
        <>
          {feed.items.length === 0 ? <p role="status">{t('activity.empty')}</p> : null}
          <ol className="activity-list">
            {feed.items.map((e) => (
              <ActivityItem key={`${e.kind}/${e.recordId}@${e.version}/${e.at}`} entry={e} />
            ))}
          </ol>
          {feed.more instanceof Error ? <LoadError error={feed.more} /> : null}
          {feed.next ? (
            <button type="button" onClick={more} disabled={feed.more === 'loading'}>
              {t('activity.more')}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function ActivityItem({ entry: e }: { entry: ActivityEntry }) {
  const { t, lang } = useI18n();
  const when = new Date(e.at).toLocaleString(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  const subject = e.subject;
  const label = e.title ? <Name value={{ en: e.title.en ?? subject?.id ?? e.recordId, ...e.title }} /> : <span>{subject?.id ?? e.recordId}</span>;
  return (
    <li className="activity-item" data-kind={e.kind} data-record={subject ? `${subject.kind}/${subject.id}` : e.recordId}>
      <time dateTime={e.at}>{when} UTC</time>{' '}
      <span className="activity-who">
        <strong>{e.by.username}</strong> (
        {e.by.side === 'party' ? <PartyName id={e.by.partyId ?? null} /> : t(e.by.side === 'mediator' ? 'activity.side.mediator' : 'activity.side.author')})
      </span>{' '}
      <span className="activity-verb">{t(`activity.verb.${e.verb}`)}</span>{' '}
      <span className="activity-what">
        {e.kind.replace(/_/g, ' ')} {subject && isStored(subject.kind) ? <Link to={recordHref(subject.kind, subject.id)}>{label}</Link> : label}
        {e.status ? <> → {e.status.replace(/_/g, ' ')}</> : null} <span className="muted">({t('activity.version', { version: e.version })})</span>
      </span>{' '}
      <AudienceBadge record={e.audience} />
    </li>
  );
}
