import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { Comparison, Side } from './model.ts';

type Order<K extends string> = { key: K; up: boolean };

/** The parcels and the places that change sides, each table sortable by its columns. */
export function ComparisonTables({ comparison: c }: { comparison: Comparison }) {
  const { t, number, lang } = useI18n();
  const [po, setPo] = useState<Order<'n' | 'area'>>({ key: 'area', up: false });
  const [so, setSo] = useState<Order<'name' | 'population'>>({ key: 'population', up: false });
  const side = (s: Side) => c.area.sides[s][lang];
  const name = (n: { en: string; uk?: string; ru?: string }) => n[lang] ?? n.en;
  const dir = (up: boolean) => (up ? 1 : -1);
  const parcels = [...c.parcels].sort((x, y) => dir(po.up) * (po.key === 'n' ? x.n - y.n : x.areaKm2 - y.areaKm2));
  const places = [...c.settlements].sort((x, y) =>
    so.key === 'name' ? dir(so.up) * name(x.names).localeCompare(name(y.names)) : dir(so.up) * ((x.population ?? -1) - (y.population ?? -1)),
  );
  const sortButton = <K extends string>(label: string, key: K, order: Order<K>, set: (o: Order<K>) => void) => (
    <button type="button" className="link-button" onClick={() => set({ key, up: order.key === key ? !order.up : true })}>
      {label}
      {order.key === key ? (order.up ? ' ▲' : ' ▼') : ''}
    </button>
  );
  const aria = <K extends string>(key: K, order: Order<K>) => (order.key === key ? (order.up ? 'ascending' : 'descending') : 'none');
  return (
    <div className="lines-tables">
      <p>
        {t('lines.gained', { side: side('left'), km2: number(Math.round(c.gainedKm2.left * 10) / 10) })}
        <br />
        {t('lines.gained', { side: side('right'), km2: number(Math.round(c.gainedKm2.right * 10) / 10) })}
      </p>
      <h2>{t('lines.parcels')}</h2>
      {parcels.length === 0 ? (
        <p>{t('lines.noParcels')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table data-testid="parcels">
            <thead>
              <tr>
                <th scope="col" aria-sort={aria('n', po)}>
                  {sortButton(t('lines.parcel'), 'n', po, setPo)}
                </th>
                <th scope="col">{t('lines.fromSide')}</th>
                <th scope="col">{t('lines.toSide')}</th>
                <th scope="col" aria-sort={aria('area', po)}>
                  {sortButton(t('lines.area'), 'area', po, setPo)}
                </th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((p) => (
                <tr key={p.n}>
                  <td>{p.n}</td>
                  <td>{side(p.from)}</td>
                  <td>{side(p.to)}</td>
                  <td>{number(Math.round(p.areaKm2 * 100) / 100)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('lines.settlements')}</h2>
      {places.length === 0 ? (
        <p>{t('lines.noSettlements')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table data-testid="settlements">
            <thead>
              <tr>
                <th scope="col" aria-sort={aria('name', so)}>
                  {sortButton(t('lines.name'), 'name', so, setSo)}
                </th>
                <th scope="col" aria-sort={aria('population', so)}>
                  {sortButton(t('lines.population'), 'population', so, setSo)}
                </th>
                <th scope="col">{t('lines.toSide')}</th>
                <th scope="col">{t('lines.parcel')}</th>
              </tr>
            </thead>
            <tbody>
              {places.map((s) => (
                <tr key={s.id}>
                  <td>{name(s.names)}</td>
                  <td>{s.population === null ? '—' : number(s.population)}</td>
                  <td>{side(s.to)}</td>
                  <td>{s.parcel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
