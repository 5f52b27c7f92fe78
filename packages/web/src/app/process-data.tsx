import { createContext, useContext, type ReactNode } from 'react';
import { api } from './api.ts';
import { useSession } from './session.tsx';
import { written, type Forum, type Mandate, type Party, type Person, type Process, type Source } from './api-types.ts';
import { useLoad, type Loaded } from './use-load.ts';

/** The records nearly every page names: the process, its parties, people and sources. */
export interface ProcessData {
  process: Process;
  parties: Map<string, Party>;
  people: Map<string, Person>;
  mandates: Mandate[];
  forums: Forum[];
  sources: Map<string, Source>;
  /** Bumps when the reader signs in or out, so pages reload what they may now see. */
  viewer: string;
}

const Ctx = createContext<Loaded<ProcessData | null>>({ state: 'loading' });

const inProcess = (processId: string) => ({ params: { path: { processId }, query: { limit: 500 } } });
const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));

export function ProcessDataProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const viewer = me ? (me.username ?? '(public)') : '';
  const loaded = useLoad(async (): Promise<ProcessData | null> => {
    if (!viewer) return new Promise(() => {}); // wait until we know who is reading
    const processes: Process[] = (await api.GET('/api/processes')).items;
    const process = processes.find((p) => p.id === 'minsk-2014') ?? processes[0];
    if (!process) return null;
    const [parties, people, mandates, forums, sources] = await Promise.all([
      api.GET('/api/processes/{processId}/parties', inProcess(process.id)).then((r) => written<Party>()(r.items)),
      api.GET('/api/processes/{processId}/people', inProcess(process.id)).then((r) => written<Person>()(r.items)),
      api.GET('/api/processes/{processId}/mandates', inProcess(process.id)).then((r) => written<Mandate>()(r.items)),
      api.GET('/api/processes/{processId}/forums', inProcess(process.id)).then((r) => written<Forum>()(r.items)),
      api.GET('/api/processes/{processId}/sources', inProcess(process.id)).then((r) => written<Source>()(r.items)),
    ]);
    return { process, parties: byId(parties), people: byId(people), mandates, forums, sources: byId(sources), viewer };
  }, [viewer]);
  return <Ctx.Provider value={loaded}>{children}</Ctx.Provider>;
}

export const useProcessLoad = () => useContext(Ctx);

/** For pages rendered only once the data is ready (see <WithProcess>). */
const ReadyCtx = createContext<ProcessData | null>(null);
export const ReadyProvider = ReadyCtx.Provider;
export function useProcess(): ProcessData {
  const v = useContext(ReadyCtx);
  if (!v) throw new Error('useProcess outside a ready process');
  return v;
}
