import { useI18n } from '../../i18n/index.tsx';
import { LinesMap } from './lines-map-lazy.tsx';
import type { Comparison, Side } from './model.ts';

/** Both lines on the base map with the parcels between them, coloured by the side that gains them, and their key. */
export function ComparisonMap({ comparison: c }: { comparison: Comparison }) {
  const { t, lang } = useI18n();
  const side = (s: Side) => c.area.sides[s][lang];
  return (
    <figure className="lines-figure">
      <LinesMap comparison={c} label={t('lines.sketch')} />
      <figcaption>
        <span className="key key-a">{t('lines.lineA')}</span> <span className="key key-b">{t('lines.lineB')}</span>{' '}
        <span className="key key-left">{t('lines.gainedBy', { side: side('left') })}</span>{' '}
        <span className="key key-right">{t('lines.gainedBy', { side: side('right') })}</span>
        {c.distance.farthest && <span className="key key-far">{t('lines.farthest')}</span>}
      </figcaption>
    </figure>
  );
}
