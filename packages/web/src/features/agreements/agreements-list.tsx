import { LIST_SORTS } from '@parley/contracts';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { written, type Agreement } from '../../app/api-types.ts';
import { useQueryState } from '../../app/use-query-state.ts';
import { CreateToggle } from '../../ui/create-toggle.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CreateAgreementForm } from './forms.tsx';
import { StageName } from './legend.tsx';
import { Load, Name, PageTitle, Sources } from '../../ui/common.tsx';
import { LIST_KEYS, listQuery, ListToolbar, MoreButton, usePages } from '../../ui/list-toolbar.tsx';

export function AgreementsPage() {
  const { t, date, name } = useI18n();
  const { process, viewer } = useProcess();
  const [values, setValues] = useQueryState(LIST_KEYS);
  const sort = LIST_SORTS.find((s) => s === values.sort);
  const pages = usePages(
    async (after?: string) => {
      // Agreements have no status to filter by; the toolbar offers none.
      const { status: _status, ...filters } = listQuery(values);
      const query = { limit: 100, after, ...filters, sort };
      const page = await api.GET('/api/processes/{processId}/agreements', { params: { path: { processId: process.id }, query } });
      return { items: written<Agreement>()(page.items), next: page.next };
    },
    [process.id, viewer, JSON.stringify(listQuery(values)), sort],
  );
  const shown = pages.loaded.state === 'ready' ? pages.loaded.data : [];
  return (
    <>
      <PageTitle text={t('agreements.title')} />
      <CreateToggle kind="agreement" label={t('records.agreement.create')} id="agreement-form">
        <CreateAgreementForm />
      </CreateToggle>
      <ListToolbar
        values={values}
        onChange={setValues}
        sorts={[...LIST_SORTS]}
        count={pages.loaded.state === 'ready' ? shown.length : undefined}
        csv={{
          file: `parley-agreements-${process.id}.csv`,
          rows: () => [
            ['id', 'short name', 'title', 'date', 'stage', 'audience'],
            ...shown.map((a) => [a.id, a.shortNames[0] ?? '', name(a.titles), a.date, a.stage ?? '', a.audience]),
          ],
        }}
      />
      <Load loaded={pages.loaded}>
        {(agreements) => (
          <ul className="cards">
            {agreements.map((a) => (
              <li key={a.id} className="card" data-agreement={a.id}>
                <h2>
                  <Link to={`/agreements/${a.id}`}>{a.shortNames[0] ?? name(a.titles)}</Link>
                </h2>
                <p>
                  <Name value={a.titles} />
                </p>
                <p className="small">
                  <time dateTime={a.date}>{date(a.date)}</time>
                  {a.place ? (
                    <>
                      {' '}
                      · <Name value={a.place} />
                    </>
                  ) : null}
                  {a.stage ? (
                    <>
                      {' '}
                      · {t('agreements.stage')}: <StageName code={a.stage} />
                    </>
                  ) : null}
                </p>
                <Sources refs={a.sources} />
              </li>
            ))}
          </ul>
        )}
      </Load>
      <MoreButton pages={pages} />
    </>
  );
}
