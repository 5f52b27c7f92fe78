import type { ApiResponse } from '@parley/contracts';
import { useId, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { WeaponInViolation } from '../monitoring/weapon-in-violation.tsx';
import { errorText } from '../../ui/error-text.ts';
import type { LineFeature } from './model.ts';
import { DateInput } from '../../ui/date-input.tsx';

type Violation = ApiResponse<'/api/processes/{processId}/violations'>['items'][number];
const DAY = 86_400_000;
const daysBefore = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

/**
 * What a line would mean for the weapons in the field: the sightings of a period that would break the
 * withdrawal rules if distances were measured from this line, beside those measured from the contact
 * line in force, as two lists of equal standing. Each day keeps its own rules (the server applies them).
 */
export function LineViolations({ lines, label }: { lines: LineFeature[]; label: (l: LineFeature) => string }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const ids = useId();
  const [line, setLine] = useState('');
  const [to, setTo] = useState('');
  const [from, setFrom] = useState('');
  const [result, setResult] = useState<{ chosen: Violation[]; contact: Violation[] } | { error: string } | null>(null);
  const choose = (id: string) => {
    setLine(id);
    const day = lines.find((l) => l.id === id)?.properties.date;
    // The thirty days up to the line's own date, to be changed at will.
    if (day) {
      setTo(day);
      setFrom(daysBefore(day, 29));
    }
  };
  const ask = async () => {
    const query = (chosen?: string) =>
      api.GET('/api/processes/{processId}/violations', {
        params: { path: { processId: process.id }, query: { date: from, to, ...(chosen ? { line: chosen } : {}) } },
      });
    try {
      const [chosen, contact] = await Promise.all([query(line), query()]);
      setResult({ chosen: chosen.items, contact: contact.items });
    } catch (err) {
      setResult({ error: errorText(err, t).text });
    }
  };
  return (
    <section className="lines-violations" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('lines.violationsTitle')}</h2>
      <form
        className="lines-pick"
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-line`}>{t('lines.measureFrom')}</label>
          <select id={`${ids}-line`} value={line} onChange={(e) => choose(e.target.value)} required>
            <option value="">{t('lines.choose')}</option>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {label(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-from`}>{t('lines.from')}</label>
          <DateInput id={`${ids}-from`} value={from} onChange={setFrom} required />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{t('lines.to')}</label>
          <DateInput id={`${ids}-to`} value={to} onChange={setTo} required />
        </div>
        <button type="submit" disabled={!line || !from || !to}>
          {t('lines.showViolations')}
        </button>
      </form>
      {result && 'error' in result && <p role="alert">{result.error}</p>}
      {result && 'chosen' in result && (
        <div className="lines-layout" data-testid="line-violations">
          <Violations title={t('lines.underChosen', { n: result.chosen.length })} items={result.chosen} />
          <Violations title={t('lines.underContact', { n: result.contact.length })} items={result.contact} />
        </div>
      )}
    </section>
  );
}

function Violations({ title, items }: { title: string; items: Violation[] }) {
  const { date } = useI18n();
  return (
    <div className="lines-tables">
      <h3>{title}</h3>
      <ul className="plain history">
        {items.map((v) => (
          <li key={`${v.observationId}@${v.date}`}>
            {date(v.date)}: <WeaponInViolation v={v} />
          </li>
        ))}
      </ul>
    </div>
  );
}
