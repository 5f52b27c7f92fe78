import { useEffect, useId, useState, type ReactNode } from 'react';
import { useRouter } from '../app/router.tsx';

/**
 * The header's sections and tools behind one menu button on narrow screens (styles.css shows the button only there);
 * on wider screens the panel is laid out as if the wrapper were not there. It closes when the page changes.
 */
export function NavMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const { path } = useRouter();
  const id = useId();
  useEffect(() => setOpen(false), [path]);
  return (
    <div className={open ? 'nav-menu open' : 'nav-menu'}>
      <button type="button" className="menu-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true" className="menu-icon" /> {label}
      </button>
      <div id={id} className="nav-menu-panel">
        {children}
      </div>
    </div>
  );
}
