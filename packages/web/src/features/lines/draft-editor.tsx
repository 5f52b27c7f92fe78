import { useI18n } from '../../i18n/index.tsx';
import { LinesMap } from './lines-map-lazy.tsx';
import { MAX_EDITABLE_VERTICES, type LineFeature, type Pos } from './model.ts';

/** A line being drawn or edited on the map: a click adds a point, a point is dragged to move it. */
export function DraftEditor({
  draft,
  onDraft,
  context,
  describedBy,
}: {
  draft: Pos[];
  onDraft: (d: Pos[]) => void;
  context: LineFeature[];
  describedBy?: string;
}) {
  const { t, number } = useI18n();
  return (
    <div className="lines-draft" aria-describedby={describedBy}>
      <LinesMap draft={draft} onDraft={onDraft} context={context} label={t('lines.drawMap')} />
      <div className="lines-draft-tools">
        <span role="status" data-testid="draft-points">
          {t('lines.points', { n: draft.length })}
        </span>
        <button type="button" onClick={() => onDraft(draft.slice(0, -1))} disabled={draft.length === 0}>
          {t('lines.undoPoint')}
        </button>
        <button type="button" onClick={() => onDraft([])} disabled={draft.length === 0}>
          {t('lines.clear')}
        </button>
        {draft.length > MAX_EDITABLE_VERTICES && <span>{t('lines.tooManyToEdit', { n: number(MAX_EDITABLE_VERTICES) })}</span>}
      </div>
    </div>
  );
}
