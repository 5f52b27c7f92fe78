import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Load } from '../../ui/common.tsx';
import { Field, Form, useForm } from '../../ui/form.tsx';

/**
 * The people the mediator names to review detainee data (they see every list and decide proposed matches, nothing
 * more); naming one, or ceasing to, is journalled like any other change.
 */
export function Reviewers() {
  const { t } = useI18n();
  const { process } = useProcess();
  const [round, setRound] = useState(0);
  const [accountId, setAccountId] = useState('');
  const path = { params: { path: { processId: process.id } } };
  const loaded = useLoad(
    async () => ({
      reviewers: (await api.GET('/api/processes/{processId}/exchanges/reviewers', path)).items,
      people: (await api.GET('/api/processes/{processId}/accounts', path)).items,
    }),
    [process.id, round],
  );
  const form = useForm<{ version: number }>({
    send: () => api.POST('/api/processes/{processId}/exchanges/reviewers', { ...path, body: { accountId } }),
    onDone: () => {
      setAccountId('');
      setRound((r) => r + 1);
    },
  });
  const remove = async (id: string) => {
    await api.DELETE('/api/processes/{processId}/exchanges/reviewers/{accountId}', { params: { path: { processId: process.id, accountId: id } } });
    setRound((r) => r + 1);
  };
  return (
    <section aria-labelledby="reviewers-h">
      <h2 id="reviewers-h">{t('exchanges.reviewers.title')}</h2>
      <Load loaded={loaded}>
        {({ reviewers, people }) => {
          const name = (id: string) => people.find((p) => p.accountId === id)?.username ?? id;
          const named = new Set(reviewers.map((r) => r.accountId));
          return (
            <>
              {reviewers.length === 0 ? <p>{t('exchanges.reviewers.none')}</p> : null}
              <ul>
                {reviewers.map((r) => (
                  <li key={r.accountId}>
                    {name(r.accountId)}{' '}
                    <button type="button" onClick={() => void remove(r.accountId)}>
                      {t('exchanges.reviewers.remove', { name: name(r.accountId) })}
                    </button>
                  </li>
                ))}
              </ul>
              <Form form={form} label={t('exchanges.reviewers.add')} submitLabel={t('exchanges.reviewers.submit')}>
                <Field name="accountId" label={t('exchanges.reviewers.who')} error={form.fieldError('accountId')} required>
                  {(p) => (
                    <select {...p} value={accountId} onChange={(e) => setAccountId(e.target.value)}>
                      <option value="">—</option>
                      {people
                        .filter((p) => !named.has(p.accountId))
                        .map((p) => (
                          <option key={p.accountId} value={p.accountId}>
                            {p.username}
                          </option>
                        ))}
                    </select>
                  )}
                </Field>
              </Form>
            </>
          );
        }}
      </Load>
    </section>
  );
}
