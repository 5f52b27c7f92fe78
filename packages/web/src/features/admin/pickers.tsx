import { useProcess } from '../../app/process-data.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { ROLES, takesParty, type RoleName } from './can.ts';
import type { Refusal } from './form.tsx';

/** Role and party pickers: the party by its name in the reader's language, its id beside it. */
export function RolePartyPickers({
  prefix,
  role,
  partyId,
  setRole,
  setPartyId,
  refusal,
}: {
  prefix: string;
  role: RoleName;
  partyId: string;
  setRole(r: RoleName): void;
  setPartyId(p: string): void;
  refusal: Refusal | null;
}) {
  const { t, name } = useI18n();
  const { parties } = useProcess();
  const wrongRole = refusal?.field === 'role';
  const wrongParty = refusal?.field === 'partyId';
  const sorted = [...parties.values()].sort((a, b) => name(a.names).localeCompare(name(b.names)));
  return (
    <>
      <label htmlFor={`${prefix}-role`}>{t('admin.role')}</label>
      <select
        id={`${prefix}-role`}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value as RoleName)}
        aria-invalid={wrongRole || undefined}
        aria-describedby={wrongRole ? `${prefix}-role-error` : undefined}
      >
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {t(`role.${r}` as MessageKey)}
          </option>
        ))}
      </select>
      {wrongRole ? (
        <span id={`${prefix}-role-error`} role="alert" className="error">
          {refusal.text}
        </span>
      ) : null}
      {takesParty(role) ? (
        <>
          <label htmlFor={`${prefix}-party`}>{t(role === 'delegate' ? 'admin.partyRequired' : 'admin.partyOptional')}</label>
          <select
            id={`${prefix}-party`}
            name="partyId"
            value={partyId}
            onChange={(e) => setPartyId(e.target.value)}
            required={role === 'delegate'}
            aria-invalid={wrongParty || undefined}
            aria-describedby={wrongParty ? `${prefix}-party-error` : undefined}
          >
            <option value="">{t('admin.noParty')}</option>
            {sorted.map((p) => (
              <option key={p.id} value={p.id}>
                {name(p.names)} ({p.id})
              </option>
            ))}
          </select>
          {wrongParty ? (
            <span id={`${prefix}-party-error`} role="alert" className="error">
              {refusal.text}
            </span>
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** A one-time link, shown once: the full address to hand over, selectable, with a copy button. */
export function OneTimeLink({ id, path, label }: { id: string; path: string; label: string }) {
  const { t } = useI18n();
  const url = `${window.location.origin}${path}`;
  const copy = () => {
    void navigator.clipboard?.writeText(url).catch(() => {});
    (document.getElementById(id) as HTMLInputElement | null)?.select();
  };
  return (
    <div className="notice one-time" role="status">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={url} data-testid="one-time-link" onFocus={(e) => e.target.select()} />
        <button type="button" onClick={copy}>
          {t('admin.copy')}
        </button>
      </div>
      <p className="muted small">{t('admin.shownOnce')}</p>
    </div>
  );
}
