import { useId, useMemo, useState } from 'react';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import type { Source } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { AudienceBadge } from '../../ui/audience.tsx';
import { PageTitle } from '../../ui/common.tsx';
import { VerifyLink } from '../record/record.tsx';
import { api } from '../../app/api.ts';
import { useLoad } from '../../app/use-load.ts';
import { IngestForm, reviewPath } from './ingest.tsx';
import { Toggle } from '../talks/forms.tsx';

export const sourcePath = (id: string) => `/sources/${encodeURIComponent(id)}`;

/** Text in the document's own language, marked as such for screen readers and hyphenation. */
const InOwnLanguage = ({ s, text }: { s: Source; text: string }) => <span lang={s.language}>{text}</span>;

/** What a source is: the facts a reader weighs it by, its address and its note. */
function SourceFacts({ s }: { s: Source }) {
  const { t, date, lang } = useI18n();
  return (
    <dl className="facts">
      <div>
        <dt>{t('sources.publisher')}</dt>
        <dd>
          <InOwnLanguage s={s} text={s.publisher} />
        </dd>
      </div>
      <div>
        <dt>{t('sources.date')}</dt>
        <dd>
          <time dateTime={s.date}>{date(s.date)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('sources.kind')}</dt>
        <dd>{t(`sources.kind.${s.kind}` as MessageKey)}</dd>
      </div>
      <div>
        <dt>{t('sources.language')}</dt>
        <dd>{new Intl.DisplayNames([lang], { type: 'language' }).of(s.language) ?? s.language}</dd>
      </div>
      {s.note ? (
        <div>
          <dt>{t('sources.note')}</dt>
          <dd>
            <InOwnLanguage s={s} text={s.note} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The document's own address, opened outside Parley; none is said plainly. */
function DocumentLink({ s }: { s: Source }) {
  const { t } = useI18n();
  if (!s.url) return <p className="muted small">{t('sources.noLink')}</p>;
  return (
    <p>
      <a href={s.url} rel="noopener noreferrer external" target="_blank" data-source-url={s.id}>
        {t('sources.link')}
      </a>{' '}
      <span className="small muted url">{new URL(s.url).host}</span>
    </p>
  );
}

/** Every source the reader may see, newest first, found by words of its title, publisher or note. */
export function SourcesPage() {
  const { t, number } = useI18n();
  const { sources, process, viewer } = useProcess();
  const [q, setQ] = useState('');
  const abilities = useLoad(() => api.GET('/api/processes/{processId}/me', { params: { path: { processId: process.id } } }), [process.id, viewer]);
  const mayAdd = abilities.state === 'ready' && abilities.data.create.includes('source');
  const [adding, setAdding] = useState(false);
  const field = useId();
  const all = useMemo(() => [...sources.values()].sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title)), [sources]);
  const words = q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = all.filter((s) => {
    const text = `${s.title} ${s.publisher} ${s.note ?? ''}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
  return (
    <>
      <PageTitle text={t('sources.title')} />
      <p className="lead">{t('sources.lead')}</p>
      {mayAdd ? (
        <section aria-label={t('ingest.title')} className="actions">
          <Toggle label={t('ingest.title')} open={adding} onToggle={() => setAdding(!adding)} controls="ingest-form" />
          <div id="ingest-form">{adding ? <IngestForm /> : null}</div>
        </section>
      ) : null}
      <div className="field">
        <label htmlFor={field}>{t('sources.filter')}</label>
        <input id={field} type="search" value={q} placeholder={t('sources.filterHint')} onChange={(e) => setQ(e.target.value)} />
      </div>
      <p role="status" className="small muted">
        {t('sources.count', { shown: shown.length, total: number(all.length) })}
      </p>
      {shown.length === 0 ? <p>{t('sources.none')}</p> : null}
      <ul className="cards source-list" data-testid="source-list">
        {shown.map((s) => (
          <li key={s.id} className="card" data-source-item={s.id}>
            <h2 className="card-title">
              <Link to={sourcePath(s.id)}>
                <InOwnLanguage s={s} text={s.title} />
              </Link>
            </h2>
            <SourceFacts s={s} />
            <DocumentLink s={s} />
            <AudienceBadge record={s} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** One source: what it is, where to read it, and its receipt in the log. */
export function SourcePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { sources } = useProcess();
  const s = sources.get(id);
  if (!s)
    return (
      <>
        <PageTitle text={t('sources.title')} />
        <p role="alert">{t('app.notFound')}</p>
        <Link to="/sources">{t('sources.all')}</Link>
      </>
    );
  return (
    <>
      <PageTitle text={s.title}>
        <InOwnLanguage s={s} text={s.title} />
      </PageTitle>
      <AudienceBadge record={s} />
      <SourceFacts s={s} />
      <DocumentLink s={s} />
      <Ingested s={s} />
      <p>
        <VerifyLink type="source" id={s.id} /> · <Link to="/sources">{t('sources.all')}</Link>
      </p>
    </>
  );
}

/** For a source read from a document: its review, the bytes as handed in, and the source it nearly repeats. */
function Ingested({ s }: { s: Source }) {
  const { t, number } = useI18n();
  const { process, sources } = useProcess();
  const doc = s.document;
  if (!doc) return null;
  const near = s.nearDuplicateOf;
  return (
    <>
      <p>
        <Link to={reviewPath(s.id)}>{t('sources.review')}</Link> ·{' '}
        <a href={`/api/processes/${encodeURIComponent(process.id)}/sources/${encodeURIComponent(s.id)}/document`} download>
          {t('sources.original')}
        </a>{' '}
        <span className="small muted url">SHA-256 {doc.sha256}</span>
      </p>
      {near ? (
        <p className="small" data-near-copy={near.sourceId}>
          {t('sources.nearCopy', { percent: number(Math.round(near.resemblance * 100)) })}{' '}
          <Link to={sourcePath(near.sourceId)}>{sources.get(near.sourceId)?.title ?? near.sourceId}</Link>
        </p>
      ) : null}
    </>
  );
}
