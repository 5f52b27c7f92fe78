import { ApiError } from '@parley/contracts';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useProcess } from '../app/process-data.tsx';
import type { SourceRef } from '../app/api-types.ts';
import { useI18n } from '../i18n/index.tsx';
import { SourceCite } from './common.tsx';
import { DateInput } from './date-input.tsx';
import './form.css';

/** What a field's input needs to be named, described and marked invalid by the server's refusal. */
export interface InputProps {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/** The fields a read carries beside what the user edits: never listed as "changed meanwhile". */
const META = new Set(['version', 'abilities', 'updatedAt', 'createdAt', 'updatedBy', 'createdBy', 'owner', 'processId', 'seq']);

/** The top-level fields whose values differ between the record the user started from and the one read now. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !META.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k])).sort();
}

export interface Stale<R> {
  fresh: R;
  changed: string[];
}

interface FormOptions<R extends { version: number }> {
  /** The record as read when the user started: its version goes with the request. */
  base?: R;
  /** Reads the record again, after the server said it changed meanwhile. */
  reread?: () => Promise<R>;
  /** Sends the request made against `base` (its version); throws ApiError on refusal. */
  send: (base: R | undefined) => Promise<unknown>;
  onDone?: (answer: unknown) => void;
}

/**
 * One form's life: a submit that runs once (a double click sends one request), the server's refusal kept as
 * it came (its field shown at the field), a stale version turned into "someone changed it meanwhile", and
 * whether the user has typed something they would lose by leaving.
 */
export function useForm<R extends { version: number }>(opts: FormOptions<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [stale, setStale] = useState<Stale<R> | null>(null);
  const [rebased, setRebased] = useState<R | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  const inFlight = useRef(false);
  const base = rebased ?? opts.base;
  useLeaveGuard(dirty);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    try {
      const answer = await opts.send(base);
      setDirty(false);
      setStale(null);
      opts.onDone?.(answer);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      if (apiErr?.status === 409 && apiErr.body.error.reason === 'stale_version' && opts.reread && base) {
        try {
          const fresh = await opts.reread();
          setStale({ fresh, changed: changedFields(base as Record<string, unknown>, fresh as Record<string, unknown>) });
        } catch (again) {
          setError(again as Error);
        }
      } else setError(err as Error);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const fieldError = (name: string): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    const field = error.body.error.details?.field;
    return field === name || field?.startsWith(`${name}/`) ? error.message : undefined;
  };

  return {
    busy,
    error,
    stale,
    base,
    dirty,
    submit,
    fieldError,
    touch: () => setDirty(true),
    /** Takes the version read after a conflict as the new base; the user's values stay in the form. */
    redo: () => {
      if (!stale) return;
      setRebased(stale.fresh);
      setStale(null);
    },
  };
}
export type FormState = ReturnType<typeof useForm>;

/** Asks before leaving with unsaved changes: closing or reloading the tab, and following an in-app link. */
function useLeaveGuard(dirty: boolean) {
  const { t } = useI18n();
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    // Capture at the document runs before the app's links handle the click, so a refusal stops the navigation.
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a || a.getAttribute('download') !== null || (a as HTMLAnchorElement).target === '_blank') return;
      if (!window.confirm(t('talks.form.leave'))) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, t]);
}

/** A form with its general error area, the stale-version notice and one submit button. */
export function Form({
  form,
  label,
  submitLabel,
  labels,
  children,
  className,
}: {
  form: FormState;
  label: string;
  submitLabel: string;
  /** How the record's fields are called, for the list of what changed meanwhile. */
  labels?: Record<string, string>;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useI18n();
  const general = form.error && !(form.error instanceof ApiError && form.error.body.error.details?.field) ? form.error : null;
  const atField = form.error instanceof ApiError && form.error.body.error.details?.field ? form.error : null;
  return (
    <form className={`edit-form ${className ?? ''}`} aria-label={label} onSubmit={(e) => void form.submit(e)} onChange={form.touch} noValidate>
      {children}
      {form.stale ? <StaleNotice stale={form.stale} labels={labels ?? {}} onRedo={form.redo} /> : null}
      <div role="alert" className="form-error">
        {general ? t('talks.form.refused', { message: general.message }) : atField ? t('talks.form.fixFields') : null}
      </div>
      <button type="submit" className="primary" disabled={form.busy || !!form.stale} aria-busy={form.busy || undefined}>
        {form.busy ? t('talks.form.sending') : submitLabel}
      </button>
    </form>
  );
}

function StaleNotice({ stale, labels, onRedo }: { stale: Stale<{ version: number }>; labels: Record<string, string>; onRedo: () => void }) {
  const { t } = useI18n();
  return (
    <div className="stale notice" role="alert" data-testid="stale">
      <p>
        <strong>{t('talks.form.staleTitle')}</strong> {t('talks.form.staleBody', { version: stale.fresh.version })}
      </p>
      {stale.changed.length ? (
        <>
          <p>{t('talks.form.staleChanged')}</p>
          <ul data-testid="stale-fields">
            {stale.changed.map((f) => (
              <li key={f} data-field={f}>
                {labels[f] ?? f}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('talks.form.staleNoFields')}</p>
      )}
      <button type="button" onClick={onRedo}>
        {t('talks.form.redo')}
      </button>
    </div>
  );
}

/** A labelled field: the input gets its id, and the hint and the server's error are tied to it for screen readers. */
export function Field({
  name,
  label,
  hint,
  error,
  children,
  required,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (p: InputProps) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' invalid' : ''}`} data-field={name}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        name,
        ...(required ? { 'aria-required': true as const } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A group of fields under one legend (a set of checkboxes, a name in three languages). */
export function Group({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className={`group${error ? ' invalid' : ''}`} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>{legend}</legend>
      {children}
      {error ? (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** Parties by their names in the reader's language; `only` narrows them (the forum's members, the parties one speaks for). */
export function PartyPicker({
  value,
  onChange,
  only,
  input,
  empty,
}: {
  value: string;
  onChange: (v: string) => void;
  only?: string[];
  input: InputProps;
  empty?: string;
}) {
  const { parties } = useProcess();
  const { name, lang } = useI18n();
  const options = [...parties.values()]
    .filter((p) => !only || only.includes(p.id))
    .map((p) => ({ id: p.id, label: name(p.names) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <select {...input} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty ?? '—'}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The IANA time zones this browser knows. */
export function TimeZonePicker({ value, onChange, input }: { value: string; onChange: (v: string) => void; input: InputProps }) {
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return all.includes(value) || !value ? all : [value, ...all];
  }, [value]);
  return (
    <select {...input} value={value} onChange={(e) => onChange(e.target.value)}>
      {zones.map((z) => (
        <option key={z} value={z}>
          {z}
        </option>
      ))}
    </select>
  );
}

/** Sources chosen by searching the process's sources by title or publisher; each can be removed again. */
export function SourcePicker({ value, onChange, label, error }: { value: SourceRef[]; onChange: (v: SourceRef[]) => void; label: string; error?: string }) {
  const { sources } = useProcess();
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const id = useId();
  const chosen = new Set(value.map((v) => v.sourceId));
  const words = q.trim().toLowerCase();
  const matches = words ? [...sources.values()].filter((s) => !chosen.has(s.id) && `${s.title} ${s.publisher}`.toLowerCase().includes(words)).slice(0, 6) : [];
  return (
    <Group legend={label} error={error}>
      {value.length ? (
        <ul className="picked">
          {value.map((r) => (
            <li key={r.sourceId}>
              <SourceCite sourceRef={r} />{' '}
              <button type="button" className="link-button" onClick={() => onChange(value.filter((v) => v.sourceId !== r.sourceId))}>
                {t('talks.form.remove', { what: sources.get(r.sourceId)?.title ?? r.sourceId })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={id}>{t('talks.form.findSource')}</label>
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {words ? (
        matches.length ? (
          <ul className="matches">
            {matches.map((s) => (
              <li key={s.id}>
                <button
                  type="button"
                  onClick={() => {
                    onChange([...value, { sourceId: s.id }]);
                    setQ('');
                  }}
                >
                  {t('talks.form.addSource', { title: s.title })}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">{t('talks.form.noSource')}</p>
        )
      ) : null}
    </Group>
  );
}

/** The offset (+03:00) a wall-clock time has in a time zone, so a local time is sent as an instant with its offset. */
export function withZoneOffset(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return local;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (at: number) => {
    const part =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const o = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
    return o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : 0;
  };
  // The offset at the guessed instant, taken again at the corrected one (a change of daylight time in between).
  const minutes = offsetAt(wall - offsetAt(wall) * 60000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export type Precision = 'year' | 'month' | 'day' | 'time';

/** A date with the precision the user knows: a year, a month, a day, or a time in the meeting's zone. */
export function PreciseDateInput({
  value,
  onChange,
  precision,
  onPrecision,
  label,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  precision: Precision;
  onPrecision: (p: Precision) => void;
  label: string;
  error?: string;
}) {
  const { t } = useI18n();
  return (
    <Group legend={label} error={error}>
      <div className="row">
        <Field name="precision" label={t('talks.form.precision')}>
          {(p) => (
            <select
              {...p}
              value={precision}
              onChange={(e) => {
                onPrecision(e.target.value as Precision);
                onChange('');
              }}
            >
              {(['year', 'month', 'day', 'time'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(`talks.form.precision.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="date" label={t('talks.form.when')}>
          {(p) =>
            precision === 'year' ? (
              <input
                {...p}
                {...(error ? { 'aria-invalid': true } : {})}
                type="number"
                min={1900}
                max={2100}
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            ) : (
              <DateInput {...p} {...(error ? { 'aria-invalid': true } : {})} kind={precision} value={value} onChange={onChange} />
            )
          }
        </Field>
      </div>
    </Group>
  );
}
