import { useState } from 'react';
import { firstPolygonRing } from '@parley/contracts';
import { api } from '../../app/api.ts';
import { useProcesses, useReloadProcesses } from '../../app/process-data.tsx';
import { Link, processPath } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { Load, Loading, Name, PageTitle } from '../../ui/common.tsx';
import { Field, FormError, useSubmit } from './form.tsx';

/** /admin — the deployment's processes and opening a new one (administrators only). */
export function AdminPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const processes = useProcesses();
  if (!me) return <Loading />;
  // Not an administrator: the page answers as a missing one does.
  if (!me.admin) return <p role="alert">{t('app.notFound')}</p>;
  return (
    <>
      <PageTitle text={t('admin.title')} />
      <div className="two-col">
        <section className="card" aria-labelledby="procs-h">
          <h2 id="procs-h">{t('admin.processes')}</h2>
          <Load loaded={processes}>
            {(list) =>
              list.length ? (
                <ul className="plain admin-list">
                  {list.map((p) => (
                    <li key={p.id}>
                      <Link to={processPath(p.id)} outside>
                        <Name value={p.names} />
                      </Link>{' '}
                      <span className="muted">({p.id})</span> ·{' '}
                      <Link to={processPath(p.id, '/people')} outside>
                        {t('admin.nav.people')}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('app.noProcess')}</p>
              )
            }
          </Load>
        </section>
        <CreateProcess />
      </div>
    </>
  );
}

function CreateProcess() {
  const { t } = useI18n();
  const reload = useReloadProcesses();
  const empty = { id: '', en: '', uk: '', ru: '', description: '', mediator: '' };
  const [v, setV] = useState(empty);
  const [created, setCreated] = useState<{ id: string; mediator: string | null } | null>(null);
  const [area, setArea] = useState<{ ring: [number, number][] } | { error: string } | null>(null);
  const readArea = async (file: File | undefined) => {
    if (!file) return setArea(null);
    let ring: [number, number][] | null = null;
    try {
      ring = firstPolygonRing(JSON.parse(await file.text()));
    } catch {
      ring = null;
    }
    setArea(ring ? { ring } : { error: t('admin.create.noPolygon') });
  };
  const { busy, refusal, run } = useSubmit();
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = run(async () => {
    const names = { en: v.en.trim(), ...(v.uk.trim() ? { uk: v.uk.trim() } : {}), ...(v.ru.trim() ? { ru: v.ru.trim() } : {}) };
    const done = await api.POST('/api/processes', {
      body: {
        id: v.id.trim(),
        names,
        ...(v.description.trim() ? { description: v.description.trim() } : {}),
        ...(v.mediator.trim() ? { mediator: v.mediator.trim() } : {}),
        ...(area && 'ring' in area ? { areaOfInterest: { ring: area.ring, approximate: true } } : {}),
      },
    });
    setCreated(done);
    setV(empty);
    reload();
  });
  // The server names nested fields with a JSON pointer: names/en.
  const fields = ['id', 'names', 'names/en', 'names/uk', 'names/ru', 'description', 'mediator'];
  const areaRefusal = refusal?.field?.startsWith('areaOfInterest') ? refusal.text : area && 'error' in area ? area.error : null;
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="create-h" noValidate>
      <h2 id="create-h">{t('admin.create.title')}</h2>
      <Field id="p-id" name="id" label={t('admin.create.id')} hint={t('admin.create.idRule')} refusal={refusal} required value={v.id} onChange={set('id')} />
      <Field id="p-en" name="names/en" label={t('admin.create.nameEn')} refusal={refusal} required lang="en" value={v.en} onChange={set('en')} />
      <Field id="p-uk" name="names/uk" label={t('admin.create.nameUk')} refusal={refusal} lang="uk" value={v.uk} onChange={set('uk')} />
      <Field id="p-ru" name="names/ru" label={t('admin.create.nameRu')} refusal={refusal} lang="ru" value={v.ru} onChange={set('ru')} />
      <label htmlFor="p-description">{t('admin.create.description')}</label>
      <textarea id="p-description" name="description" rows={3} value={v.description} onChange={set('description')} />
      <Field
        id="p-mediator"
        name="mediator"
        label={t('admin.create.mediator')}
        hint={t('admin.create.mediatorHint')}
        refusal={refusal}
        value={v.mediator}
        onChange={set('mediator')}
      />
      <label htmlFor="p-area">{t('admin.create.area')}</label>
      <input
        id="p-area"
        type="file"
        accept=".geojson,.json"
        aria-describedby="p-area-hint"
        aria-invalid={areaRefusal ? true : undefined}
        onChange={(e) => void readArea(e.target.files?.[0])}
      />
      <p id="p-area-hint" className="hint">
        {areaRefusal ? <span role="alert">{areaRefusal}</span> : t('admin.create.areaHint')}
      </p>
      <FormError refusal={areaRefusal ? null : refusal} fields={fields} />
      {created ? (
        <p role="status" className="notice">
          {t('admin.create.done', { id: created.id })}{' '}
          <Link to={processPath(created.id, '/people')} outside>
            {t('admin.create.toPeople')}
          </Link>
        </p>
      ) : null}
      <button type="submit" disabled={busy}>
        {t('admin.create.submit')}
      </button>
    </form>
  );
}
