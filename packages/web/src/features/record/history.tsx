import { STORED_KINDS, type StoredKind } from '@parley/contracts';
import diff from 'microdiff';
import { api } from '../../app/api.ts';
import type { GetPath } from '@parley/contracts';
import { useProcess } from '../../app/process-data.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AudienceBadge } from '../../ui/audience.tsx';
import { Load } from '../../ui/common.tsx';
import { COLLECTIONS } from '../talks/publish.tsx';
import './history.css';

type HistoryPath = Extract<GetPath, `/api/processes/{processId}/${string}/{id}/history`>;
const LANG_KEYS = new Set(['en', 'uk', 'ru']);

type Version = {
  version: number;
  author: string;
  at: string;
  audience: { audience: 'public' | 'forum' | 'party' | 'mediator'; audienceParty: string | null } | null;
  fields: Record<string, unknown>;
};

/** A journalled version as the page compares it: the record's own fields, and its audience apart. */
function versionOf(e: { version: number; author: string; at: string; body: unknown }): Version {
  const b = typeof e.body === 'object' && e.body !== null ? (e.body as Record<string, unknown>) : {};
  const audience = b.audience === 'public' || b.audience === 'forum' || b.audience === 'party' || b.audience === 'mediator' ? b.audience : null;
  const fields = typeof b.body === 'object' && b.body !== null ? (b.body as Record<string, unknown>) : {};
  return {
    version: e.version,
    author: e.author,
    at: e.at,
    audience: audience ? { audience, audienceParty: typeof b.audienceParty === 'string' ? b.audienceParty : null } : null,
    fields,
  };
}

/** A changed value as a reader reads it: nested fields as "name: value", list items one after another, never JSON. */
const show = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(show).filter(Boolean).join('; ');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => [k, show(x)])
      .filter(([, shown]) => shown)
      .map(([k, shown]) => `${k}: ${shown}`)
      .join(', ');
  return String(v);
};
/** A field's path: list positions counted from 1, as a reader counts them ("sources › #2"). */
const step = (p: string | number) => (typeof p === 'number' ? `#${p + 1}` : p);

/**
 * Every version of a record the reader may see, who wrote it and when, and what changed from the one before, field by
 * field (microdiff: a small, well-kept structural diff). A multilingual field shows its language: "names (uk)".
 */
export function VersionHistory({ kind, id }: { kind: string; id: string }) {
  return isStored(kind) ? <History kind={kind} id={id} /> : null;
}
const isStored = (k: string): k is StoredKind => (STORED_KINDS as readonly string[]).includes(k);

function History({ kind, id }: { kind: StoredKind; id: string }) {
  const { t } = useI18n();
  const { process, viewer } = useProcess();
  const path = `/api/processes/{processId}/${COLLECTIONS[kind]}/{id}/history` as HistoryPath;
  const loaded = useLoad(() => api.GET(path, { params: { path: { processId: process.id, id } } }), [process.id, kind, id, viewer]);
  return (
    <section className="version-history" aria-labelledby={`history-${id}`}>
      <h2 id={`history-${id}`}>{t('activity.history.title')}</h2>
      <Load loaded={loaded}>{(data) => <Versions versions={data.items.map(versionOf)} />}</Load>
    </section>
  );
}

function Versions({ versions }: { versions: Version[] }) {
  const { t, lang } = useI18n();
  if (versions.length === 0) return <p>{t('activity.history.empty')}</p>;
  return (
    <ol className="history-list" reversed>
      {[...versions].reverse().map((v) => {
        const before = versions[versions.indexOf(v) - 1];
        const when = new Date(v.at).toLocaleString(lang === 'en' ? 'en-GB' : lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
        return (
          <li key={v.version} data-version={v.version}>
            <h3>{t('activity.history.version', { version: v.version })}</h3>
            <p>
              {t('activity.history.by', { who: v.author, when: `${when} UTC` })} <AudienceBadge record={v.audience} />
            </p>
            {before ? <Changes before={before} after={v} /> : <p className="muted">{t('activity.history.first')}</p>}
          </li>
        );
      })}
    </ol>
  );
}

function Changes({ before, after }: { before: Version; after: Version }) {
  const { t } = useI18n();
  const rows = diff({ ...before.fields, audience: before.audience }, { ...after.fields, audience: after.audience }).map((d) => {
    const path = d.path.map(step);
    const last = path[path.length - 1] ?? '';
    const label = LANG_KEYS.has(last) && path.length > 1 ? `${path.slice(0, -1).join(' › ')} (${last})` : path.join(' › ');
    return {
      label,
      old: d.type === 'CREATE' ? '' : show(d.oldValue),
      now: d.type === 'REMOVE' ? '' : show(d.value),
      lang: LANG_KEYS.has(last) ? last : undefined,
    };
  });
  if (rows.length === 0) return <p className="muted">{t('activity.history.noChange')}</p>;
  return (
    <dl className="history-changes">
      {rows.map((r, i) => (
        <div key={i}>
          <dt>{r.label}</dt>
          <dd>
            <del lang={r.lang}>{r.old || t('activity.history.none')}</del> → <ins lang={r.lang}>{r.now || t('activity.history.none')}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
