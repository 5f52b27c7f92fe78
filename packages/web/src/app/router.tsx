import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/**
 * A small history router: the server answers every non-API path with the app, so addresses are plain paths.
 * The pages of a process live under /p/<processId>/…; the router hands pages the path inside the process, and
 * links and navigation stay in the current process unless they say `outside`, so feature pages never name it.
 */
interface Router {
  /** The path inside the current process (`/talks`), or the whole path when no process is open. */
  path: string;
  /** The whole address path. */
  full: string;
  /** Counts the reader's moves (links, Back): a redirect replaces the address without one, so focus stays put. */
  moves: number;
  /** The process named in the address, or null on pages outside any process (/, /admin, /invite/…). */
  processId: string | null;
  navigate(to: string, opts?: { outside?: boolean; replace?: boolean }): void;
  /** The address a path inside the current process has (or the path itself with `outside`). */
  href(to: string, outside?: boolean): string;
}

const PREFIX = /^\/p\/([^/]+)(\/.*)?$/;

/** Splits an address into its process and the path inside it. */
export function locate(pathname: string): { processId: string | null; path: string } {
  const m = PREFIX.exec(pathname);
  if (!m) return { processId: null, path: pathname };
  return { processId: decodeURIComponent(m[1]!), path: m[2] && m[2] !== '/' ? m[2] : '/' };
}

/** The address of a path inside a process. */
export const processPath = (processId: string, to = '/') => `/p/${encodeURIComponent(processId)}${to === '/' ? '' : to}`;

const Ctx = createContext<Router>({ path: '/', full: '/', moves: 0, processId: null, navigate: () => {}, href: (to) => to });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [full, setFull] = useState(() => window.location.pathname);
  const [moves, setMoves] = useState(0);
  useEffect(() => {
    const onPop = () => {
      setFull(window.location.pathname);
      setMoves((m) => m + 1);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const { processId, path } = locate(full);
  const href = (to: string, outside = false) => (outside || !processId || !to.startsWith('/') ? to : processPath(processId, to));
  const navigate: Router['navigate'] = (to, opts = {}) => {
    const target = href(to, opts.outside);
    if (target === window.location.pathname) return;
    if (opts.replace) window.history.replaceState(null, '', target);
    else window.history.pushState(null, '', target);
    setFull(new URL(target, window.location.origin).pathname);
    if (opts.replace) return;
    setMoves((m) => m + 1);
    window.scrollTo(0, 0);
  };
  return <Ctx.Provider value={{ path, full, moves, processId, navigate, href }}>{children}</Ctx.Provider>;
}

export const useRouter = () => useContext(Ctx);

/**
 * A link that changes the page without reloading; modified clicks (new tab) behave as usual.
 * `to` is a path inside the current process; `outside` makes it a path of the whole site (/admin, /).
 */
export function Link({
  to,
  outside = false,
  children,
  ...rest
}: { to: string; outside?: boolean; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const { navigate, href, full } = useRouter();
  const target = href(to, outside);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to, { outside });
  };
  return (
    <a href={target} onClick={onClick} aria-current={full === target ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}

/** Matches `/talks/:id` style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = s[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(seg);
    else if (part !== seg) return null;
  }
  return params;
}
