import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { api } from './api.ts';
import { useRouter } from './router.tsx';
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

interface State {
  /** The processes the reader may see (for `/`, the redirects of old addresses and the administration). */
  processes: Loaded<Process[]>;
  /** The process named in the address; null when the address names none or one the reader may not see. */
  current: Loaded<ProcessData | null>;
  /** Loads both again, after a page changed what they hold (a new process, a new party). */
  reload(): void;
}

const Ctx = createContext<State>({ processes: { state: 'loading' }, current: { state: 'loading' }, reload: () => {} });

const inProcess = (processId: string) => ({ params: { path: { processId }, query: { limit: 500 } } });
const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
const waitForever = <T,>() => new Promise<T>(() => {});

export function ProcessDataProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { processId } = useRouter();
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const viewer = me ? (me.username ?? '(public)') : '';
  const processes = useLoad(async (): Promise<Process[]> => {
    if (!viewer) return waitForever(); // wait until we know who is reading
    return (await api.GET('/api/processes')).items;
  }, [viewer, round]);
  const current = useLoad(async (): Promise<ProcessData | null> => {
    if (!viewer) return waitForever();
    if (!processId) return null;
    const process = (await api.GET('/api/processes')).items.find((p) => p.id === processId);
    if (!process) return null;
    const [parties, people, mandates, forums, sources] = await Promise.all([
      api.GET('/api/processes/{processId}/parties', inProcess(process.id)).then((r) => written<Party>()(r.items)),
      api.GET('/api/processes/{processId}/people', inProcess(process.id)).then((r) => written<Person>()(r.items)),
      api.GET('/api/processes/{processId}/mandates', inProcess(process.id)).then((r) => written<Mandate>()(r.items)),
      api.GET('/api/processes/{processId}/forums', inProcess(process.id)).then((r) => written<Forum>()(r.items)),
      api.GET('/api/processes/{processId}/sources', inProcess(process.id)).then((r) => written<Source>()(r.items)),
    ]);
    return { process, parties: byId(parties), people: byId(people), mandates, forums, sources: byId(sources), viewer };
  }, [viewer, processId, round]);
  const key = `${viewer} ${processId ?? ''}`;
  const shownProcesses = useSteady(processes, viewer);
  const shownCurrent = useSteady(current, key);
  return <Ctx.Provider value={{ processes: shownProcesses, current: shownCurrent, reload }}>{children}</Ctx.Provider>;
}

/** While a reload of the same thing runs, keep showing what was there, so a page that asked for it keeps its state. */
function useSteady<T>(loaded: Loaded<T>, key: string): Loaded<T> {
  const last = useRef<{ key: string; ready: Loaded<T> } | null>(null);
  if (loaded.state === 'ready') last.current = { key, ready: loaded };
  if (loaded.state === 'loading' && last.current?.key === key) return last.current.ready;
  return loaded;
}

/** The process named in the address, as it loads. */
export const useProcessLoad = () => useContext(Ctx).current;
export const useProcesses = () => useContext(Ctx).processes;
export const useReloadProcesses = () => useContext(Ctx).reload;

/** For pages rendered only once the data is ready (see <WithProcess>). */
const ReadyCtx = createContext<ProcessData | null>(null);
export const ReadyProvider = ReadyCtx.Provider;
export function useProcess(): ProcessData {
  const v = useContext(ReadyCtx);
  if (!v) throw new Error('useProcess outside a ready process');
  return v;
}
