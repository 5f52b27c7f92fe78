import type { CandidateView, ReadingView } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Badge, PartyName, PersonName } from '../../ui/common.tsx';
import { Field, Form, PartyPicker, useForm } from '../../ui/form.tsx';
import { STANCES } from '../statements/statements-table.tsx';

const QUALIFIERS = ['exactly', 'more_than', 'at_least', 'about', 'fewer_than', 'up_to'] as const;

/** The status an event reports for the meeting it was matched to, as the server would move it (use-cases/sources/review.ts). */
function meetingMove(c: CandidateView): 'cancelled' | 'postponed' | 'held' | undefined {
  if (c.kind !== 'event' || c.match?.kind !== 'meeting') return undefined;
  if (c.mode === 'cancelled' || c.mode === 'postponed') return c.mode;
  return c.mode === 'occurred' && c.type === 'consult' ? 'held' : undefined;
}

/** Who a statement's speaker was resolved to, how sure the reader is and why; an unmatched speaker is said plainly. */
function Speaker({ c }: { c: Extract<CandidateView, { kind: 'statement' }> }) {
  const { t, number } = useI18n();
  if (!c.speaker) return <>{t('review.speaker.none')}</>;
  const r = c.speaker.resolved;
  return (
    <>
      <q>{c.speaker.mention}</q>{' '}
      {r ? (
        <>
          → {r.kind === 'person' ? <PersonName id={r.id} /> : <PartyName id={r.id} />}{' '}
          <span className="small muted">{t('review.speaker.how', { confidence: number(Math.round(r.confidence * 100)), how: r.how })}</span>
        </>
      ) : (
        <span className="small muted">{t('review.speaker.unmatched')}</span>
      )}
    </>
  );
}

function Facts({ c, text }: { c: CandidateView; text: string }) {
  const { t, number, date } = useI18n();
  if (c.kind === 'statement')
    return (
      <dl className="facts">
        <div>
          <dt>{t('review.speaker')}</dt>
          <dd>
            <Speaker c={c} />
          </dd>
        </div>
        <div>
          <dt>{t('review.speech')}</dt>
          <dd>
            {t(`review.speech.${c.speech}`)}
            {c.cue ? (
              <>
                {' '}
                · <q>{c.cue.text}</q>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('review.stance')}</dt>
          <dd data-stance={c.stance}>
            {t(`stance.${c.stance}`)}
            {c.trigger ? (
              <>
                {' '}
                · <q>{c.trigger.text}</q>
              </>
            ) : null}
          </dd>
        </div>
        <div className="wide">
          <dt>{t('review.content')}</dt>
          <dd>
            <blockquote>{text.slice(c.content.start, c.content.end)}</blockquote>
          </dd>
        </div>
      </dl>
    );
  if (c.kind === 'figure')
    return (
      <dl className="facts">
        <div>
          <dt>{t('review.figure')}</dt>
          <dd data-figure={`${c.qualifier} ${c.value}`}>
            {t(`review.qualifier.${c.qualifier}`)} {number(c.value)} {c.unit} · {c.measure}
          </dd>
        </div>
        <div>
          <dt>{t('review.period')}</dt>
          <dd>
            {c.period ? (
              <>
                <q>{c.period.text}</q> → <time dateTime={c.period.from}>{date(c.period.from)}</time> – <time dateTime={c.period.to}>{date(c.period.to)}</time>
              </>
            ) : (
              t('review.period.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('review.attributed')}</dt>
          <dd>{c.attributedTo ? <q>{c.attributedTo.mention}</q> : t('review.attributed.none')}</dd>
        </div>
      </dl>
    );
  return (
    <dl className="facts">
      <div>
        <dt>{t('review.event')}</dt>
        <dd data-event={`${c.type} ${c.mode}`}>
          {c.type} · {c.mode} · <q>{c.trigger.text}</q>
        </dd>
      </div>
      <div>
        <dt>{t('review.actors')}</dt>
        <dd>
          {c.actors.length
            ? c.actors.map((a, i) => (
                <span key={i}>
                  {i ? ', ' : ''}
                  {a.partyId ? <PartyName id={a.partyId} /> : <q>{a.mention}</q>} ({t(`review.role.${a.role}`)})
                </span>
              ))
            : '—'}
        </dd>
      </div>
      <div>
        <dt>{t('review.when')}</dt>
        <dd>
          {c.date ? (
            <>
              <q>{c.date.text}</q> → <time dateTime={c.date.from}>{date(c.date.from)}</time>
            </>
          ) : (
            '—'
          )}
        </dd>
      </div>
      {c.match ? (
        <div>
          <dt>{t('review.match')}</dt>
          <dd>
            <Link to={c.match.kind === 'meeting' ? `/talks/${encodeURIComponent(c.match.id)}` : `/monitoring/incidents/${encodeURIComponent(c.match.id)}`}>
              {t(`review.match.${c.match.kind}`)}
            </Link>{' '}
            <span className="small muted">{t('review.speaker.how', { confidence: number(Math.round(c.match.confidence * 100)), how: c.match.why })}</span>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** One candidate: what the reader proposes, where it read it, and the reviewer's three answers. */
export function CandidateCard({
  c,
  text,
  sourceId,
  chosen,
  onChoose,
  may,
  mediator,
  onDecided,
}: {
  c: CandidateView;
  text: string;
  sourceId: string;
  chosen: boolean;
  onChoose: () => void;
  may: boolean;
  /** Only the mediator moves meetings; the offer to move the matched one is theirs. */
  mediator: boolean;
  onDecided: (r: ReadingView) => void;
}) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [editing, setEditing] = useState(false);
  const moves = mediator ? meetingMove(c) : undefined;
  const [move, setMove] = useState(false);
  const decide = (body: { decision: 'confirm'; record?: Record<string, unknown>; moveMeeting?: boolean } | { decision: 'reject' }) =>
    api.POST('/api/processes/{processId}/sources/{sourceId}/candidates/{n}/decision', { params: { path: { processId: process.id, sourceId, n: c.n } }, body });
  const quick = useForm<{ version: number }>({
    send: () => decide({ decision: 'confirm', ...(moves && move ? { moveMeeting: true } : {}) }),
    onDone: (r) => onDecided(r as ReadingView),
  });
  const reject = useForm<{ version: number }>({ send: () => decide({ decision: 'reject' }), onDone: (r) => onDecided(r as ReadingView) });
  const label = t(`review.kind1.${c.kind}`);
  return (
    <li className={`card candidate state-${c.state}${chosen ? ' chosen' : ''}`} data-candidate={c.n} data-kind={c.kind} aria-label={`${label} ${c.n + 1}`}>
      <p className="candidate-head">
        <Badge kind={c.state}>{t(`review.state.${c.state}`)}</Badge>{' '}
        <button type="button" className="link-button" aria-pressed={chosen} onClick={onChoose}>
          {chosen ? t('review.hide') : t('review.show')}
        </button>
      </p>
      <Facts c={c} text={text} />
      {c.state === 'confirmed' && c.record ? (
        <p className="small">
          <Link to={`/record/${c.record.kind}/${encodeURIComponent(c.record.id)}`}>{t('review.openRecord')}</Link>
          {c.decidedBy ? <> · {t('review.by', { who: c.decidedBy })}</> : null}
        </p>
      ) : null}
      {c.state === 'rejected' && c.decidedBy ? <p className="small muted">{t('review.rejectedBy', { who: c.decidedBy })}</p> : null}
      {may && c.state !== 'confirmed' ? (
        <div className="candidate-actions">
          <form onSubmit={(e) => void quick.submit(e)} aria-label={t('review.confirm')}>
            {moves ? (
              <label className="move-meeting">
                <input type="checkbox" checked={move} onChange={(e) => setMove(e.target.checked)} /> {t('review.moveMeeting', { status: t(`status.${moves}`) })}
              </label>
            ) : null}
            <button type="submit" className="primary" disabled={quick.busy}>
              {t('review.confirm')}
            </button>
          </form>
          <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {t('review.edit')}
          </button>
          {c.state === 'pending' ? (
            <form onSubmit={(e) => void reject.submit(e)} aria-label={t('review.reject')}>
              <button type="submit" disabled={reject.busy}>
                {t('review.reject')}
              </button>
            </form>
          ) : null}
          <p role="alert" className="form-error">
            {quick.error?.message ?? reject.error?.message ?? null}
          </p>
        </div>
      ) : null}
      {editing && may && c.state !== 'confirmed' ? <Correction c={c} text={text} decide={decide} onDone={onDecided} /> : null}
    </li>
  );
}

/** Confirm with corrections: the fields a reviewer most often fixes; the server checks the result like any record. */
function Correction({
  c,
  text,
  decide,
  onDone,
}: {
  c: CandidateView;
  text: string;
  decide: (b: { decision: 'confirm'; record: Record<string, unknown> }) => Promise<unknown>;
  onDone: (r: ReadingView) => void;
}) {
  const { t, name } = useI18n();
  const { people } = useProcess();
  const [stance, setStance] = useState(c.kind === 'statement' ? c.stance : 'report');
  const [speaker, setSpeaker] = useState(c.kind === 'statement' && c.speaker?.resolved?.kind === 'person' ? c.speaker.resolved.id : '');
  const [qualifier, setQualifier] = useState(c.kind === 'figure' ? c.qualifier : 'exactly');
  const [value, setValue] = useState(c.kind === 'figure' ? String(c.value) : '');
  const [measure, setMeasure] = useState(c.kind === 'figure' ? c.measure : '');
  const [words, setWords] = useState(text.slice(c.span.start, c.span.end));
  const [party, setParty] = useState(c.kind === 'event' ? (c.actors.find((a) => a.role === 'source')?.partyId ?? '') : '');
  const form = useForm<{ version: number }>({
    send: () =>
      decide({
        decision: 'confirm',
        record:
          c.kind === 'statement'
            ? { stance, ...(speaker ? { speakerId: speaker } : {}) }
            : c.kind === 'figure'
              ? { qualifier, value: Number(value), measure }
              : { text: words, ...(party ? { claimantPartyId: party } : {}) },
      }),
    onDone: (r) => onDone(r as ReadingView),
  });
  return (
    <Form form={form} label={t('review.edit')} submitLabel={t('review.confirmEdited')} className="correction">
      {c.kind === 'statement' ? (
        <>
          <Field name="stance" label={t('review.stance')} error={form.fieldError('stance')}>
            {(p) => (
              <select {...p} value={stance} onChange={(e) => setStance(e.target.value as typeof stance)}>
                {STANCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`stance.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="speakerId" label={t('review.speaker')} error={form.fieldError('speakerId')}>
            {(p) => (
              <select {...p} value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
                <option value="">{t('review.speaker.asRead')}</option>
                {[...people.values()].map((x) => (
                  <option key={x.id} value={x.id}>
                    {name(x.names)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : c.kind === 'figure' ? (
        <>
          <Field name="qualifier" label={t('review.qualifier')} error={form.fieldError('qualifier')}>
            {(p) => (
              <select {...p} value={qualifier} onChange={(e) => setQualifier(e.target.value as typeof qualifier)}>
                {QUALIFIERS.map((q) => (
                  <option key={q} value={q}>
                    {t(`review.qualifier.${q}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="value" label={t('review.value')} error={form.fieldError('value')}>
            {(p) => <input {...p} type="number" min={0} value={value} onChange={(e) => setValue(e.target.value)} />}
          </Field>
          <Field name="measure" label={t('review.measure')} error={form.fieldError('measure')}>
            {(p) => <input {...p} value={measure} maxLength={80} onChange={(e) => setMeasure(e.target.value)} />}
          </Field>
        </>
      ) : (
        <>
          <Field name="text" label={t('review.claimText')} error={form.fieldError('text')}>
            {(p) => <textarea {...p} rows={3} value={words} onChange={(e) => setWords(e.target.value)} />}
          </Field>
          <Field name="claimantPartyId" label={t('review.claimant')} error={form.fieldError('claimantPartyId')}>
            {(p) => <PartyPicker input={p} value={party} onChange={setParty} />}
          </Field>
        </>
      )}
    </Form>
  );
}
