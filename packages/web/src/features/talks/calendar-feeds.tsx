import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useSession } from '../../app/session.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../ui/error-text.ts';

/**
 * Subscribing a calendar client to the meetings this reader may see. A calendar client sends no cookie, so a
 * signed-in reader gets a secret address of their own (shown once), which they can revoke here.
 */
export function CalendarFeeds() {
  const { t, date } = useI18n();
  const { process } = useProcess();
  const { me } = useSession();
  const [made, setMade] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const params = { params: { path: { processId: process.id } } };
  const feeds = useLoad(() => (me ? api.GET('/api/processes/{processId}/calendar-feeds', params) : Promise.resolve({ items: [] })), [process.id, me, round]);
  if (!me) return null;
  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
      setRound((r) => r + 1);
    } catch (err) {
      setError(errorText(err, t).text);
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    act(async () => {
      const feed = await api.POST('/api/processes/{processId}/calendar-feeds', params);
      setMade(new URL(feed.url, window.location.origin).href);
    });
  const revoke = (feedId: string) =>
    act(() => api.DELETE('/api/processes/{processId}/calendar-feeds/{feedId}', { params: { path: { processId: process.id, feedId } } }));
  return (
    <section className="calendar-feeds" aria-labelledby="feeds-h">
      <h2 id="feeds-h">{t('talks.feeds.title')}</h2>
      <p className="small muted">{t('talks.feeds.help')}</p>
      <button type="button" onClick={() => void create()} disabled={busy}>
        {t('talks.feeds.create')}
      </button>
      {made ? (
        <p>
          <label>
            {t('talks.feeds.made')} <input type="text" readOnly value={made} onFocus={(e) => e.target.select()} className="feed-url" />
          </label>
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {feeds.state === 'ready' && feeds.data.items.length > 0 ? (
        <ul>
          {feeds.data.items.map((f) => (
            <li key={f.id}>
              {t('talks.feeds.item', { created: date(f.createdAt), used: f.lastUsedAt ? date(f.lastUsedAt) : t('talks.feeds.neverUsed') })}{' '}
              <button type="button" onClick={() => void revoke(f.id)} disabled={busy}>
                {t('talks.feeds.revoke')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
