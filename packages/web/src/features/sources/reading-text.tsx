import type { CandidateView, ReadingView, TextSpan } from '@parley/contracts';
import { useEffect, useRef } from 'react';

interface Range extends TextSpan {
  cls: 'hl' | 'hl-key';
}

/** The words of the chosen candidate that explain it: its speaker, cue and trigger, or its actors and place. */
function keyWords(c: CandidateView): TextSpan[] {
  if (c.kind === 'statement') return [c.speaker?.span, c.cue?.span, c.trigger?.span].filter((s): s is TextSpan => !!s);
  if (c.kind === 'figure') return [c.attributedTo?.span, c.period?.span].filter((s): s is TextSpan => !!s);
  return [c.trigger.span, ...c.actors.map((a) => a.span), c.place?.span, c.date?.span].filter((s): s is TextSpan => !!s);
}

/**
 * The reading's text in paragraphs, with the chosen candidate's span marked and, inside or beside it, the words it
 * was read from marked more strongly; the mark scrolls into view when the choice changes.
 */
export function ReadingText({ reading, chosen }: { reading: ReadingView; chosen: CandidateView | null }) {
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => {
    first.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [chosen]);
  const ranges: Range[] = chosen
    ? [{ ...(chosen.kind === 'statement' ? chosen.span : chosen.span), cls: 'hl' }, ...keyWords(chosen).map((s) => ({ ...s, cls: 'hl-key' as const }))]
    : [];
  const paragraphs: { start: number; text: string }[] = [];
  const re = /\n\s*\n/g;
  let at = 0;
  for (let m = re.exec(reading.text); ; m = re.exec(reading.text)) {
    const end = m ? m.index : reading.text.length;
    if (end > at) paragraphs.push({ start: at, text: reading.text.slice(at, end) });
    if (!m) break;
    at = m.index + m[0].length;
  }
  let marked = false;
  return (
    // Focusable, so a keyboard scrolls the text as a mouse does.
    <div className="reading-text" lang={reading.language ?? undefined} data-testid="reading-text" tabIndex={0} role="region" aria-labelledby="reading-h">
      {paragraphs.map((p) => {
        const end = p.start + p.text.length;
        const cuts = new Set([p.start, end]);
        for (const r of ranges) for (const x of [r.start, r.end]) if (x > p.start && x < end) cuts.add(x);
        const points = [...cuts].sort((a, b) => a - b);
        return (
          <p key={p.start}>
            {points.slice(0, -1).map((from, i) => {
              const to = points[i + 1]!;
              const words = reading.text.slice(from, to);
              const cover = ranges.filter((r) => r.start <= from && r.end >= to);
              if (!cover.length) return <span key={from}>{words}</span>;
              const cls = cover.some((r) => r.cls === 'hl-key') ? 'hl hl-key' : 'hl';
              const ref = marked ? undefined : (el: HTMLElement | null) => void (first.current = el);
              marked = true;
              return (
                <mark key={from} className={cls} ref={ref}>
                  {words}
                </mark>
              );
            })}
          </p>
        );
      })}
    </div>
  );
}
