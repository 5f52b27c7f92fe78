import { useEffect, type RefObject } from 'react';

/**
 * Lets the tables under `root` stack into cards on a phone (styles.css, `table.stack`): each body cell gets its
 * column's heading as `data-label`, which the stacked layout prints above the value. Tables are written by every
 * page, so this follows the DOM instead of asking each page to label its cells; a cell that already has a
 * data-label keeps it. The stacked layout changes `display`, which drops table semantics in some browsers, so the
 * roles are restated. A table marked `data-keep` (a chart's read-out that must stay a grid) is left alone.
 */
export function labelTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table:not([data-keep])')) {
    const head = table.tHead?.rows[table.tHead.rows.length - 1];
    if (!head) continue;
    const labels: string[] = [];
    for (const th of head.cells) for (let i = 0; i < th.colSpan; i++) labels.push(th.textContent?.trim() ?? '');
    table.classList.add('stack');
    setIfChanged(table, 'role', 'table');
    for (const group of [table.tHead, ...table.tBodies, table.tFoot]) if (group) setIfChanged(group, 'role', 'rowgroup');
    for (const row of table.rows) {
      setIfChanged(row, 'role', 'row');
      let col = 0;
      for (const cell of row.cells) {
        const inHead = row.parentElement === table.tHead;
        setIfChanged(cell, 'role', cell.tagName === 'TH' ? (inHead ? 'columnheader' : 'rowheader') : 'cell');
        const label = labels[col];
        // A page's own data-label wins; the ones written here are marked so a language switch can rewrite them.
        if (!inHead && label && (!cell.hasAttribute('data-label') || cell.hasAttribute('data-auto-label'))) {
          setIfChanged(cell, 'data-label', label);
          setIfChanged(cell, 'data-auto-label', '');
        }
        col += cell.colSpan;
      }
    }
  }
}

// Writing an attribute that did not change would still be a mutation; only real changes are made.
function setIfChanged(el: Element, name: string, value: string) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Keeps the tables under `ref` labelled as pages render, load and switch language. */
export function useStackedTables(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    labelTables(root);
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        labelTables(root);
      });
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [ref]);
}
