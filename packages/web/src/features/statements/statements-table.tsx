import { LIST_SORTS, type ListSort } from '@parley/contracts';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { written, type Statement } from '../../app/api-types.ts';
import { useQueryState } from '../../app/use-query-state.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge, En, Load, PartyName, PersonName, pickText, SourceCite, Words } from '../../ui/common.tsx';
import { LIST_KEYS, listQuery, ListToolbar, MoreButton, usePages } from '../../ui/list-toolbar.tsx';
import { VerifyLink } from '../record/record.tsx';

export const STANCES = ['appeal', 'condition', 'accusation', 'denial', 'rejection', 'commitment', 'claim', 'report'] as const;
/** Newest first is what a reader of statements expects; the rest of the server's orders follow. */
const SORTS: ListSort[] = ['-date', ...LIST_SORTS.filter((s) => s !== '-date')];

/** Says who may read a record, unless it is public. */
export function AudienceNote({ record }: { record: Pick<Statement, 'audience' | 'audienceParty'> }) {
  const { t, name } = useI18n();
  const { parties } = useProcess();
  if (record.audience === 'public') return null;
  const party = record.audienceParty ? name(parties.get(record.audienceParty)?.names) || record.audienceParty : '';
  return (
    <Badge kind={`audience-${record.audience}`}>{t('statements.audience', { audience: t(`audience.${record.audience}` as MessageKey, { party }) })}</Badge>
  );
}

/** A party that put another party's words on record is shown as reporting them, never as their speaker. */
function ReportedBy({ s }: { s: Statement }) {
  const { t } = useI18n();
  const by = s.owner?.partyId;
  if (!by || by === s.speakerPartyId) return null;
  return (
    <div className="small muted" data-reported-by={by}>
      {t('statements.reportedBy')} <PartyName id={by} />
    </div>
  );
}

export function Speaker({ s }: { s: Statement }) {
  return (
    <>
      {s.speakerId ? (
        <strong>
          <PersonName id={s.speakerId} />
        </strong>
      ) : null}
      {s.speakerId && s.speakerLabel ? ', ' : null}
      {s.speakerLabel ? <En>{s.speakerLabel}</En> : null}
      {s.speakerPartyId ? (
        <>
          {s.speakerId || s.speakerLabel ? ' — ' : null}
          <PartyName id={s.speakerPartyId} />
        </>
      ) : null}
    </>
  );
}

/**
 * Every statement the reader may see, filtered, ordered and paged by the server with the view in the address, and
 * downloadable as shown. `rev` reloads it after the reader records one.
 */
export function StatementsTable({ rev }: { rev: number }) {
  const { t, date, lang } = useI18n();
  const { process, viewer } = useProcess();
  const [values, setValues] = useQueryState(LIST_KEYS);
  const sort = SORTS.find((s) => s === (values.sort || SORTS[0]));
  const pages = usePages(
    async (after?: string) => {
      const page = await api.GET('/api/processes/{processId}/statements', {
        params: { path: { processId: process.id }, query: { limit: 100, after, ...listQuery(values), sort } },
      });
      return { items: written<Statement>()(page.items), next: page.next };
    },
    [process.id, viewer, JSON.stringify(listQuery(values)), sort, rev],
  );
  return (
    <section aria-labelledby="st-h">
      <h2 id="st-h">{t('statements.title')}</h2>
      <ListToolbar
        values={values}
        onChange={setValues}
        sorts={SORTS}
        statuses={STANCES.map((s) => ({ value: s, label: t(`stance.${s}` as MessageKey) }))}
        count={pages.loaded.state === 'ready' ? pages.loaded.data.length : undefined}
        csv={{
          file: `parley-statements-${process.id}.csv`,
          rows: () => [
            ['id', 'date', 'speakerId', 'speakerPartyId', 'speakerLabel', 'speech', 'stance', 'language', 'text', 'sourceId', 'audience'],
            ...(pages.loaded.state === 'ready' ? pages.loaded.data : []).map((s) => [
              s.id,
              s.date,
              s.speakerId,
              s.speakerPartyId,
              s.speakerLabel,
              s.speech,
              s.stance,
              pickText(s.text, s.language, lang).lang,
              pickText(s.text, s.language, lang).value,
              s.sourceId,
              s.audience,
            ]),
          ],
        }}
      />
      <Load loaded={pages.loaded}>
        {(statements) => (
          <div className="table-scroll">
            <table className="statements">
              <thead>
                <tr>
                  <th scope="col">{t('statements.when')}</th>
                  <th scope="col">{t('statements.who')}</th>
                  <th scope="col">{t('statements.stance')}</th>
                  <th scope="col">{t('statements.said')}</th>
                  <th scope="col">{t('source.label')}</th>
                </tr>
              </thead>
              <tbody>
                {statements.map((s) => (
                  <tr key={s.id} data-statement={s.id}>
                    <td>
                      <time dateTime={s.date}>{date(s.date)}</time>
                    </td>
                    <td>
                      <Speaker s={s} />
                      <ReportedBy s={s} />
                    </td>
                    <td>
                      <Badge kind={`stance-${s.stance}`}>{t(`stance.${s.stance}` as MessageKey)}</Badge>
                      <div className="small muted">{t(`statements.${s.speech}` as MessageKey)}</div>
                    </td>
                    <td>
                      <Words text={s.text} language={s.language} />
                      {s.topic ? (
                        <div className="small muted">
                          {t('statements.topic')}: <En>{s.topic}</En>
                        </div>
                      ) : null}
                      <AudienceNote record={s} />
                      <div className="small">
                        <VerifyLink type="statement" id={s.id} what={`${date(s.date)}, ${s.id}`} />
                      </div>
                    </td>
                    <td className="small">
                      <SourceCite sourceRef={{ sourceId: s.sourceId }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
      <MoreButton pages={pages} />
    </section>
  );
}
