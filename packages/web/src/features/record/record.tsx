import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { STORED_KINDS } from '@parley/contracts';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useLoad, type Loaded } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { En, Load, PageTitle, PartyName } from '../../ui/common.tsx';
import { Toggle } from '../talks/forms.tsx';
import { isEditableKind, isStoredKind, PublishForm, readAudienced } from '../talks/publish.tsx';
import type { StoredKind } from '@parley/contracts';
import { VersionHistory } from './history.tsx';
import {
  checkWitness,
  FormatError,
  readCheckpoint,
  tamperBody,
  toBase64,
  verifyReceipt,
  type Receipt,
  type ReceiptVerification,
  type StepStatus,
} from './verify.ts';

/** The kinds of record a reader can look up here (the log's record types). */
const TYPES = [...STORED_KINDS, 'witness'] as const;

/** The address of a record's verification, for "Verify in the record" links on other pages. */
export const recordPath = (type: string, id: string) => `/record/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;

/** A link to verify a record's receipt; `what` names the record for screen readers when the link text repeats. */
export function VerifyLink({ type, id, what }: { type: string; id: string; what?: string }) {
  const { t } = useI18n();
  return (
    <Link to={recordPath(type, id)} className="verify-link" data-verify={`${type}/${id}`}>
      {t('record.verifyLink')}
      {what ? <span className="visually-hidden"> ({what})</span> : null}
    </Link>
  );
}

function Mark({ status }: { status: StepStatus | boolean | null }) {
  const { t } = useI18n();
  const s: StepStatus = status === true ? 'pass' : status === false ? 'fail' : status === null ? 'skip' : status;
  return (
    <span className={`mark mark-${s}`}>
      <span aria-hidden="true">{s === 'pass' ? '✓' : s === 'fail' ? '✗' : '–'}</span>
      <span className="visually-hidden">{t(`record.status.${s}`)}</span>
    </span>
  );
}

const Hash = ({ children }: { children: ReactNode }) => <code className="hash">{children}</code>;

/** A sentence with {placeholders} where hashes and names go in <code>, the rest translated. */
function Sentence({ text, values }: { text: string; values: Record<string, string> }) {
  const parts = text.split(/(\{[a-zA-Z]+\})/);
  return (
    <>
      {parts.map((p, i) => {
        const m = /^\{([a-zA-Z]+)\}$/.exec(p);
        if (!m) return p;
        const v = values[m[1]!] ?? '';
        return /^(got|want|leaf|key|keyHash|origin|expected)$/.test(m[1]!) ? <Hash key={i}>{v}</Hash> : <span key={i}>{v}</span>;
      })}
    </>
  );
}

/** Load, but a browser without WebCrypto (a page not served over HTTPS) is told so plainly. */
function Checked<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (loaded.state === 'error' && loaded.error instanceof FormatError && loaded.error.message === 'no-webcrypto')
    return <p role="alert">{t('record.noWebcrypto')}</p>;
  return <Load loaded={loaded}>{children}</Load>;
}

// ------------------------------------------------------------------ the current checkpoint

function CheckpointPanel() {
  const { t, date } = useI18n();
  const { process, viewer } = useProcess();
  const loaded = useLoad(async () => {
    const [note, key] = await Promise.all([
      api.logCheckpoint(process.id),
      api.GET('/api/processes/{processId}/log/key', { params: { path: { processId: process.id } } }),
    ]);
    const view = await readCheckpoint(note, key.key);
    const witnesses = await Promise.all(
      view.cosignatures.map(async (line) => {
        const registration = await api
          .GET('/api/processes/{processId}/log/records/{type}/{id}/receipt', { params: { path: { processId: process.id, type: 'witness', id: line.name } } })
          .catch(() => null);
        return checkWitness(view.note, line, registration, key.key, key.origin);
      }),
    );
    return { note, key, view, witnesses };
  }, [process.id, viewer]);
  return (
    <section aria-labelledby="cp-h" className="card" data-testid="checkpoint">
      <h2 id="cp-h">{t('record.checkpoint')}</h2>
      <Checked loaded={loaded}>
        {({ note, key, view, witnesses }) => (
          <>
            <dl className="facts">
              <div>
                <dt>{t('record.origin')}</dt>
                <dd>
                  <Hash>{view.checkpoint.origin}</Hash>
                </dd>
              </div>
              <div>
                <dt>{t('record.size')}</dt>
                <dd data-testid="checkpoint-size">{t('record.entries', { n: Number(view.checkpoint.size) })}</dd>
              </div>
              <div className="fact-wide">
                <dt>{t('record.root')}</dt>
                <dd>
                  <Hash>{toBase64(view.checkpoint.root)}</Hash>
                </dd>
              </div>
            </dl>
            <p data-testid="log-signature">
              <Mark status={view.logSignature} />{' '}
              <Sentence text={t(view.logSignature ? 'record.logSigned' : 'record.logNotSigned')} values={{ key: view.logKey.name }} />
            </p>
            <h3>{t('record.signatures')}</h3>
            <ul className="sig-lines">
              {view.note.signatures.map((s) => (
                <li key={s.line}>
                  <span className="small muted">{view.cosignatures.includes(s) ? t('record.lineWitness') : t('record.lineLog')}</span>
                  <Hash>{s.line}</Hash>
                </li>
              ))}
            </ul>
            <h3>{t('record.witnesses')}</h3>
            {witnesses.length ? (
              <div className="table-scroll">
                <table className="witnesses">
                  <thead>
                    <tr>
                      <th scope="col">{t('record.witness')}</th>
                      <th scope="col">{t('record.party')}</th>
                      <th scope="col">{t('record.cosignedAt')}</th>
                      <th scope="col">{t('record.check')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {witnesses.map((w) => (
                      <tr key={w.name} data-witness={w.name}>
                        <th scope="row">
                          <Hash>{w.name}</Hash>
                        </th>
                        <td>{w.partyId ? <PartyName id={w.partyId} /> : <span className="muted">{t('record.unknownParty')}</span>}</td>
                        <td>{w.time !== null ? date(new Date(Number(w.time) * 1000).toISOString()) : ''}</td>
                        <td>
                          <Mark status={w.registered ? w.cosigned : null} />{' '}
                          {t(!w.registered ? 'record.witnessUnregistered' : w.cosigned ? 'record.witnessValid' : 'record.witnessInvalid')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="muted">{t('record.noWitnesses')}</p>
            )}
            <p className="small muted">
              {t('record.keyNote')} <Hash>{key.key}</Hash>
            </p>
            <details>
              <summary>{t('record.rawNote')}</summary>
              <pre className="note">{note}</pre>
            </details>
          </>
        )}
      </Checked>
    </section>
  );
}

// ------------------------------------------------------------------ verifying a receipt

function VerifyForm({ type, id }: { type: string; id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [kind, setKind] = useState(type || 'party');
  const [rid, setRid] = useState(id);
  const ids = useId();
  useEffect(() => {
    setKind(type || 'party');
    setRid(id);
  }, [type, id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (rid.trim()) navigate(recordPath(kind, rid.trim()));
  };
  return (
    <form className="verify-form" onSubmit={submit} aria-labelledby="verify-h">
      <div className="field">
        <label htmlFor={`${ids}-type`}>{t('record.type')}</label>
        <select id={`${ids}-type`} value={kind} onChange={(e) => setKind(e.target.value)}>
          {TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`record.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-id`}>{t('record.id')}</label>
        <input id={`${ids}-id`} value={rid} onChange={(e) => setRid(e.target.value)} required spellCheck={false} autoComplete="off" />
      </div>
      <button type="submit">{t('record.verify')}</button>
    </form>
  );
}

function ReceiptCheck({ type, id }: { type: string; id: string }) {
  const { process, viewer } = useProcess();
  const loaded = useLoad(async () => {
    const [receipt, key] = await Promise.all([
      api.GET('/api/processes/{processId}/log/records/{type}/{id}/receipt', { params: { path: { processId: process.id, type, id } } }),
      api.GET('/api/processes/{processId}/log/key', { params: { path: { processId: process.id } } }),
    ]);
    return { receipt, key };
  }, [process.id, type, id, viewer]);
  return <Load loaded={loaded}>{({ receipt, key }) => <ReceiptView receipt={receipt} logKey={key.key} origin={key.origin} />}</Load>;
}

function ReceiptView({ receipt, logKey, origin }: { receipt: Receipt; logKey: string; origin: string }) {
  const { t } = useI18n();
  const [tamper, setTamper] = useState(false);
  const tampered = useMemo(() => tamperBody(receipt), [receipt]);
  const checked = tamper && tampered ? tampered.receipt : receipt;
  return (
    <div className="receipt">
      <Envelope receipt={receipt} />
      <div className="tamper">
        <label>
          <input type="checkbox" checked={tamper && !!tampered} disabled={!tampered} onChange={(e) => setTamper(e.target.checked)} /> {t('record.tamper')}
        </label>
        <p className="small muted">{tampered ? t('record.tamperHelp') : t('record.tamperNoBody')}</p>
        {tamper && tampered ? (
          <p className="notice" data-testid="tamper-notice">
            {t('record.tampered', { field: tampered.path })}
          </p>
        ) : null}
      </div>
      <Steps receipt={checked} logKey={logKey} origin={origin} />
      <details>
        <summary>{t('record.rawReceipt')}</summary>
        <pre className="note">{JSON.stringify(checked, null, 2)}</pre>
      </details>
    </div>
  );
}

function Envelope({ receipt }: { receipt: Receipt }) {
  const { t, date } = useI18n();
  const e = receipt.envelope as { type?: string; recordId?: string; version?: number; at?: string; author?: string };
  return (
    <dl className="facts">
      <div>
        <dt>{t('record.type')}</dt>
        <dd>{e.type ? t(`record.kind.${e.type}` as MessageKey) : ''}</dd>
      </div>
      <div>
        <dt>{t('record.id')}</dt>
        <dd>
          <Hash>{e.recordId}</Hash>
        </dd>
      </div>
      <div>
        <dt>{t('record.version')}</dt>
        <dd>{e.version}</dd>
      </div>
      <div>
        <dt>{t('record.at')}</dt>
        <dd>{e.at ? <time dateTime={e.at}>{date(e.at)}</time> : null}</dd>
      </div>
      <div>
        <dt>{t('record.author')}</dt>
        <dd>{e.author}</dd>
      </div>
      <div>
        <dt>{t('record.index')}</dt>
        <dd>{receipt.index}</dd>
      </div>
    </dl>
  );
}

function Steps({ receipt, logKey, origin }: { receipt: Receipt; logKey: string; origin: string }) {
  const { t, number } = useI18n();
  const loaded = useLoad<ReceiptVerification>(() => verifyReceipt(receipt, logKey, origin), [receipt, logKey, origin]);
  return (
    <Checked loaded={loaded}>
      {(v) => (
        <>
          <ol className="steps" aria-label={t('record.steps')}>
            {v.steps.map((s) => (
              <li key={s.id} className={`step step-${s.status}`} data-step={s.id} data-status={s.status}>
                <Mark status={s.status} />
                <div>
                  <strong>{t(`record.step.${s.id}` as MessageKey)}</strong>
                  <p>
                    <Sentence
                      text={t(`record.${s.id}.${s.outcome}` as MessageKey)}
                      values={{ ...s.values, size: s.values.size ? number(Number(s.values.size)) : '' }}
                    />
                    {s.problem ? (
                      <>
                        {' '}
                        <En>{s.problem}</En>
                      </>
                    ) : null}
                  </p>
                </div>
              </li>
            ))}
          </ol>
          <p role="status" className={`verdict verdict-${v.ok ? 'pass' : 'fail'}`} data-testid="verdict">
            <Mark status={v.ok} /> {t(!v.ok ? 'record.verdict.fail' : v.bodyVerified ? 'record.verdict.ok' : 'record.verdict.envelope')}
          </p>
        </>
      )}
    </Checked>
  );
}

/** Who may read the record now and, for those whose abilities allow it, the control that changes it. */
function AudiencePanel({ kind, id }: { kind: StoredKind; id: string }) {
  const { t, name } = useI18n();
  const { process, viewer, parties } = useProcess();
  const [rev, setRev] = useState(0);
  const [open, setOpen] = useState(false);
  const loaded = useLoad(() => readAudienced(process.id, kind, id), [process.id, kind, id, viewer, rev]);
  if (loaded.state !== 'ready') return null;
  const r = loaded.data;
  const acts = r.abilities.actions;
  const editKind = isEditableKind(kind) ? kind : null;
  const may = acts.includes('publish') || acts.includes('restrict');
  return (
    <div className="audience-panel" data-testid="record-audience">
      <p>
        {t('talks.form.audience')}: <strong>{t(`audience.${r.audience}` as MessageKey, { party: name(parties.get(r.audienceParty ?? '')?.names) })}</strong>
      </p>
      {may && editKind ? (
        <>
          <Toggle
            label={acts.includes('publish') ? t('talks.form.publish') : t('records.audience.change')}
            open={open}
            onToggle={() => setOpen(!open)}
            controls="record-audience-form"
          />
          <div id="record-audience-form">
            {open ? (
              <PublishForm
                key={r.version}
                kind={editKind}
                record={r}
                onDone={() => {
                  setOpen(false);
                  setRev((n) => n + 1);
                }}
              />
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

export function RecordPage({ type = '', id = '' }: { type?: string; id?: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle text={t('record.title')} />
      <p className="lead">{t('record.intro')}</p>
      <div className="grid record-grid">
        <section aria-labelledby="verify-h" className="card" data-testid="verify">
          <h2 id="verify-h">{t('record.verifyTitle')}</h2>
          <p className="small muted">{t('record.verifyHelp')}</p>
          <VerifyForm type={type} id={id} />
          {type && id && isStoredKind(type) ? <AudiencePanel key={`a:${type}/${id}`} kind={type} id={id} /> : null}
          {type && id ? <ReceiptCheck key={`${type}/${id}`} type={type} id={id} /> : null}
          {type && id ? <VersionHistory key={`history-${type}/${id}`} kind={type} id={id} /> : null}
        </section>
        <CheckpointPanel />
      </div>
    </>
  );
}
