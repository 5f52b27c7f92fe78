import { ApiError } from '@parley/contracts';
import './admin.css';
import { useRef, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { throttleMessage } from '../auth/throttle-message.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Reasons said in the reader's language; any other refusal shows the server's own (English) message. */
const REASONS: Partial<Record<string, MessageKey>> = {
  link_not_found: 'admin.link.notFound',
  link_expired: 'admin.link.expired',
  link_used: 'admin.link.used',
  link_revoked: 'admin.link.revoked',
  weak_password: 'admin.error.weakPassword',
  password_too_long: 'admin.error.passwordTooLong',
  bad_username: 'admin.error.badUsername',
  invalid_pattern: 'admin.error.pattern',
  already_exists: 'admin.error.exists',
  unknown_account: 'admin.error.unknownAccount',
  party_required: 'admin.error.partyRequired',
  unknown_reference: 'admin.error.unknownParty',
  not_process_administrator: 'admin.error.notAllowed',
  missing_field: 'admin.error.required',
  area_not_closed: 'work.error.area_not_closed',
  self_intersecting_area: 'work.error.self_intersecting_area',
  crosses_antimeridian: 'work.error.crosses_antimeridian',
};

export interface Refusal {
  /** The input the server named (details.field), if any. */
  field: string | null;
  text: string;
  /** The server's own words when they add something (a weak password's advice), in English. */
  detail: string | null;
  status: number;
  reason: string;
}

export function refusalOf(err: unknown, t: T): Refusal {
  if (!(err instanceof ApiError)) return { field: null, text: t('admin.error.network'), detail: (err as Error).message, status: 0, reason: 'network' };
  const { reason, message, details } = err.body.error;
  const wait = throttleMessage(err, t);
  const known = REASONS[reason];
  const field = typeof (details as { field?: unknown } | undefined)?.field === 'string' ? (details as { field: string }).field : null;
  return {
    field,
    text: wait ?? (known ? t(known) : message),
    detail: reason === 'weak_password' ? message : null,
    status: err.status,
    reason,
  };
}

/** A form's one request at a time: the button is disabled while it runs, and the refusal is kept for the fields. */
export function useSubmit() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const running = useRef(false);
  const run = (work: () => Promise<void>) => async (e?: FormEvent) => {
    e?.preventDefault();
    if (running.current) return; // a double click submits once
    running.current = true;
    setBusy(true);
    setRefusal(null);
    try {
      await work();
    } catch (err) {
      setRefusal(refusalOf(err, t));
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, refusal, setRefusal, run };
}

/** The refusal for the whole form, when the server named no field of it. */
export function FormError({ refusal, fields }: { refusal: Refusal | null; fields: string[] }) {
  if (!refusal || (refusal.field && fields.includes(refusal.field))) return null;
  return (
    <p role="alert" className="error">
      {refusal.text}
      {refusal.detail ? (
        <>
          {' '}
          <span lang="en">{refusal.detail}</span>
        </>
      ) : null}
    </p>
  );
}

/** A labelled input that shows the server's refusal when it names this field. */
export function Field({
  id,
  name,
  label,
  hint,
  refusal,
  ...input
}: { id: string; name: string; label: string; hint?: ReactNode; refusal: Refusal | null } & InputHTMLAttributes<HTMLInputElement>) {
  const wrong = refusal?.field === name;
  const described = [hint ? `${id}-hint` : null, wrong ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
      <input id={id} name={name} aria-invalid={wrong || undefined} aria-describedby={described} {...input} />
      {wrong ? (
        <span id={`${id}-error`} className="error" role="alert">
          {refusal.text}
          {refusal.detail ? (
            <>
              {' '}
              <span lang="en">{refusal.detail}</span>
            </>
          ) : null}
        </span>
      ) : null}
    </>
  );
}

/** The username and password pair of the set-up and invite pages, with the password rule said up front. */
export function NewAccountFields({
  username,
  password,
  setUsername,
  setPassword,
  refusal,
  prefix,
}: {
  username: string;
  password: string;
  setUsername(v: string): void;
  setPassword(v: string): void;
  refusal: Refusal | null;
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <Field
        id={`${prefix}-username`}
        name="username"
        label={t('admin.username')}
        hint={t('admin.usernameRule')}
        refusal={refusal}
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Field
        id={`${prefix}-password`}
        name="password"
        type="password"
        label={t('admin.newPassword')}
        hint={t('admin.passwordRule')}
        refusal={refusal}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </>
  );
}
