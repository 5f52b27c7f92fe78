import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge } from '../../ui/common.tsx';
import { categoryKey, stageKey } from './pax.ts';
import './records.css';

/** What each score of the Peace Accords Matrix scale means, beside every place a score is chosen or read. */
export function LevelLegend() {
  const { t } = useI18n();
  return (
    <dl className="level-legend small" aria-label={t('records.assess.legend')}>
      {(['0', '1', '2', '3'] as const).map((l) => (
        <div key={l}>
          <dt>{t(`level.${l}` as MessageKey)}</dt>
          <dd>{t(`records.level.${l}` as MessageKey)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A provision category by its full name; the code stays as a hint for those who know PA-X. */
export function CategoryBadge({ code }: { code: string }) {
  const { t } = useI18n();
  const key = categoryKey(code);
  return (
    <Badge kind="category">
      {key ? t(key) : t('records.category.unknown', { code })}
      <abbr className="muted small" title={t('records.paxCode')}>
        {' '}
        ({code})
      </abbr>
    </Badge>
  );
}

/** A PA-X stage by its full name, with its code beside it. */
export function StageName({ code }: { code: string }) {
  const { t } = useI18n();
  const key = stageKey(code);
  return (
    <>
      {key ? t(key) : t('records.stage.unknown', { code })}{' '}
      <abbr className="muted small" title={t('records.paxCode')}>
        ({code})
      </abbr>
    </>
  );
}
