import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/**
 * Steps the period through time: each step moves both ends by a day or a week, keeping the period's length,
 * until its end reaches the last day. Play repeats the step every `every` ms; a step waits for nothing, the
 * map's own request follows the period as it does for the date fields.
 */
export function PlayControl({
  from,
  to,
  last,
  first,
  onStep,
  every = 1500,
}: {
  from: number;
  to: number;
  first: number;
  last: number;
  onStep(from: number, to: number): void;
  every?: number;
}) {
  const { t } = useI18n();
  const ids = useId();
  const [playing, setPlaying] = useState(false);
  const [days, setDays] = useState(7);
  const step = (dir: 1 | -1) => {
    const by = dir === 1 ? Math.min(days, last - to) : -Math.min(days, from - first);
    if (by === 0) return false;
    onStep(from + by, to + by);
    return true;
  };

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      if (!step(1)) setPlaying(false);
    }, every);
    return () => clearTimeout(timer);
  });

  return (
    <fieldset className="play-control" data-testid="play-control">
      <legend>{t('map.play.legend')}</legend>
      <button type="button" onClick={() => step(-1)} disabled={from <= first}>
        {t('map.play.back')}
      </button>
      <button type="button" aria-pressed={playing} onClick={() => setPlaying((p) => !p)} disabled={!playing && to >= last}>
        {playing ? t('map.play.pause') : t('map.play.play')}
      </button>
      <button type="button" onClick={() => step(1)} disabled={to >= last}>
        {t('map.play.forward')}
      </button>
      <label htmlFor={`${ids}-step`}>{t('map.play.step')}</label>
      <select id={`${ids}-step`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
        <option value={1}>{t('map.play.day')}</option>
        <option value={7}>{t('map.play.week')}</option>
      </select>
    </fieldset>
  );
}
