import { useState, type ReactNode } from 'react';
import { api } from '../app/api.ts';
import { useProcess } from '../app/process-data.tsx';
import { useLoad } from '../app/use-load.ts';
import { Toggle } from '../features/talks/forms.tsx';

/** A list page's "record a new one" form behind a toggle, shown only to those the process lets record that kind (GET /me `create`). */
export function CreateToggle({ kind, label, id, children }: { kind: string; label: string; id: string; children: ReactNode }) {
  const { process, viewer } = useProcess();
  const [open, setOpen] = useState(false);
  const me = useLoad(() => api.GET('/api/processes/{processId}/me', { params: { path: { processId: process.id } } }), [process.id, viewer]);
  if (me.state !== 'ready' || !me.data.create.includes(kind)) return null;
  return (
    <div>
      <Toggle label={label} open={open} onToggle={() => setOpen(!open)} controls={id} />
      <div id={id}>{open ? children : null}</div>
    </div>
  );
}
