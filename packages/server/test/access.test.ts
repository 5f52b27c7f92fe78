import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, world, type RoleName, type World } from './support/world.ts';

type Who = RoleName | 'anonymous';
const WHO: Who[] = ['anonymous', 'mediator', 'delegateUkr', 'delegateRus', 'monitor', 'analyst'];
const AUDIENCES = [
  { key: 'public', audience: 'public' },
  { key: 'forum', audience: 'forum' },
  { key: 'party-ukr', audience: 'party', audienceParty: 'ukr' },
  { key: 'party-rus', audience: 'party', audienceParty: 'rus' },
  { key: 'mediator', audience: 'mediator' },
] as const;

/** The need-to-know table of the product brief, written out independently of the policy code. */
const MAY_SEE: Record<Who, string[]> = {
  anonymous: ['public'],
  mediator: ['public', 'forum', 'party-ukr', 'party-rus', 'mediator'],
  delegateUkr: ['public', 'forum', 'party-ukr'],
  delegateRus: ['public', 'forum', 'party-rus'],
  monitor: ['public', 'forum'],
  analyst: ['public', 'forum'],
};

describe(`need-to-know across every route (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  // collection → audience key → record id
  const made: Record<string, Record<string, string>> = {};
  const walked = new Set<string>();

  beforeAll(async () => {
    w = await world();
    const src = (await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-base' }))).json.id;
    const inputs: Record<string, (k: string) => Record<string, unknown>> = {
      sources: (k) => build.source({ title: `Source ${k}` }),
      meetings: (k) => build.meeting({ title: { en: `Meeting ${k}` } }),
      agreements: (k) => build.agreement({ titles: { en: `Agreement ${k}` } }),
      statements: (k) => ({ date: '2014-11-20', speech: 'reported', text: `Statement ${k}`, stance: 'accusation', sourceId: src }),
      claims: (k) => ({ text: `Claim ${k}`, sourceId: src }),
      figures: (k) => ({ qualifier: 'more_than', value: 4300, unit: 'people', measure: `killed ${k}`, asOf: '2014-11-18', sourceId: src }),
      people: (k) => ({ names: { en: `Person ${k}` } }),
      mandates: () => ({ personId: made.people!.public, role: 'envoy', from: '2014-06', standing: 'official' }),
      parties: (k) => ({ names: { en: `Party ${k}` }, kind: 'other' }),
      forums: (k) => ({ names: { en: `Forum ${k}` }, members: [{ partyId: 'osce', role: 'mediator' }] }),
      incidents: (k) => ({
        date: { start: '2014-09-20', end: '2014-09-20', precision: 'day' },
        place: { lat: 48, lon: 37.8, precision: 'exact', name: `Incident ${k}` },
        actors: [],
        casualties: { killed: { low: 0, best: 0, high: 0 } },
        sources: [],
      }),
      observations: (k) => ({
        method: 'seen',
        kind: 'flare',
        count: 1,
        approximate: false,
        observer: { lat: 48, lon: 37.8, name: `Post ${k}` },
        time: { from: '2014-09-20T20:00:00Z' },
      }),
      lines: (k) => ({
        kind: 'contact',
        date: '2014-09-19',
        approximate: true,
        geometry: {
          type: 'LineString',
          coordinates: [
            [37.75, 47.9],
            [37.75, 48.3],
          ],
        },
        note: `Line ${k}`,
      }),
      restrictions: (k) => ({
        date: '2014-09-20',
        place: { name: `Checkpoint ${k}`, admin1: 'Donetsk' },
        byLabel: 'armed men',
        description: `Restriction ${k}`,
      }),
    };
    for (const [collection, input] of Object.entries(inputs)) {
      made[collection] = {};
      for (const a of AUDIENCES) {
        const { key, ...vis } = a;
        const r = await call(w, 'POST', `/${collection}`, 'mediator', { ...input(key), ...vis });
        expect(r.status, `${collection} ${key}: ${r.body}`).toBe(201);
        made[collection]![key] = r.json.id;
      }
    }
    // Records created through verbs of their own, each with every audience (attendance is always forum-wide).
    made.invitations = {};
    made.provisions = {};
    made.assessments = {};
    made.attendance = {};
    made.verifications = {};
    made.attributions = {};
    const held = (await call(w, 'POST', '/meetings', 'mediator', build.meeting({ audience: 'public' }))).json.id;
    await call(w, 'POST', `/meetings/${held}/transitions`, 'mediator', { to: 'scheduled', at: '2014-09-01', reason: 'agreed', version: 1 });
    await call(w, 'POST', `/meetings/${held}/transitions`, 'mediator', { to: 'held', at: '2014-09-05', reason: 'met', version: 2 });
    const parties = ['ukr', 'rus', 'osce', 'ordo', 'ordl'];
    for (const [n, a] of AUDIENCES.entries()) {
      const { key, ...vis } = a;
      made.invitations[key] = (await call(w, 'POST', `/meetings/${made.meetings!.public}/invitations`, 'mediator', { partyId: parties[n], ...vis })).json.id;
      made.attendance[key] = (await call(w, 'POST', `/meetings/${held}/attendance`, 'mediator', { partyId: parties[n], status: 'attended' })).json.id;
      made.provisions[key] = (
        await call(w, 'POST', `/agreements/${made.agreements!.public}/provisions`, 'mediator', {
          number: String(n + 1),
          paraphrase: { en: `Point ${key}` },
          ...vis,
        })
      ).json.id;
      const assessed = await call(w, 'POST', `/agreements/${made.agreements!.public}/provisions/1/assessments`, 'mediator', {
        level: 1,
        asOf: `2014-11-0${n + 1}`,
        assessor: 'OSCE',
        perspective: 'neutral',
        rationale: `Assessment ${key}`,
        evidence: [{ kind: 'source', id: src }],
        ...vis,
      });
      expect(assessed.status, assessed.body).toBe(201);
      made.assessments[key] = assessed.json.id;
      // A verification step is as visible as its incident; an attribution has its own audience.
      const step = await call(w, 'POST', `/incidents/${made.incidents![key]}/verifications`, 'mediator', {
        to: 'corroborated',
        reason: `Step ${key}`,
        version: 1,
      });
      expect(step.status, step.body).toBe(201);
      made.verifications[key] = step.json.step.id;
      const attributed = await call(w, 'POST', `/incidents/${made.incidents!.public}/attributions`, 'mediator', {
        kind: 'assessed',
        responsibleLabel: 'undetermined',
        text: `Attribution ${key}`,
        sources: [],
        ...vis,
      });
      expect(attributed.status, attributed.body).toBe(201);
      made.attributions[key] = attributed.json.id;
    }
  });

  const visibleKeys = (who: Who) => MAY_SEE[who];

  it('lists only what each role may see, for every collection', async () => {
    for (const [collection, byKey] of Object.entries(made)) {
      walked.add(`/api/processes/{processId}/${collection}`);
      for (const who of WHO) {
        const r = await call(w, 'GET', `/${collection}?limit=500`, who);
        expect(r.status).toBe(200);
        const ids = new Set(r.json.items.map((i: { id: string }) => i.id));
        for (const [key, id] of Object.entries(byKey)) {
          const expected = collection === 'attendance' ? visibleKeys(who).includes('forum') : visibleKeys(who).includes(key);
          expect(ids.has(id), `${who} listing ${collection} ${key}`).toBe(expected);
        }
      }
    }
  });

  it('answers a hidden record exactly like a missing one, on every read route', async () => {
    const reads = (collection: string, id: string) => [
      [`/api/processes/{processId}/${collection}/{id}`, `/${collection}/${id}`],
      [`/api/processes/{processId}/${collection}/{id}/history`, `/${collection}/${id}/history`],
      ...(collection === 'meetings' ? [[`/api/processes/{processId}/meetings/{id}/dossier`, `/meetings/${id}/dossier`]] : []),
      ...(collection === 'agreements' ? [[`/api/processes/{processId}/agreements/{id}/matrix`, `/agreements/${id}/matrix`]] : []),
    ];
    for (const [collection, byKey] of Object.entries(made)) {
      for (const who of WHO) {
        for (const [key, id] of Object.entries(byKey)) {
          const visible = collection === 'attendance' ? visibleKeys(who).includes('forum') : visibleKeys(who).includes(key);
          for (const [route, path] of reads(collection, id)) {
            walked.add(route!);
            const r = await call(w, 'GET', path!, who);
            if (visible) {
              expect(r.status, `${who} ${path}`).toBe(200);
              continue;
            }
            const missing = await call(w, 'GET', path!.replace(id, 'no-such-record'), who);
            expect(r.status, `${who} ${path}`).toBe(404);
            expect(r.body.replaceAll(id, 'X')).toBe(missing.body.replaceAll('no-such-record', 'X'));
          }
        }
      }
    }
  });

  it('keeps hidden records out of the calendar, the export and the matrix', async () => {
    walked.add('/api/processes/{processId}/calendar.ics');
    walked.add('/api/processes/{processId}/export');
    walked.add('/api/processes/{processId}/incidents.csv');
    for (const who of WHO) {
      const ics = (await call(w, 'GET', '/calendar.ics', who)).body;
      const exported = (await call(w, 'GET', '/export', who)).body;
      const matrix = (await call(w, 'GET', `/agreements/${made.agreements!.public}/matrix?dates=2014-11-01,2014-11-02,2014-11-03,2014-11-04,2014-11-05`, who))
        .body;
      const incidentsCsv = (await call(w, 'GET', '/incidents.csv', who)).body;
      for (const a of AUDIENCES) {
        const visible = visibleKeys(who).includes(a.key);
        expect(ics.includes(`Meeting ${a.key}`), `${who} calendar ${a.key}`).toBe(visible);
        expect(exported.includes(`Statement ${a.key}`), `${who} export ${a.key}`).toBe(visible);
        expect(matrix.includes(`Point ${a.key}`), `${who} matrix ${a.key}`).toBe(visible);
        expect(incidentsCsv.includes(`Incident ${a.key}`), `${who} incidents.csv ${a.key}`).toBe(visible);
        expect(matrix.includes(made.assessments![a.key]!), `${who} matrix assessment ${a.key}`).toBe(visible);
      }
      expect(exported.includes('"journal":'), `${who} journal in export`).toBe(who === 'mediator');
    }
  });

  it('keeps hidden records out of violations, map layers, clusters, the daily report and the open exports', async () => {
    const sightings: Record<string, string> = {};
    for (const { key, ...vis } of AUDIENCES) {
      const r = await call(w, 'POST', '/observations', 'mediator', {
        method: 'seen',
        kind: 'weapon_sighting',
        count: 1,
        approximate: false,
        weapon: 'artillery_100mm_plus',
        observer: { lat: 48.1, lon: 37.8 },
        time: { from: '2014-09-20T09:00:00Z' },
        ...vis,
      });
      expect(r.status, r.body).toBe(201);
      sightings[key] = r.json.id;
    }
    const routes = [
      'violations',
      'lines.geojson',
      'zones.geojson',
      'reports/daily',
      'map/clusters',
      'incidents.geojson',
      'incidents.hxl.csv',
      'incidents.acled.csv',
      'incidents/series',
    ];
    for (const r of routes) walked.add(`/api/processes/{processId}/${r}`);
    for (const who of WHO) {
      const keys = visibleKeys(who);
      const lines = new Set(keys.map((k) => made.lines![k]));
      const violations = (await call(w, 'GET', '/violations?date=2014-09-20', who)).json.items as { observationId: string; line: { id: string } }[];
      expect(new Set(violations.map((v) => v.observationId)), `${who} violations`).toEqual(new Set(keys.map((k) => sightings[k])));
      for (const v of violations) expect(lines.has(v.line.id), `${who} violation measured from a hidden line`).toBe(true);
      const layer = (await call(w, 'GET', '/lines.geojson', who)).body;
      for (const a of AUDIENCES) expect(layer.includes(`Line ${a.key}`), `${who} lines.geojson ${a.key}`).toBe(keys.includes(a.key));
      const zones = JSON.parse((await call(w, 'GET', '/zones.geojson?date=2014-09-20', who)).body).features as { properties: { line: { id: string } } }[];
      expect(zones.length).toBeGreaterThan(0);
      for (const z of zones) expect(lines.has(z.properties.line.id), `${who} zone around a hidden line`).toBe(true);
      const report = (await call(w, 'GET', '/reports/daily?date=2014-09-20', who)).json;
      expect(report.totals.incidents.today, `${who} report incidents`).toBe(keys.length);
      expect(report.totals.restrictions, `${who} report restrictions`).toBe(keys.length);
      expect(report.totals.weaponsInViolation, `${who} report weapons`).toBe(keys.length);
      const page = (await call(w, 'GET', '/reports/daily?date=2014-09-20&format=html', who)).body;
      for (const a of AUDIENCES) expect(page.includes(`Restriction ${a.key}`), `${who} report page ${a.key}`).toBe(keys.includes(a.key));
      const clusters = JSON.parse((await call(w, 'GET', '/map/clusters?bbox=-180,-90,180,90&zoom=4', who)).body).features as {
        properties: { count: number };
      }[];
      expect(
        clusters.reduce((n, f) => n + f.properties.count, 0),
        `${who} clusters`,
      ).toBe(keys.length);
      const series = (await call(w, 'GET', '/incidents/series?from=2014-09-20&to=2014-09-20&interval=day', who)).json as { points: { incidents: number }[] };
      expect(
        series.points.reduce((n, p) => n + p.incidents, 0),
        `${who} incident series`,
      ).toBe(keys.length);
      const geojson = (await call(w, 'GET', '/incidents.geojson', who)).body;
      const hxl = (await call(w, 'GET', '/incidents.hxl.csv', who)).body;
      const acled = (await call(w, 'GET', '/incidents.acled.csv', who)).body;
      for (const a of AUDIENCES) {
        expect(acled.includes(`Incident ${a.key}`), `${who} incidents.acled.csv ${a.key}`).toBe(keys.includes(a.key));
        expect(geojson.includes(`Incident ${a.key}`), `${who} incidents.geojson ${a.key}`).toBe(keys.includes(a.key));
        expect(hxl.includes(`Incident ${a.key}`), `${who} incidents.hxl.csv ${a.key}`).toBe(keys.includes(a.key));
      }
    }
  });

  it('refuses writes outside one’s role, party or audience, and anonymous writes', async () => {
    const src = build.source();
    expect((await call(w, 'POST', '/sources', 'anonymous', src)).status).toBe(401);
    expect((await call(w, 'POST', '/meetings', 'delegateUkr', build.meeting())).status).toBe(403);
    expect((await call(w, 'POST', '/sources', 'delegateUkr', { ...src, audience: 'mediator' })).json.error.reason).toBe('audience_not_allowed');
    expect((await call(w, 'POST', '/sources', 'delegateUkr', { ...src, audience: 'party', audienceParty: 'rus' })).status).toBe(403);
    expect((await call(w, 'POST', '/sources', 'delegateUkr', { ...src, audience: 'party', audienceParty: 'ukr' })).status).toBe(201);
    const statement = { date: '2014-11-20', speech: 'direct', text: 'x', stance: 'denial', sourceId: made.sources!.public, speakerPartyId: 'rus' };
    // Ukraine may put Russia's words on record, but as what Ukraine reports: the record shows who entered it.
    const reported = await call(w, 'POST', '/statements', 'delegateUkr', statement);
    expect(reported.status).toBe(201);
    expect(reported.json).toMatchObject({ speakerPartyId: 'rus', owner: { side: 'party', partyId: 'ukr' }, createdBy: w.actors.delegateUkr.username });
    expect((await call(w, 'POST', '/statements', 'delegateRus', statement)).json.owner).toEqual({ side: 'party', partyId: 'rus' });
    // A reference to a record the writer cannot see is as unknown as a missing one.
    const hidden = await call(w, 'POST', '/figures', 'analyst', {
      qualifier: 'about',
      value: 1,
      unit: 'people',
      measure: 'killed',
      asOf: '2014-11-18',
      sourceId: made.sources!.mediator,
    });
    expect(hidden.json.error).toMatchObject({ code: 'validation', reason: 'unknown_reference', details: { field: 'sourceId' } });
  });

  it("shows a process's accounts and pending invites to its mediator only", async () => {
    for (const route of ['accounts', 'invites']) {
      for (const who of ['mediator', 'delegateUkr', 'delegateRus', 'monitor', 'analyst', 'anonymous'] as const) {
        const expected = who === 'mediator' ? 200 : who === 'anonymous' ? 401 : 403;
        expect((await call(w, 'GET', `/${route}`, who)).status, `${who} ${route}`).toBe(expected);
      }
      walked.add(`/api/processes/{processId}/${route}`);
    }
  });

  it('lists to each reader their own calendar addresses only', async () => {
    for (const who of ['mediator', 'delegateUkr', 'delegateRus', 'monitor', 'analyst', 'anonymous'] as const) {
      const r = await call(w, 'GET', '/calendar-feeds', who);
      expect(r.status, who).toBe(who === 'anonymous' ? 401 : 200);
      if (who !== 'anonymous') expect(r.json.items, who).toEqual([]);
    }
    walked.add('/api/processes/{processId}/calendar-feeds');
  });

  it("answers search and one's own abilities within need-to-know", async () => {
    for (const who of ['mediator', 'delegateUkr', 'delegateRus', 'monitor', 'analyst', 'anonymous'] as const) {
      const hits = (await call(w, 'GET', '/search?q=Source&kind=source&limit=100', who)).json.items as { id: string }[];
      const keys = AUDIENCES.filter((a) => hits.some((h) => h.id === made.sources![a.key])).map((a) => a.key);
      expect(keys, `${who} search`).toEqual(MAY_SEE[who]);
      const me = (await call(w, 'GET', '/me', who)).json as { roles: { processId: string }[] };
      expect(
        me.roles.every((r) => r.processId === w.pid),
        `${who} me`,
      ).toBe(true);
    }
    walked.add('/api/processes/{processId}/search');
    walked.add('/api/processes/{processId}/me');
  });

  it('compares only lines the reader may see, a hidden one exactly like a missing one', async () => {
    for (const who of WHO) {
      for (const a of AUDIENCES) {
        const id = made.lines![a.key]!;
        for (const suffix of ['', '.geojson', '.csv']) {
          const r = await call(w, 'GET', `/lines/compare${suffix}?a=${id}&b=${made.lines!.public}`, who);
          if (visibleKeys(who).includes(a.key)) {
            expect(r.status, `${who} compare${suffix} ${a.key}`).not.toBe(404);
            continue;
          }
          const missing = await call(w, 'GET', `/lines/compare${suffix}?a=no-such-line&b=${made.lines!.public}`, who);
          expect(r.status, `${who} compare${suffix} ${a.key}`).toBe(404);
          expect(r.body.replaceAll(id, 'X')).toBe(missing.body.replaceAll('no-such-line', 'X'));
        }
      }
    }
    for (const suffix of ['', '.geojson', '.csv']) walked.add(`/api/processes/{processId}/lines/compare${suffix}`);
  });

  it('lists in the activity feed no entry of a record the reader may not see', async () => {
    for (const who of WHO) {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = (await call(w, 'GET', `/activity?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who)).json as {
          items: { recordId: string }[];
          next: string | null;
        };
        for (const e of page.items) ids.add(e.recordId);
        cursor = page.next;
      } while (cursor);
      for (const [collection, byKey] of Object.entries(made)) {
        if (collection === 'attendance') continue;
        for (const [key, id] of Object.entries(byKey)) {
          const visible = visibleKeys(who).includes(key);
          // Every hidden record is absent; the records made by a plain create are there when visible.
          if (!visible || ['sources', 'meetings', 'statements', 'lines'].includes(collection))
            expect(ids.has(id), `${who} activity ${collection} ${key}`).toBe(visible);
        }
      }
    }
    walked.add('/api/processes/{processId}/activity');
  });

  it('shows detainee data to the mediator and the submitting party only, on every exchange route; to everyone else it is missing', async () => {
    const entries = [{ surname: 'Коваленко', given: 'Микола', category: 'military' }];
    const list = (await call(w, 'POST', '/exchanges/lists', 'delegateUkr', { partyId: 'ukr', side: 'held_by_us', heldBy: 'ukr', title: 'Ours', entries })).json;
    const other = (await call(w, 'POST', '/exchanges/lists', 'delegateRus', { partyId: 'rus', side: 'held_by_us', heldBy: 'rus', title: 'Theirs', entries }))
      .json;
    const rec = (await call(w, 'POST', '/exchanges/reconciliations', 'mediator', { lists: [list.listId, other.listId] })).json;
    const purpose = 'purpose=checking%20access';
    const person = (await call(w, 'GET', `/exchanges/lists/${list.listId}?${purpose}`, 'mediator')).json.people[0].id as string;
    const batch = (
      await call(w, 'POST', '/exchanges/batches', 'mediator', {
        title: 'B',
        terms: 'n_for_m',
        agreed: { a: 1, b: 0 },
        sides: ['ukr', 'rus'],
        agreedOn: '2017-12-27',
        people: [person],
      })
    ).json;
    // [route, the path walked, who besides the mediator may read it]
    const routes: [string, string, Who[]][] = [
      ['/exchanges/lists', '/exchanges/lists', ['delegateUkr', 'delegateRus']],
      [`/exchanges/lists/${list.listId}?${purpose}`, '/exchanges/lists/{id}', ['delegateUkr']],
      [`/exchanges/people/${person}?${purpose}`, '/exchanges/people/{id}', ['delegateUkr']],
      [`/exchanges/search?q=Kovalenko&${purpose}`, '/exchanges/search', ['delegateUkr', 'delegateRus']],
      [`/exchanges/export.csv?${purpose}`, '/exchanges/export.csv', []],
      ['/exchanges/reconciliations', '/exchanges/reconciliations', []],
      [`/exchanges/reconciliations/${rec.id}?${purpose}`, '/exchanges/reconciliations/{id}', []],
      ['/exchanges/batches', '/exchanges/batches', []],
      [`/exchanges/batches/${batch.id}?${purpose}`, '/exchanges/batches/{id}', []],
      ['/exchanges/reviewers', '/exchanges/reviewers', []],
      ['/exchanges/access-log', '/exchanges/access-log', []],
    ];
    for (const [url, path, readers] of routes) {
      for (const who of WHO) {
        const r = await call(w, 'GET', url, who);
        const may = who === 'mediator' || readers.includes(who);
        expect(r.status, `${who} ${url}`).toBe(may ? 200 : 404);
        if (!may) expect(r.body, `${who} ${url}`).toMatch(/not_found_or_no_access/);
        // A party's search finds its own people only: the same name on the other side's list stays hidden.
        if (may && who === 'delegateRus') expect(r.body).not.toContain(list.listId);
      }
      walked.add(`/api/processes/{processId}${path}`);
    }
  });

  it('shows a source’s reading and document exactly to those who may see the source, and a job only to its submitter', async () => {
    const ended = async (who: Who, id: string) => {
      for (let i = 0; i < 200; i++) {
        const j = (await call(w, 'GET', `/ingest-jobs/${id}`, who)).json;
        if (j.state === 'done' || j.state === 'failed') return j;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the job did not end');
    };
    const report = (key: string) =>
      `Talks in Minsk\n\nThe mediator said on Friday that a new round of talks would be held next week in Minsk, according to a ${key} note.`;
    const sources: Record<string, string> = {};
    const jobs: Record<string, [Who, string]> = {};
    for (const [key, who, audience] of [
      ['public', 'analyst', { audience: 'public' }],
      ['mediator', 'mediator', { audience: 'mediator' }],
      ['party-ukr', 'delegateUkr', { audience: 'party', audienceParty: 'ukr' }],
    ] as const) {
      const r = await call(w, 'POST', '/sources/paste', who, {
        publisher: 'P',
        date: '2014-11-21',
        kind: 'article',
        format: 'text',
        content: report(key),
        ...audience,
      });
      expect(r.status, r.body).toBe(202);
      const job = await ended(who, r.json.id);
      expect(job.state, JSON.stringify(job.error)).toBe('done');
      sources[key] = job.sourceId;
      jobs[key] = [who, r.json.id];
    }
    const seesKey: Record<string, Who[]> = {
      public: WHO,
      mediator: ['mediator'],
      'party-ukr': ['mediator', 'delegateUkr'],
    };
    for (const [key, id] of Object.entries(sources))
      for (const who of WHO)
        for (const tail of ['reading', 'document']) {
          const r = await call(w, 'GET', `/sources/${id}/${tail}`, who);
          const may = seesKey[key]!.includes(who);
          expect(r.status, `${who} ${tail} of ${key}`).toBe(may ? 200 : 404);
          if (!may)
            expect(r.body.replaceAll(id, 'X')).toBe((await call(w, 'GET', `/sources/no-such-source/${tail}`, who)).body.replaceAll('no-such-source', 'X'));
        }
    for (const [who, id] of Object.values(jobs))
      for (const other of WHO) expect((await call(w, 'GET', `/ingest-jobs/${id}`, other)).status, `${other} job of ${who}`).toBe(other === who ? 200 : 404);
    for (const who of WHO) {
      const mine = (await call(w, 'GET', '/ingest-jobs', who)).json.items.map((j: { id: string }) => j.id);
      expect(mine.sort()).toEqual(
        Object.values(jobs)
          .filter(([by]) => by === who)
          .map(([, id]) => id)
          .sort(),
      );
    }
    for (const route of ['ingest-jobs', 'ingest-jobs/{jobId}', 'sources/{sourceId}/reading', 'sources/{sourceId}/document'])
      walked.add(`/api/processes/{processId}/${route}`);
  });

  it('covers every read route of the API', async () => {
    const spec = (await call(w, 'GET', '/api/openapi.json', 'anonymous')).json as { paths: Record<string, Record<string, unknown>> };
    const reads = Object.entries(spec.paths).filter(([p, ops]) => 'get' in ops && p.startsWith('/api/processes/{processId}/') && !p.includes('/log'));
    expect(reads.length).toBeGreaterThan(30);
    for (const [path] of reads) expect(walked.has(path), `route ${path} is not walked`).toBe(true);
  });
});
