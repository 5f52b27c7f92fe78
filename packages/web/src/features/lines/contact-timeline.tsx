import { useI18n } from '../../i18n/index.tsx';
import type { LineFeature } from './model.ts';

/**
 * The contact line's versions on the ground, oldest first; each step offers the comparison with the one
 * before it, so the land and places that changed hands between two dates are one click away.
 */
export function ContactTimeline({ lines, onCompare }: { lines: LineFeature[]; onCompare: (a: string, b: string) => void }) {
  const { t, date } = useI18n();
  const contact = lines.filter((l) => l.properties.kind === 'contact').sort((x, y) => (x.properties.date < y.properties.date ? -1 : 1));
  if (contact.length < 2) return null;
  return (
    <section className="lines-timeline" aria-labelledby="lines-timeline-h">
      <h2 id="lines-timeline-h">{t('lines.timeline')}</h2>
      <ol>
        {contact.map((l, i) => (
          <li key={l.id}>
            <span>
              {date(l.properties.date)}
              {l.properties.approximate ? ` · ${t('lines.approximate')}` : ''}
            </span>
            {i > 0 && (
              <button type="button" onClick={() => onCompare(contact[i - 1]!.id, l.id)}>
                {t('lines.sincePrevious', { from: date(contact[i - 1]!.properties.date) })}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
