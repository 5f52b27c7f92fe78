import type { ListSort } from '@parley/contracts';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useProcess } from '../app/process-data.tsx';
import type { Loaded } from '../app/use-load.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { DateInput } from './date-input.tsx';
import './list-toolbar.css';

export interface ListValues {
  from: string;
  to: string;
  party: string;
  status: string;
  audience: string;
  sort: string;
}
export const LIST_KEYS = ['from', 'to', 'party', 'status', 'audience', 'sort'] as const;
const AUDIENCES = ['public', 'forum', 'party', 'mediator'] as const;

/** The server's list filters from the address: only what is set, the audience only when it is one the API knows. */
export function listQuery(values: ListValues) {
  const audience = AUDIENCES.find((a) => a === values.audience);
  return {
    from: values.from || undefined,
    to: values.to || undefined,
    party: values.party || undefined,
    status: values.status || undefined,
    ...(audience ? { audience } : {}),
  };
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/**
 * The pages of a list loaded so far: the first when the filters change, then one more per "more". The
 * server's cursor keeps its place, so records written meanwhile neither repeat nor go missing.
 */
export function usePages<T>(load: (after?: string) => Promise<Page<T>>, deps: unknown[]) {
  const [state, setState] = useState<{ key: string; loaded: Loaded<T[]>; next: string | null; busy: boolean }>({
    key: '',
    loaded: { state: 'loading' },
    next: null,
    busy: false,
  });
  const key = JSON.stringify(deps);
  useEffect(() => {
    let live = true;
    setState({ key, loaded: { state: 'loading' }, next: null, busy: false });
    load().then(
      (page) => live && setState({ key, loaded: { state: 'ready', data: page.items }, next: page.next, busy: false }),
      (error: Error) => live && setState({ key, loaded: { state: 'error', error }, next: null, busy: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  const more = useCallback(async () => {
    if (!state.next || state.busy || state.loaded.state !== 'ready') return;
    const shown = state.loaded.data;
    setState((s) => ({ ...s, busy: true }));
    try {
      const page = await load(state.next);
      setState((s) => (s.key === key ? { key, loaded: { state: 'ready', data: [...shown, ...page.items] }, next: page.next, busy: false } : s));
    } catch (error) {
      setState((s) => (s.key === key ? { ...s, loaded: { state: 'error', error: error as Error }, busy: false } : s));
    }
  }, [state, key]);
  const loaded: Loaded<T[]> = state.key === key ? state.loaded : { state: 'loading' };
  return { loaded, more, hasMore: state.key === key && !!state.next, busy: state.busy };
}

/**
 * RFC 4180 quoting: a field with a comma, quote or line break is quoted and its quotes doubled. A dozen lines;
 * a CSV library would add a dependency for the one direction (writing) that is trivial. A leading = + - @ is
 * prefixed with ' so a spreadsheet does not run a record's text as a formula.
 */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    let s = v == null ? '' : String(v);
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export interface ExportLink {
  label: string;
  href: string;
  download: string;
  type: string;
}

/** A labelled date, typed in the reader's language. */
export function DateField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(v: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput id={id} value={value} onChange={onChange} />
    </div>
  );
}

/**
 * Filters, order, paging and export for a list whose state lives in the address (useQueryState). Offers only
 * the filters the page names, the orders the server has (ListSort) and the exports the server or the page has.
 */
export function ListToolbar({
  values,
  onChange,
  statuses,
  sorts,
  parties = true,
  exports = [],
  csv,
  count,
  children,
}: {
  values: ListValues;
  onChange(patch: Partial<Record<keyof ListValues, string | null>>): void;
  statuses?: { value: string; label: string }[];
  sorts: ListSort[];
  parties?: boolean;
  exports?: ExportLink[];
  /** The current view as CSV rows (header first), written in the browser from what is shown. */
  csv?: { rows: () => (string | number | null | undefined)[][]; file: string };
  count?: number;
  children?: ReactNode;
}) {
  const { t, name } = useI18n();
  const { parties: known } = useProcess();
  const [csvHref, setCsvHref] = useState<string | null>(null);
  useEffect(() => () => void (csvHref && URL.revokeObjectURL(csvHref)), [csvHref]);
  const active = LIST_KEYS.some((k) => values[k]);
  return (
    <div className="list-toolbar" role="search" aria-label={t('lists.filters')}>
      <div className="list-filters">
        <DateField id="list-from" label={t('lists.from')} value={values.from} onChange={(v) => onChange({ from: v })} />
        <DateField id="list-to" label={t('lists.to')} value={values.to} onChange={(v) => onChange({ to: v })} />
        {parties ? (
          <div className="field">
            <label htmlFor="list-party">{t('lists.party')}</label>
            <select id="list-party" value={values.party} onChange={(e) => onChange({ party: e.target.value })}>
              <option value="">{t('lists.any')}</option>
              {[...known.values()].map((p) => (
                <option key={p.id} value={p.id}>
                  {name(p.names)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {statuses ? (
          <div className="field">
            <label htmlFor="list-status">{t('lists.status')}</label>
            <select id="list-status" value={values.status} onChange={(e) => onChange({ status: e.target.value })}>
              <option value="">{t('lists.any')}</option>
              {statuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="list-audience">{t('lists.audience')}</label>
          <select id="list-audience" value={values.audience} onChange={(e) => onChange({ audience: e.target.value })}>
            <option value="">{t('lists.any')}</option>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {a === 'party' ? t('lists.audience.party') : t(`audience.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="list-sort">{t('lists.sort')}</label>
          <select id="list-sort" value={values.sort || sorts[0]} onChange={(e) => onChange({ sort: e.target.value === sorts[0] ? null : e.target.value })}>
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`lists.sort.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        {active ? (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange({ from: null, to: null, party: null, status: null, audience: null, sort: null })}
          >
            {t('lists.clear')}
          </button>
        ) : null}
        {children}
      </div>
      <div className="list-exports">
        {count !== undefined ? <span className="small muted">{t('lists.shown', { n: count })}</span> : null}
        {csv ? (
          <a
            href={csvHref ?? '#'}
            download={csv.file}
            type="text/csv"
            onClick={(e) => {
              // Built at the click from what is shown, so the file is the view as it is now.
              const url = URL.createObjectURL(new Blob([toCsv(csv.rows())], { type: 'text/csv;charset=utf-8' }));
              e.currentTarget.href = url;
              setCsvHref(url);
            }}
          >
            {t('lists.exportCsv')}
          </a>
        ) : null}
        {exports.map((x) => (
          <a key={x.href} href={x.href} download={x.download} type={x.type}>
            {x.label}
          </a>
        ))}
      </div>
    </div>
  );
}

/** "Show more" under a paged list, while the server has more. */
export function MoreButton({ pages }: { pages: { hasMore: boolean; busy: boolean; more(): Promise<void> } }) {
  const { t } = useI18n();
  if (!pages.hasMore) return null;
  return (
    <button type="button" className="list-more" onClick={() => void pages.more()} disabled={pages.busy} aria-busy={pages.busy}>
      {t('lists.more')}
    </button>
  );
}
