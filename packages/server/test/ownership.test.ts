import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, world, type RoleName, type World } from './support/world.ts';

/**
 * The ownership matrix, walked over HTTP: role × kind × author × operation.
 *
 * The rule, as a person reads it:
 * - a role writes only the kinds the table below gives it;
 * - a record belongs to its author side: the mediator's, a party's (all of that party's
 *   delegates), or one monitor's or analyst's own;
 * - only the author side and the mediator may write a new version of it, publish it or
 *   restrict it, and nobody may give it an audience they cannot read themselves;
 * - everyone else is refused and the record is left exactly as it was.
 */
const WRITERS: Record<string, RoleName[]> = {
  sources: ['mediator', 'delegateUkr', 'delegateRus', 'analyst', 'monitor'],
  statements: ['mediator', 'delegateUkr', 'delegateRus', 'analyst'],
  claims: ['mediator', 'delegateUkr', 'delegateRus', 'analyst'],
  figures: ['mediator', 'analyst', 'monitor'],
  observations: ['mediator', 'analyst', 'monitor'],
  lines: ['mediator', 'delegateUkr', 'delegateRus', 'analyst'],
  restrictions: ['mediator', 'analyst', 'monitor'],
  meetings: ['mediator'],
};
const SIDE: Record<RoleName, string> = { mediator: 'mediator', delegateUkr: 'party:ukr', delegateRus: 'party:rus', analyst: 'analyst', monitor: 'monitor' };
const PARTY: Partial<Record<RoleName, string>> = { delegateUkr: 'ukr', delegateRus: 'rus' };
const ACTORS: (RoleName | 'anonymous')[] = ['mediator', 'delegateUkr', 'delegateRus', 'analyst', 'monitor', 'anonymous'];

type Operation = 'replace' | 'publish' | 'restrict';
const OPERATIONS: Operation[] = ['replace', 'publish', 'restrict'];

function expected(kind: string, author: RoleName, actor: RoleName | 'anonymous', op: Operation): number {
  if (actor === 'anonymous') return 401; // refused before the body is read
  if (!WRITERS[kind]!.includes(actor)) return 403;
  if (actor !== 'mediator' && SIDE[actor] !== SIDE[author]) return 403;
  // Restricting gives the record to Ukraine's side: only Ukraine's people and the mediator can read that.
  if (op === 'restrict' && actor !== 'mediator' && PARTY[actor] !== 'ukr') return 403;
  return 200;
}

describe(`ownership and publishing (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let sourceId: string;
  const bodies: Record<string, (n: number) => Record<string, unknown>> = {
    sources: (n) => build.source({ title: `Report ${n}` }),
    statements: (n) => ({ date: '2014-11-20', speech: 'direct', text: `Said ${n}`, stance: 'denial', sourceId }),
    claims: (n) => ({ text: `Claim ${n}`, sourceId }),
    figures: (n) => ({ qualifier: 'about', value: n, unit: 'people', measure: 'killed', asOf: '2014-11-18', sourceId }),
    observations: (n) => ({
      method: 'heard',
      kind: 'explosion',
      count: n + 1,
      approximate: true,
      observer: { lat: 48.0, lon: 37.7 },
      time: { from: '2014-10-02T08:00:00Z' },
    }),
    lines: (n) => ({
      kind: 'contact',
      date: '2014-09-19',
      approximate: true,
      note: `Line ${n}`,
      geometry: {
        type: 'LineString',
        coordinates: [
          [37.75, 47.9],
          [37.75, 48.3],
        ],
      },
      sources: [],
    }),
    restrictions: (n) => ({ date: '2014-10-01', place: { name: 'Checkpoint' }, description: `Stopped ${n}` }),
    meetings: (n) => build.meeting({ title: { en: `Round ${n}` } }),
  };

  beforeAll(async () => {
    w = await world();
    sourceId = (await call(w, 'POST', '/sources', 'mediator', build.source({ audience: 'forum' }))).json.id;
  });

  it('lets only the author side and the mediator replace, publish or restrict a record, for every kind and role', async () => {
    let n = 0;
    const failures: string[] = [];
    for (const [kind, writers] of Object.entries(WRITERS)) {
      for (const author of writers) {
        const created = await call(w, 'POST', `/${kind}`, author, { ...bodies[kind]!(n++), audience: 'forum' });
        expect(created.status, `${author} creates ${kind}: ${created.body}`).toBe(201);
        const id = created.json.id as string;
        for (const actor of ACTORS) {
          for (const op of OPERATIONS) {
            const before = (await call(w, 'GET', `/${kind}/${id}`, 'mediator')).json;
            const audience = op === 'publish' ? { audience: 'public' } : op === 'restrict' ? { audience: 'party', audienceParty: 'ukr' } : {};
            const res = await call(w, 'PUT', `/${kind}/${id}`, actor, { ...bodies[kind]!(n++), ...audience, version: before.version });
            const after = (await call(w, 'GET', `/${kind}/${id}`, 'mediator')).json;
            const want = expected(kind, author, actor, op);
            const cell = `${kind} by ${author}, ${op} by ${actor}`;
            if (res.status !== want) failures.push(`${cell}: ${res.status}, expected ${want} (${res.body.slice(0, 160)})`);
            if (want !== 200 && after.version !== before.version) failures.push(`${cell}: refused but changed`);
            if (want === 200 && after.audience !== (audience.audience ?? before.audience)) failures.push(`${cell}: audience not applied`);
            expect(after.owner, cell).toEqual(created.json.owner);
            // Put the record back in the forum, so the next cell starts from the same place.
            if (after.audience !== 'forum')
              expect((await call(w, 'PUT', `/${kind}/${id}`, 'mediator', { ...bodies[kind]!(n++), audience: 'forum', version: after.version })).status).toBe(
                200,
              );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps the audience on an edit that does not name one, and removes the fields the new body leaves out', async () => {
    const made = await call(w, 'POST', '/sources', 'delegateUkr', build.source({ audience: 'party', audienceParty: 'ukr', url: 'https://example.org/a' }));
    expect(made.status, made.body).toBe(201);
    const edited = await call(w, 'PUT', `/sources/${made.json.id}`, 'delegateUkr', { ...build.source({ title: 'Corrected' }), version: 1 });
    expect(edited.status, edited.body).toBe(200);
    expect(edited.json).toMatchObject({ audience: 'party', audienceParty: 'ukr', title: 'Corrected', version: 2 });
    expect(edited.json.url).toBeUndefined();
    // Russia cannot find it, so it cannot hide it or overwrite it either.
    expect((await call(w, 'PUT', `/sources/${made.json.id}`, 'delegateRus', { ...build.source(), version: 2 })).status).toBe(404);
  });

  it('never lets a party hide the mediator’s public record, nor another party’s', async () => {
    const line = await call(w, 'POST', '/lines', 'mediator', { ...bodies.lines!(0), audience: 'public' });
    const hide = await call(w, 'PUT', `/lines/${line.json.id}`, 'delegateUkr', { ...bodies.lines!(0), audience: 'party', audienceParty: 'ukr', version: 1 });
    expect(hide.json.error).toMatchObject({ code: 'forbidden', reason: 'not_your_record' });
    expect((await call(w, 'GET', `/lines/${line.json.id}`, 'anonymous')).status).toBe(200);
    const rus = await call(w, 'POST', '/statements', 'delegateRus', { ...bodies.statements!(0), audience: 'forum' });
    const over = await call(w, 'PUT', `/statements/${rus.json.id}`, 'delegateUkr', {
      ...bodies.statements!(1),
      audience: 'party',
      audienceParty: 'ukr',
      version: 1,
    });
    expect(over.json.error.reason).toBe('not_your_record');
    expect((await call(w, 'GET', `/statements/${rus.json.id}`, 'delegateRus')).json).toMatchObject({ version: 1, text: 'Said 0' });
  });

  it('serves a receipt and the history of a version under that version’s own audience', async () => {
    const made = await call(w, 'POST', '/sources', 'mediator', build.source({ title: 'Draft', audience: 'mediator' }));
    await call(w, 'PUT', `/sources/${made.json.id}`, 'mediator', { ...build.source({ title: 'Published' }), audience: 'public', version: 1 });
    const first = await call(w, 'GET', `/log/records/source/${made.json.id}/receipt?version=1`, 'anonymous');
    expect(first.status).toBe(200);
    expect(first.json.body).toBeUndefined();
    expect((await call(w, 'GET', `/log/records/source/${made.json.id}/receipt?version=1`, 'mediator')).json.body).toMatchObject({ body: { title: 'Draft' } });
    expect((await call(w, 'GET', `/log/records/source/${made.json.id}/receipt?version=2`, 'anonymous')).json.body).toMatchObject({
      body: { title: 'Published' },
    });
    const history = (await call(w, 'GET', `/sources/${made.json.id}/history`, 'anonymous')).json.items as { version: number }[];
    expect(history.map((h) => h.version)).toEqual([2]);
  });

  it('links a statement’s speaker to their party, and refuses a party that contradicts the person', async () => {
    const person = await call(w, 'POST', '/people', 'mediator', { names: { en: 'Envoy' }, partyId: 'rus' });
    expect(person.status, person.body).toBe(201);
    const st = await call(w, 'POST', '/statements', 'delegateUkr', { ...bodies.statements!(0), speakerId: person.json.id });
    expect(st.json).toMatchObject({ speakerPartyId: 'rus', owner: { side: 'party', partyId: 'ukr' } });
    const wrong = await call(w, 'POST', '/statements', 'delegateUkr', { ...bodies.statements!(0), speakerId: person.json.id, speakerPartyId: 'ukr' });
    expect(wrong.json.error).toMatchObject({ reason: 'speaker_party_mismatch', details: { field: 'speakerPartyId' } });
  });

  it('gives a record that is not public an id that says nothing, the same one again for the same client id', async () => {
    const secret = await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-back-channel-with-rus', audience: 'mediator' }));
    expect(secret.status, secret.body).toBe(201);
    expect(secret.json.id).toMatch(/^sou-[0-9a-f]{24}$/);
    const again = await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-back-channel-with-rus', audience: 'mediator' }));
    expect([again.status, again.json.id]).toEqual([200, secret.json.id]);
    const other = await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-back-channel-with-rus', audience: 'mediator', title: 'Other' }));
    expect(other.json.error).toMatchObject({ code: 'conflict', reason: 'id_reused', details: { field: 'id' } });
    const open = await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-press-release', audience: 'public' }));
    expect(open.json.id).toBe('src-press-release');
    const ids = (await w.rt.store.reader.allJournal(w.pid)).map((e) => e.recordId);
    expect(ids).toContain(secret.json.id);
    expect(ids.some((id) => id.includes('back-channel'))).toBe(false);
  });

  it('takes back every kind exactly as GET gave it (PUT), and applies a JSON Merge Patch (PATCH)', async () => {
    for (const kind of Object.keys(WRITERS)) {
      const made = await call(w, 'POST', `/${kind}`, 'mediator', { ...bodies[kind]!(7), audience: 'forum' });
      const read = (await call(w, 'GET', `/${kind}/${made.json.id}`, 'mediator')).json;
      const back = await call(w, 'PUT', `/${kind}/${made.json.id}`, 'mediator', read);
      expect(back.status, `${kind}: ${back.body}`).toBe(200);
      const { version: v1, updatedAt: _u1, ...same } = read;
      const { version: v2, updatedAt: _u2, ...again } = back.json;
      expect(again, kind).toEqual(same);
      expect(v2).toBe(v1 + 1);
    }
    const src = await call(w, 'POST', '/sources', 'mediator', build.source({ url: 'https://example.org/x', audience: 'forum' }));
    const patch = (body: unknown, type = 'application/merge-patch+json') =>
      w.app.inject({
        method: 'PATCH',
        url: w.url(`/sources/${src.json.id}`),
        headers: { ...w.headers.mediator, 'content-type': type },
        payload: JSON.stringify(body),
      });
    const patched = await patch({ title: 'Patched', url: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Patched', publisher: 'Agency', audience: 'forum', version: 2 });
    expect(patched.json().url).toBeUndefined();
    expect((await patch({ version: 1, title: 'Late' })).json().error.reason).toBe('stale_version');
    expect((await patch({ language: 7 })).json().error).toMatchObject({ code: 'validation', details: { field: 'language' } });
    expect((await patch({ surprise: 1 })).json().error.reason).toBe('unknown_field');
    expect((await patch(['title'])).json().error).toMatchObject({ code: 'validation', reason: 'invalid_type' });
    const ukr = await w.app.inject({
      method: 'PATCH',
      url: w.url(`/sources/${src.json.id}`),
      headers: { ...w.headers.delegateUkr, 'content-type': 'application/merge-patch+json' },
      payload: '{"audience":"public"}',
    });
    expect(ukr.json().error.reason).toBe('not_your_record');
    expect((await call(w, 'GET', `/sources/${src.json.id}`, 'mediator')).json).toMatchObject({ title: 'Patched', version: 2, audience: 'forum' });
  });
});
