import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../ui/error-text.ts';
import type { LineFeature } from './model.ts';

type Standing = 'tabled' | 'withdrawn' | 'agreed';

/**
 * The demarcation proposals and where each stands. Its claimant's delegates may withdraw or re-table it;
 * only the mediator records one as agreed (the server holds the same rule, and its refusal is shown).
 * Each change is a new version of the line, so earlier standings stay in its history.
 */
export function ProposalStanding({ lines, onChanged, onEdit }: { lines: LineFeature[]; onChanged: () => void; onEdit: (line: LineFeature) => void }) {
  const { t, name, date } = useI18n();
  const { me } = useSession();
  const { process, parties } = useProcess();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const roles = (me?.roles ?? []).filter((r) => r.processId === process.id);
  const isMediator = roles.some((r) => r.role === 'mediator');
  const mine = new Set(roles.filter((r) => r.role === 'delegate' && r.partyId).map((r) => r.partyId!));
  const proposals = lines.filter((l) => l.properties.kind === 'demarcation_proposal');
  if (proposals.length === 0) return null;
  const choices = (l: LineFeature): Standing[] => {
    const now = l.properties.standing ?? 'tabled';
    const own = isMediator || (l.properties.claimantPartyId !== undefined && mine.has(l.properties.claimantPartyId));
    if (!own || (now === 'agreed' && !isMediator)) return [];
    return (['tabled', 'withdrawn', ...(isMediator ? (['agreed'] as const) : [])] as Standing[]).filter((s) => s !== now);
  };
  const change = async (l: LineFeature, standing: Standing) => {
    try {
      await api.PATCH('/api/processes/{processId}/lines/{id}', {
        params: { path: { processId: process.id, id: l.id } },
        body: { standing, version: l.properties.version },
      });
      setMessage({ text: t('lines.standingChanged', { standing: t(`lines.standing.${standing}`) }) });
      onChanged();
    } catch (err) {
      setMessage({ text: errorText(err, t).text, error: true });
    }
  };
  return (
    <section className="lines-standing" aria-labelledby="lines-standing-h">
      <h2 id="lines-standing-h">{t('lines.proposals')}</h2>
      <ul>
        {proposals.map((l) => (
          <li key={l.id} data-testid={`proposal-${l.id}`}>
            <span>
              {l.properties.claimantPartyId ? name(parties.get(l.properties.claimantPartyId)?.names) || l.properties.claimantPartyId : t('lines.mediator')} ·{' '}
              {date(l.properties.date)} · {t(`lines.standing.${l.properties.standing ?? 'tabled'}`)} · v{l.properties.version}
            </span>
            {choices(l).map((s) => (
              <button key={s} type="button" onClick={() => void change(l, s)}>
                {t(`lines.mark.${s}`)}
              </button>
            ))}
            {choices(l).length > 0 && (
              <button type="button" onClick={() => onEdit(l)}>
                {t('lines.edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
