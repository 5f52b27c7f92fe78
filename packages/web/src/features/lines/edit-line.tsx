import { useId, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../ui/error-text.ts';
import { DraftEditor } from './draft-editor.tsx';
import type { Pos } from './model.ts';
import type { LineFeature } from './model.ts';

/**
 * A proposal's vertices moved, added or removed on the map, saved as its next version (the earlier one stays
 * in its history and can still be compared). The version it was read at goes with it, so an edit made over
 * someone else's newer version is refused (409) and shown, never silently overwritten.
 */
export function EditLine({ line, context, onDone }: { line: LineFeature; context: LineFeature[]; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const ids = useId();
  const [draft, setDraft] = useState<Pos[]>(line.geometry.coordinates);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await api.PATCH('/api/processes/{processId}/lines/{id}', {
        params: { path: { processId: process.id, id: line.id } },
        body: { geometry: { type: 'LineString', coordinates: draft }, version: line.properties.version },
      });
      onDone(true);
    } catch (err) {
      setError(errorText(err, t).text);
    }
  };
  return (
    <section className="lines-edit" aria-labelledby={`${ids}-h`} data-testid="edit-line">
      <h2 id={`${ids}-h`}>{t('lines.editTitle', { version: line.properties.version })}</h2>
      <p id={`${ids}-how`}>{t('lines.editHelp')}</p>
      <DraftEditor draft={draft} onDraft={setDraft} context={context.filter((l) => l.id !== line.id)} describedBy={`${ids}-how`} />
      <div className="lines-edit-actions">
        <button type="button" onClick={() => void save()} disabled={draft.length < 2}>
          {t('lines.saveVersion', { version: line.properties.version + 1 })}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('lines.cancel')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
