import { ApiError, isErrorReason, SourceKind, type IngestJobView } from '@parley/contracts';
import type { Static } from '@sinclair/typebox';
import { useEffect, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess, useReloadProcesses } from '../../app/process-data.tsx';
import { useRouter } from '../../app/router.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Field, Form, useForm } from '../../ui/form.tsx';
import { errorText } from '../../ui/error-text.ts';

type Kind = Static<typeof SourceKind>;
const KINDS = SourceKind.anyOf.map((k) => k.const);
export const reviewPath = (id: string) => `/sources/${encodeURIComponent(id)}/review`;

/**
 * Hand a report in: paste its text (or a page's HTML) or upload a file. The server answers at once with a job and
 * reads the document off the request path; the form follows the job to its end and opens the review.
 */
export function IngestForm() {
  const { t } = useI18n();
  const { process } = useProcess();
  const [how, setHow] = useState<'paste' | 'file'>('paste');
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<'text' | 'html'>('text');
  const [file, setFile] = useState<File | null>(null);
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<Kind>('article');
  const [url, setUrl] = useState('');
  const [language, setLanguage] = useState('');
  const [job, setJob] = useState<IngestJobView | null>(null);
  const meta = () => ({ publisher, date, kind, ...(url ? { url } : {}), ...(language ? { language } : {}) });
  const form = useForm<{ version: number }>({
    send: async () => {
      if (how === 'paste')
        return api.POST('/api/processes/{processId}/sources/paste', { params: { path: { processId: process.id } }, body: { ...meta(), format, content } });
      const bytes = file ? await file.arrayBuffer() : new ArrayBuffer(0);
      return api.POST('/api/processes/{processId}/sources/ingest', {
        params: { path: { processId: process.id }, query: { ...meta(), ...(file ? { fileName: file.name } : {}) } },
        // The bytes go as they are: what they are (HTML, text, PDF) and their encoding are the server's to judge.
        body: bytes as never,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'content-type': file?.type || 'application/octet-stream' },
      } as never);
    },
    onDone: (answer) => setJob(answer as IngestJobView),
  });
  return (
    <div className="ingest">
      <p className="hint">{t('ingest.lead')}</p>
      <Form form={form} label={t('ingest.title')} submitLabel={t('ingest.submit')}>
        <fieldset className="choice">
          <legend>{t('ingest.how')}</legend>
          {(['paste', 'file'] as const).map((h) => (
            <label key={h}>
              <input type="radio" name="how" value={h} checked={how === h} onChange={() => setHow(h)} /> {t(`ingest.how.${h}`)}
            </label>
          ))}
        </fieldset>
        {how === 'paste' ? (
          <>
            <Field
              name="content"
              label={t('ingest.content')}
              hint={t('ingest.contentHint')}
              error={form.fieldError('content') ?? form.fieldError('file')}
              required
            >
              {(p) => <textarea {...p} rows={10} value={content} onChange={(e) => setContent(e.target.value)} />}
            </Field>
            <Field name="format" label={t('ingest.format')}>
              {(p) => (
                <select {...p} value={format} onChange={(e) => setFormat(e.target.value as 'text' | 'html')}>
                  <option value="text">{t('ingest.format.text')}</option>
                  <option value="html">{t('ingest.format.html')}</option>
                </select>
              )}
            </Field>
          </>
        ) : (
          <Field name="file" label={t('ingest.file')} hint={t('ingest.fileHint')} error={form.fieldError('file')} required>
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".html,.htm,.txt,.pdf,text/html,text/plain,application/pdf"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
        )}
        <div className="row">
          <Field name="publisher" label={t('sources.publisher')} error={form.fieldError('publisher')} required>
            {(p) => <input {...p} value={publisher} maxLength={200} onChange={(e) => setPublisher(e.target.value)} />}
          </Field>
          <Field name="date" label={t('ingest.date')} error={form.fieldError('date')} required>
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
        </div>
        <div className="row">
          <Field name="kind" label={t('sources.kind')}>
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`sources.kind.${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="language" label={t('sources.language')}>
            {(p) => (
              <select {...p} value={language} onChange={(e) => setLanguage(e.target.value)}>
                <option value="">{t('ingest.language.detect')}</option>
                <option value="en">English</option>
                <option value="uk">Українська</option>
                <option value="ru">Русский</option>
              </select>
            )}
          </Field>
        </div>
        <Field name="url" label={t('ingest.url')} error={form.fieldError('url')}>
          {(p) => <input {...p} type="url" value={url} maxLength={2000} onChange={(e) => setUrl(e.target.value)} />}
        </Field>
      </Form>
      {job ? <JobProgress key={job.id} job={job} /> : null}
    </div>
  );
}

/** Follows a job to its end: its stage as it goes, then the review of what it read, or what refused the document. */
function JobProgress({ job: first }: { job: IngestJobView }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const reload = useReloadProcesses();
  const { navigate } = useRouter();
  const [job, setJob] = useState(first);
  const [lost, setLost] = useState<Error | null>(null);
  useEffect(() => {
    if (job.state === 'done' || job.state === 'failed') return;
    const timer = setTimeout(() => {
      api
        .GET('/api/processes/{processId}/ingest-jobs/{jobId}', { params: { path: { processId: process.id, jobId: job.id } } })
        .then(setJob, (err: Error) => setLost(err));
    }, 400);
    return () => clearTimeout(timer);
  }, [job, process.id]);
  useEffect(() => {
    if (job.state !== 'done' || !job.sourceId) return;
    reload();
    navigate(reviewPath(job.sourceId));
  }, [job.state, job.sourceId, reload, navigate]);
  const reason = job.error?.reason;
  return (
    <div className={`job job-${job.state}`} data-job={job.id}>
      <p role="status">{t(`ingest.stage.${job.stage}`)}</p>
      {job.state !== 'done' && job.state !== 'failed' ? <progress aria-label={t(`ingest.stage.${job.stage}`)} /> : null}
      {job.state === 'failed' ? (
        <p role="alert" className="form-error">
          {t('ingest.failed', { message: reason && isErrorReason(reason) ? t(`work.error.${reason}`) : (job.error?.message ?? '') })}
        </p>
      ) : null}
      {lost ? <p role="alert">{lost instanceof ApiError ? errorText(lost, t).text : t('ingest.lost')}</p> : null}
    </div>
  );
}
