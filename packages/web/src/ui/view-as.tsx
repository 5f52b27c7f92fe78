import { chooseViewAs, currentViewAs } from '../app/api.ts';
import { useProcessLoad } from '../app/process-data.tsx';
import { useRouter } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { useI18n } from '../i18n/index.tsx';
import './audience.css';

/**
 * The mediator's "view as" picker in the process header, and while it is on, the banner that says whose view this
 * is with the way back. The server decides what each view shows (it honours the choice for a mediator only and
 * refuses every write made in it); this only chooses and says so.
 */
export function ViewAs() {
  const { t, name } = useI18n();
  const { me } = useSession();
  const { processId } = useRouter();
  const loaded = useProcessLoad();
  if (!processId) return null;
  const parties = loaded.state === 'ready' && loaded.data ? [...loaded.data.parties.values()] : [];
  const partyName = (id: string) => name(parties.find((p) => p.id === id)?.names) || id;
  const active = currentViewAs();
  if (active && active.processId === processId)
    return (
      <div className="view-as-banner" role="status" data-view-as={active.as === 'public' ? 'public' : `party:${active.partyId}`}>
        <strong>{active.as === 'public' ? t('activity.viewas.banner.public') : t('activity.viewas.banner.party', { party: partyName(active.partyId) })}</strong>
        <button type="button" onClick={() => chooseViewAs(null)}>
          {t('activity.viewas.back')}
        </button>
      </div>
    );
  const mediator = me?.roles.some((r) => r.processId === processId && r.role === 'mediator');
  if (!mediator) return null;
  return (
    <label className="view-as">
      <span>{t('activity.viewas.label')}</span>{' '}
      <select
        value=""
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'public') chooseViewAs({ processId, as: 'public' });
          else if (v.startsWith('party:')) chooseViewAs({ processId, as: 'party', partyId: v.slice(6) });
        }}
      >
        <option value="">{t('activity.viewas.self')}</option>
        <option value="public">{t('activity.viewas.public')}</option>
        {parties.map((p) => (
          <option key={p.id} value={`party:${p.id}`}>
            {t('activity.viewas.party', { party: name(p.names) })}
          </option>
        ))}
      </select>
    </label>
  );
}
