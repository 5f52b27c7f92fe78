import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useRouter } from '../../app/router.tsx';
import type { Agreement, Provision, SourceRef } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, Form, Group, PartyPicker, PreciseDateInput, SourcePicker, useForm, type Precision } from '../../ui/form.tsx';
import { CATEGORIES, STAGES, stageKey } from './pax.ts';
import { LevelLegend } from './legend.tsx';
import { DateInput } from '../../ui/date-input.tsx';

const LANGS = ['en', 'uk', 'ru'] as const;
type Trio = Record<(typeof LANGS)[number], string>;
const blank: Trio = { en: '', uk: '', ru: '' };
/** Names as the API takes them: English required, the others only when given. */
export const names = (v: Trio) => ({
  en: v.en.trim(),
  ...(v.uk.trim() ? { uk: v.uk.trim() } : {}),
  ...(v.ru.trim() ? { ru: v.ru.trim() } : {}),
});
const today = () => new Date().toISOString().slice(0, 10);

/** One text in English, Ukrainian and Russian; the field named `name/en` etc. gets the server's refusal. */
export function NamesFields({
  name,
  label,
  value,
  onChange,
  error,
  long,
}: {
  name: string;
  label: string;
  value: Trio;
  onChange: (v: Trio) => void;
  error: (f: string) => string | undefined;
  long?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Group legend={label} error={error(name) && !LANGS.some((l) => error(`${name}/${l}`)) ? error(name) : undefined}>
      <div className="row">
        {LANGS.map((l) => (
          <Field key={l} name={`${name}/${l}`} label={t(`records.lang.${l}` as MessageKey)} error={error(`${name}/${l}`)} required={l === 'en'}>
            {(p) =>
              long ? (
                <textarea {...p} lang={l} maxLength={4000} value={value[l]} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
              ) : (
                <input {...p} lang={l} maxLength={500} value={value[l]} onChange={(e) => onChange({ ...value, [l]: e.target.value })} />
              )
            }
          </Field>
        ))}
      </div>
    </Group>
  );
}

/** People by their names in the reader's language. */
export function PersonPicker({ value, onChange, input }: { value: string; onChange: (v: string) => void; input: Parameters<typeof PartyPicker>[0]['input'] }) {
  const { people } = useProcess();
  const { name, lang } = useI18n();
  const options = [...people.values()].map((p) => ({ id: p.id, label: name(p.names) })).sort((a, b) => a.label.localeCompare(b.label, lang));
  return (
    <select {...input} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

interface SignatoryDraft {
  personId: string;
  onBehalfOf: string;
  capacity: string;
}

/** The mediator records an agreement: titles in three languages, date, stage, signatories and sources. */
export function CreateAgreementForm() {
  const { t } = useI18n();
  const { process } = useProcess();
  const { navigate } = useRouter();
  const [titles, setTitles] = useState<Trio>(blank);
  const [shortName, setShortName] = useState('');
  const [date, setDate] = useState(today());
  const [precision, setPrecision] = useState<Precision>('day');
  const [stage, setStage] = useState('');
  const [signatories, setSignatories] = useState<SignatoryDraft[]>([]);
  const [sources, setSources] = useState<SourceRef[]>([]);
  const [audience, setAudience] = useState<'public' | 'forum' | 'mediator'>('mediator');
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/agreements', {
        params: { path: { processId: process.id } },
        body: {
          titles: names(titles),
          shortNames: shortName.trim() ? [shortName.trim()] : [],
          date,
          ...(stage ? { stage } : {}),
          external: [],
          signatories: signatories.map((s) => ({ personId: s.personId, capacity: s.capacity.trim(), ...(s.onBehalfOf ? { onBehalfOf: s.onBehalfOf } : {}) })),
          thirdParties: [],
          relations: [],
          sources,
          audience,
        },
      }),
    onDone: (a) => navigate(`/agreements/${(a as { id: string }).id}`),
  });
  const setSig = (i: number, patch: Partial<SignatoryDraft>) => setSignatories((ss) => ss.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Form form={form} label={t('records.agreement.create')} submitLabel={t('records.agreement.createSubmit')}>
      <NamesFields name="titles" label={t('records.agreement.titles')} value={titles} onChange={setTitles} error={form.fieldError} />
      <div className="row">
        <Field name="shortNames" label={t('records.agreement.shortName')} error={form.fieldError('shortNames')}>
          {(p) => <input {...p} lang="en" maxLength={100} value={shortName} onChange={(e) => setShortName(e.target.value)} />}
        </Field>
        <Field name="stage" label={t('agreements.stage')} error={form.fieldError('stage')}>
          {(p) => (
            <select {...p} value={stage} onChange={(e) => setStage(e.target.value)}>
              <option value="">—</option>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(stageKey(s)!)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <PreciseDateInput
        label={t('agreements.date')}
        value={date}
        onChange={setDate}
        precision={precision}
        onPrecision={setPrecision}
        error={form.fieldError('date')}
      />
      <fieldset>
        <legend>{t('agreements.signatories')}</legend>
        {signatories.map((s, i) => (
          <div key={i} className="claim-edit">
            <Field
              name={`signatories/${i}/personId`}
              label={t('records.agreement.signatory', { n: i + 1 })}
              error={form.fieldError(`signatories/${i}/personId`)}
              required
            >
              {(p) => <PersonPicker input={p} value={s.personId} onChange={(personId) => setSig(i, { personId })} />}
            </Field>
            <Field
              name={`signatories/${i}/onBehalfOf`}
              label={t('records.agreement.onBehalfOf', { n: i + 1 })}
              error={form.fieldError(`signatories/${i}/onBehalfOf`)}
            >
              {(p) => <PartyPicker input={p} value={s.onBehalfOf} onChange={(onBehalfOf) => setSig(i, { onBehalfOf })} />}
            </Field>
            <Field
              name={`signatories/${i}/capacity`}
              label={t('records.agreement.capacity', { n: i + 1 })}
              error={form.fieldError(`signatories/${i}/capacity`)}
              required
            >
              {(p) => <input {...p} lang="en" maxLength={300} value={s.capacity} onChange={(e) => setSig(i, { capacity: e.target.value })} />}
            </Field>
            <button type="button" onClick={() => setSignatories((ss) => ss.filter((_, j) => j !== i))}>
              {t('records.agreement.removeSignatory', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setSignatories((ss) => [...ss, { personId: '', onBehalfOf: '', capacity: '' }])}>
          {t('records.agreement.addSignatory')}
        </button>
      </fieldset>
      <SourcePicker label={t('source.sources')} value={sources} onChange={setSources} error={form.fieldError('sources')} />
      <Field name="audience" label={t('talks.form.audience')} error={form.fieldError('audience')}>
        {(p) => (
          <select {...p} value={audience} onChange={(e) => setAudience(e.target.value as typeof audience)}>
            {(['mediator', 'forum', 'public'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`talks.form.audience.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </Form>
  );
}

/** The mediator adds a numbered provision: its paraphrase in three languages, categories by full name, obligated parties. */
export function AddProvisionForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { t } = useI18n();
  const { process, parties } = useProcess();
  const { name } = useI18n();
  const [number, setNumber] = useState('');
  const [paraphrase, setParaphrase] = useState<Trio>(blank);
  const [categories, setCategories] = useState<string[]>([]);
  const [obligated, setObligated] = useState<string[]>([]);
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/agreements/{id}/provisions', {
        params: { path: { processId: process.id, id: agreement.id } },
        body: { number: number.trim(), paraphrase: names(paraphrase), categories, obligated, dependsOn: [] },
      }),
    onDone,
  });
  const flip = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <Form form={form} label={t('records.provision.add')} submitLabel={t('records.provision.addSubmit')}>
      <Field name="number" label={t('records.provision.number')} hint={t('records.provision.numberHint')} error={form.fieldError('number')} required>
        {(p) => <input {...p} inputMode="decimal" pattern="[0-9]{1,3}(\.[0-9]{1,3})*" value={number} onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <NamesFields name="paraphrase" label={t('records.provision.paraphrase')} value={paraphrase} onChange={setParaphrase} error={form.fieldError} long />
      <Group legend={t('agreements.categories')} error={form.fieldError('categories')}>
        <div className="checks">
          {CATEGORIES.map((c) => (
            <label key={c}>
              <input type="checkbox" checked={categories.includes(c)} onChange={() => setCategories((cs) => flip(cs, c))} />{' '}
              {t(`records.category.${c}` as MessageKey)}
            </label>
          ))}
        </div>
      </Group>
      <Group legend={t('agreements.obligated')} error={form.fieldError('obligated')}>
        <div className="checks">
          {[...parties.values()].map((p) => (
            <label key={p.id}>
              <input type="checkbox" checked={obligated.includes(p.id)} onChange={() => setObligated((os) => flip(os, p.id))} /> {name(p.names)}
            </label>
          ))}
        </div>
      </Group>
    </Form>
  );
}

/** An analyst assesses a provision on the Peace Accords Matrix scale, with a rationale and the evidence behind it. */
export function AssessForm({ agreement, provision, onDone }: { agreement: Agreement; provision: Provision; onDone: () => void }) {
  const { t, name } = useI18n();
  const { process, parties } = useProcess();
  const [level, setLevel] = useState<'' | '0' | '1' | '2' | '3'>('');
  const [asOf, setAsOf] = useState(today());
  const [assessor, setAssessor] = useState('');
  const [perspective, setPerspective] = useState('neutral');
  const [rationale, setRationale] = useState('');
  const [evidence, setEvidence] = useState<SourceRef[]>([]);
  const form = useForm({
    send: () =>
      api.POST('/api/processes/{processId}/agreements/{id}/provisions/{number}/assessments', {
        params: { path: { processId: process.id, id: agreement.id, number: provision.number } },
        body: {
          level: level === '' ? -1 : Number(level),
          asOf,
          assessor: assessor.trim(),
          perspective,
          rationale: rationale.trim(),
          evidence: evidence.map((e) => ({ kind: 'source' as const, id: e.sourceId })),
        },
      }),
    onDone,
  });
  return (
    <Form form={form} label={t('records.assess.title', { n: provision.number })} submitLabel={t('records.assess.submit')}>
      <Field name="level" label={t('records.assess.level')} error={form.fieldError('level')} required>
        {(p) => (
          <select {...p} value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
            <option value="">—</option>
            {(['0', '1', '2', '3'] as const).map((l) => (
              <option key={l} value={l}>
                {t(`level.${l}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LevelLegend />
      <div className="row">
        <Field name="asOf" label={t('records.assess.asOf')} error={form.fieldError('asOf')} required>
          {(p) => <DateInput {...p} value={asOf} onChange={setAsOf} />}
        </Field>
        <Field name="assessor" label={t('agreements.assessor')} hint={t('records.assess.assessorHint')} error={form.fieldError('assessor')} required>
          {(p) => <input {...p} lang="en" maxLength={200} value={assessor} onChange={(e) => setAssessor(e.target.value)} />}
        </Field>
        <Field name="perspective" label={t('records.assess.perspective')} error={form.fieldError('perspective')}>
          {(p) => (
            <select {...p} value={perspective} onChange={(e) => setPerspective(e.target.value)}>
              <option value="neutral">{t('perspective.neutral')}</option>
              {[...parties.values()].map((x) => (
                <option key={x.id} value={x.id}>
                  {t('perspective.party', { party: name(x.names) })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name="rationale" label={t('records.assess.rationale')} error={form.fieldError('rationale')} required>
        {(p) => <textarea {...p} lang="en" maxLength={4000} value={rationale} onChange={(e) => setRationale(e.target.value)} />}
      </Field>
      <SourcePicker label={t('records.assess.evidence')} value={evidence} onChange={setEvidence} error={form.fieldError('evidence')} />
    </Form>
  );
}
