import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { En, PartyName } from '../../ui/common.tsx';

interface InViolation {
  weapon: string;
  weaponPartyId: string | null;
  distanceKm: number;
  rule: { requiredKm: number; agreement: string };
}

/** One weapon sighted too close to its line: what, whose, how far against the rule, and the agreement that set it. */
export function WeaponInViolation({ v, where }: { v: InViolation; where?: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <strong>{t(`weapon.${v.weapon}` as MessageKey)}</strong>
      {v.weaponPartyId ? (
        <>
          {' '}
          (<PartyName id={v.weaponPartyId} />)
        </>
      ) : null}
      , {where ? <>{where}: </> : null}
      {t('report.weaponDistance', { km: v.distanceKm.toFixed(1), required: v.rule.requiredKm })}{' '}
      <span className="muted small">
        — <En>{v.rule.agreement}</En>
      </span>
    </>
  );
}
