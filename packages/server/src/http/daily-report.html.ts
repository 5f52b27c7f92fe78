import type { DailyReport, RegionReport } from '../domain/monitoring/daily-report.ts';

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const bounds = (b: { low: number; best: number; high: number }) => (b.low === b.high ? String(b.best) : `${b.best} (${b.low}–${b.high})`);

// Print first: the page is read on paper and as PDF as often as on screen, so no scripts, no external assets.
const STYLE = `
body{font:11pt/1.4 Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#111}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-style:italic;padding:.3em 0}
.note{font-size:.9em;color:#444}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}table,section{break-inside:avoid}a{color:inherit;text-decoration:none}}
@page{margin:18mm}`;

function regionSection(r: RegionReport): string {
  const weapons =
    r.weaponsInViolation.length === 0
      ? '<p>No weapons were seen inside their withdrawal zones.</p>'
      : `
<table><caption>Weapons in violation of withdrawal lines</caption>
<thead><tr><th>Observation</th><th>Weapon</th><th class="n">Distance from line (km)</th><th class="n">Required (km)</th><th>Rule</th><th>Line used</th></tr></thead>
<tbody>${r.weaponsInViolation.map((v) => `<tr><td>${esc(v.observationId)}</td><td>${esc(v.weapon)}</td><td class="n">${v.distanceKm.toFixed(1)}</td><td class="n">${v.rule.requiredKm}</td><td>${esc(v.rule.agreement)}</td><td>${esc(v.line.id)} of ${esc(v.line.date)}${v.line.approximate ? ' (approximate)' : ''}</td></tr>`).join('')}</tbody></table>`;
  const restrictions =
    r.restrictions.length === 0
      ? ''
      : `
<h3>Restrictions of freedom of movement</h3><ul>${r.restrictions.map((x) => `<li>${esc(x.place.name)}: ${esc(x.description)}${x.byLabel || x.byPartyId ? ` (by ${esc(x.byLabel ?? x.byPartyId)})` : ''}</li>`).join('')}</ul>`;
  return `
<section><h2>${esc(r.region)}</h2>
<table><thead><tr><th></th><th class="n">This day</th><th class="n">Previous day</th><th class="n">Change</th></tr></thead><tbody>
<tr><th>Incidents</th><td class="n">${r.incidents.today}</td><td class="n">${r.incidents.previous}</td><td class="n">${signed(r.incidents.change)}</td></tr>
<tr><th>Explosions recorded</th><td class="n">${r.explosions.today}</td><td class="n">${r.explosions.previous}</td><td class="n">${signed(r.explosions.change)}</td></tr>
</tbody></table>
<p>Killed: ${bounds(r.killed)}. Injured: ${bounds(r.injured)}. <span class="note">Best estimate, with low–high bounds where they differ.</span></p>
${weapons}${restrictions}</section>`;
}

/** Whether the day's incidents happened under a ceasefire, and which: before one began they violate nothing. */
const ceasefireLine = (r: DailyReport) =>
  r.ceasefire
    ? `Ceasefire in force since ${esc(r.ceasefire.since)} (${esc(r.ceasefire.agreementShortName ?? r.ceasefire.agreementTitles.en ?? r.ceasefire.agreementId)}, provision ${esc(r.ceasefire.provisionNumber)}): each incident below is counted as a violation of it, which says nothing of who fired.`
    : 'No ceasefire was in force on this day: its incidents are not violations of one.';

/** The daily report as a plain, printable page. */
export function dailyReportHtml(r: DailyReport, processName: string): string {
  const t = r.totals;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Daily report ${esc(r.date)} — ${esc(processName)}</title><style>${STYLE}</style></head>
<body><header><h1>Daily report, ${esc(r.date)}</h1><p>${esc(processName)}. Compared with ${esc(r.previousDate)}.</p></header>
<main>
<section><h2>Summary</h2><p>${ceasefireLine(r)}</p><p>${t.incidents.today} incidents (${signed(t.incidents.change)} on the previous day), ${t.explosions.today} explosions (${signed(t.explosions.change)}),
${t.weaponsInViolation} weapons seen inside their withdrawal zones, ${t.restrictions} restrictions of freedom of movement. Killed: ${bounds(t.killed)}; injured: ${bounds(t.injured)}.</p></section>
${r.regions.map(regionSection).join('\n')}
</main>
<footer><p class="note">Counts come from incidents and observations, not from reports. Violations of withdrawal lines are computed from the contact line in force and the rules of the agreements; an approximate line makes an approximate distance.</p></footer>
</body></html>`;
}
