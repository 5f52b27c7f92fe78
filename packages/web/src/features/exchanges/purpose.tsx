import { useId, useState, type ReactNode } from 'react';
import { useProcess } from '../../app/process-data.tsx';
import { useI18n } from '../../i18n/index.tsx';

const KEY = (processId: string) => `parley.exchanges.purpose.${processId}`;

function saved(processId: string): string {
  try {
    return sessionStorage.getItem(KEY(processId)) ?? '';
  } catch {
    return '';
  }
}

/**
 * Every read of detainee data states why (the server journals it in the access log). The reader says it once
 * for the tab and can change it; until then the page shows no one's data.
 */
export function PurposeGate({ children }: { children: (purpose: string) => ReactNode }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [purpose, setPurpose] = useState(() => saved(process.id));
  const [draft, setDraft] = useState(purpose);
  const [editing, setEditing] = useState(!purpose);
  const id = useId();
  if (editing || !purpose)
    return (
      <form
        className="edit-form purpose-form"
        aria-label={t('exchanges.purpose.form')}
        onSubmit={(e) => {
          e.preventDefault();
          const value = draft.trim();
          if (value.length < 3) return;
          try {
            sessionStorage.setItem(KEY(process.id), value);
          } catch {
            // storage may be disabled: the purpose then lasts for this page only
          }
          setPurpose(value);
          setEditing(false);
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('exchanges.purpose.label')}</label>
          <input
            id={id}
            name="purpose"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            minLength={3}
            maxLength={300}
            required
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="hint">
            {t('exchanges.purpose.hint')}
          </p>
        </div>
        <button type="submit" className="primary">
          {t('exchanges.purpose.open')}
        </button>
      </form>
    );
  return (
    <>
      <p className="purpose-line small">
        {t('exchanges.purpose.current', { purpose })}{' '}
        <button type="button" className="link" onClick={() => setEditing(true)}>
          {t('exchanges.purpose.change')}
        </button>
      </p>
      {children(purpose)}
    </>
  );
}
