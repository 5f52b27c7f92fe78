import { useI18n } from '../i18n/index.tsx';
import { PartyName } from './common.tsx';
import './audience.css';

type Audience = 'public' | 'forum' | 'party' | 'mediator';

/** Who may read a record, in words: every record shows its audience, so nobody mistakes a confidential one for public. */
export function AudienceBadge({ record }: { record: { audience: Audience; audienceParty?: string | null } | null | undefined }) {
  const { t } = useI18n();
  if (!record) return null;
  const { audience, audienceParty } = record;
  return (
    <span className={`audience-badge audience-${audience}`} data-audience={audience}>
      <span className="visually-hidden">{t('activity.aud.label')}: </span>
      {audience === 'party' ? (
        <>
          {t('activity.aud.party', { party: '\u0000' }).split('\u0000')[0]}
          <PartyName id={audienceParty ?? null} />
          {t('activity.aud.party', { party: '\u0000' }).split('\u0000')[1]}
        </>
      ) : (
        t(`activity.aud.${audience}`)
      )}
    </span>
  );
}
