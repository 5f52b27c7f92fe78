import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, world, type World } from './support/world.ts';

describe(`talks over HTTP (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let src: string;
  beforeAll(async () => {
    w = await world();
    src = (await call(w, 'POST', '/sources', 'mediator', build.source({ id: 'src-nov' }))).json.id;
  });

  const newMeeting = async (o: Record<string, unknown> = {}) => {
    const r = await call(w, 'POST', '/meetings', 'mediator', build.meeting(o));
    expect(r.status).toBe(201);
    return r.json as { id: string; version: number; status: string };
  };
  const move = (id: string, to: string, version: number, extra: Record<string, unknown> = {}) =>
    call(w, 'POST', `/meetings/${id}/transitions`, 'mediator', { to, at: '2014-11-20', reason: `now ${to}`, version, ...extra });

  it('walks a meeting through its life cycle and keeps every step', async () => {
    const m = await newMeeting();
    expect(m.status).toBe('proposed');
    let r = await move(m.id, 'scheduled', 1);
    expect(r.status).toBe(200);
    r = await move(m.id, 'postponed', 2);
    r = await move(m.id, 'scheduled', 3);
    r = await move(m.id, 'held', 4, { sources: [{ sourceId: src }] });
    expect(r.json).toMatchObject({ status: 'held', version: 5 });
    const d = await call(w, 'GET', `/meetings/${m.id}/dossier`, 'delegateUkr');
    expect(d.json.history.map((h: { to: string }) => h.to)).toEqual(['scheduled', 'postponed', 'scheduled', 'held']);
    expect(d.json.history[3]).toMatchObject({ from: 'scheduled', reason: 'now held', sources: [{ sourceId: src }] });
  });

  it('refuses a transition the life cycle forbids and writes nothing', async () => {
    const m = await newMeeting();
    await move(m.id, 'scheduled', 1);
    await move(m.id, 'held', 2);
    const journal = (await w.rt.store.reader.allJournal(w.pid)).length;
    const r = await move(m.id, 'scheduled', 3);
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({ code: 'invalid_transition', reason: 'meeting_transition_forbidden', details: { field: 'to' } });
    expect(r.json.error.message).toMatch(/held meeting cannot become scheduled/);
    expect((await w.rt.store.reader.allJournal(w.pid)).length).toBe(journal);
    expect((await call(w, 'GET', `/meetings/${m.id}`, 'mediator')).json).toMatchObject({ status: 'held', version: 3 });
  });

  it('answers a stale version with 409 and keeps the other write', async () => {
    const m = await newMeeting();
    expect((await move(m.id, 'scheduled', 1)).status).toBe(200);
    const stale = await move(m.id, 'cancelled', 1);
    expect(stale.status).toBe(409);
    expect(stale.json.error.reason).toBe('stale_version');
    const put = await call(w, 'PUT', `/meetings/${m.id}`, 'mediator', { ...build.meeting({ title: { en: 'Renamed' } }), version: 1 });
    expect(put.status).toBe(409);
    const ok = await call(w, 'PUT', `/meetings/${m.id}`, 'mediator', { ...build.meeting({ title: { en: 'Renamed' } }), version: 2 });
    expect(ok.json).toMatchObject({ title: { en: 'Renamed' }, status: 'scheduled', version: 3 });
    const history = await call(w, 'GET', `/meetings/${m.id}/history`, 'mediator');
    expect(history.json.items.map((e: { version: number }) => e.version)).toEqual([1, 2, 3]);
  });

  it('holds each side’s claim about a disputed cancellation', async () => {
    const m = await newMeeting({ kind: 'preparatory_teleconference', modality: 'video', plannedStart: '2014-11' });
    await move(m.id, 'scheduled', 1);
    const r = await move(m.id, 'cancelled', 2, {
      claims: [{ partyId: 'rus', text: 'Kyiv scrapped the teleconference.', sources: [{ sourceId: src }] }],
    });
    expect(r.status).toBe(200);
    // Ukraine's delegate adds Kyiv's account; it may not speak for Russia.
    const claim = { transition: 2, claim: { partyId: 'ukr', text: 'No round while the firing goes on.', sources: [{ sourceId: src }] } };
    expect((await call(w, 'POST', `/meetings/${m.id}/claims`, 'delegateUkr', claim)).status).toBe(201);
    const forged = await call(w, 'POST', `/meetings/${m.id}/claims`, 'delegateUkr', { ...claim, claim: { ...claim.claim, partyId: 'rus' } });
    expect(forged.status).toBe(403);
    const d = await call(w, 'GET', `/meetings/${m.id}/dossier`, 'anonymous');
    expect(d.status).toBe(404); // the meeting is forum-only
    const forum = await call(w, 'GET', `/meetings/${m.id}/dossier`, 'monitor');
    expect(forum.json.history[1].claims.map((c: { partyId: string }) => c.partyId)).toEqual(['rus', 'ukr']);
  });

  it('enforces the host rule: every invited party confirms before scheduling', async () => {
    const m = await newMeeting({ hostRequiresConfirmation: true });
    expect((await move(m.id, 'scheduled', 1)).json.error.reason).toBe('host_requires_confirmation');
    const inv = (await call(w, 'POST', `/meetings/${m.id}/invitations`, 'mediator', { partyId: 'ukr' })).json;
    const invRus = (await call(w, 'POST', `/meetings/${m.id}/invitations`, 'mediator', { partyId: 'rus' })).json;
    const dup = await call(w, 'POST', `/meetings/${m.id}/invitations`, 'mediator', { partyId: 'rus' });
    expect(dup.status).toBe(409);
    const answer = {
      status: 'declined_with_conditions',
      at: '2014-11-21',
      version: 1,
      conditions: [{ text: { en: 'Not while the firing goes on' }, sources: [{ sourceId: src }] }],
    };
    expect((await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateRus', answer)).status).toBe(403);
    expect((await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateUkr', { ...answer, conditions: [] })).json.error.reason).toBe(
      'conditions_required',
    );
    // A condition is the side's own words: variants must include the language it is said to be written in.
    const misnamed = await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateUkr', {
      ...answer,
      conditions: [{ text: { uk: 'Не поки триває вогонь' }, language: 'ru', sources: [{ sourceId: src }] }],
    });
    expect(misnamed.status).toBe(400);
    expect(misnamed.json.error.details.field).toBe('conditions/0/language');
    const declined = await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateUkr', answer);
    expect(declined.json).toMatchObject({ status: 'declined_with_conditions', version: 2 });
    const blocked = await move(m.id, 'scheduled', 1);
    expect(blocked.json.error.details.pending).toEqual(['rus', 'ukr']);
    await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateUkr', { status: 'confirmed', at: '2014-12-01', version: 2 });
    await call(w, 'POST', `/invitations/${invRus.id}/responses`, 'delegateRus', { status: 'confirmed', at: '2014-12-01', version: 1 });
    expect((await move(m.id, 'scheduled', 1)).status).toBe(200);
    const d = await call(w, 'GET', `/meetings/${m.id}/dossier`, 'mediator');
    const ukr = d.json.invitations.find((i: { partyId: string }) => i.partyId === 'ukr');
    expect(ukr.responses.map((x: { status: string }) => x.status)).toEqual(['declined_with_conditions', 'confirmed']);
  });

  it('records attendance only once a meeting is held', async () => {
    const m = await newMeeting();
    expect((await call(w, 'POST', `/meetings/${m.id}/attendance`, 'mediator', { partyId: 'ukr', status: 'attended' })).status).toBe(422);
    await move(m.id, 'scheduled', 1);
    await move(m.id, 'held', 2);
    const r = await call(w, 'POST', `/meetings/${m.id}/attendance`, 'mediator', { partyId: 'ukr', status: 'left_early' });
    expect(r.status).toBe(201);
  });

  it('serves an iCalendar feed of the meetings the reader may see', async () => {
    await newMeeting({ title: { en: 'Public round' }, audience: 'public', plannedStart: '2014-12-24T12:00:00+03:00', plannedEnd: '2014-12-24T17:30:00+03:00' });
    await newMeeting({ title: { en: 'Secret round' }, audience: 'mediator' });
    const pub = await call(w, 'GET', '/calendar.ics', 'anonymous');
    expect(pub.headers['content-type']).toMatch(/text\/calendar/);
    expect(pub.body).toContain('BEGIN:VCALENDAR');
    expect(pub.body).toContain('Public round');
    expect(pub.body).not.toContain('Secret round');
    expect((await call(w, 'GET', '/calendar.ics', 'mediator')).body).toContain('Secret round');
  });

  it('writes times every calendar client reads as the same instant (ical.js, the parser Thunderbird uses)', async () => {
    await newMeeting({
      title: { en: 'Minsk round' },
      audience: 'public',
      timeZone: 'Europe/Minsk',
      plannedStart: '2014-09-19T14:00:00+03:00',
      plannedEnd: '2014-09-19T18:00:00+03:00',
    });
    // Moscow kept +04:00 until 26 October 2014: a zone's rules as of the meeting's date, not today's.
    await newMeeting({ title: { en: 'Moscow round' }, audience: 'public', timeZone: 'Europe/Moscow', plannedStart: '2014-09-20T15:00:00+04:00' });
    await newMeeting({ title: { en: 'Some day in May' }, audience: 'public', plannedStart: '2015-05-06' });
    const body = (await call(w, 'GET', '/calendar.ics', 'anonymous')).body;
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const event = (summary: string) => events.find((e) => e.summary.startsWith(summary))!;
    expect(event('Minsk round').startDate.toJSDate().toISOString()).toBe('2014-09-19T11:00:00.000Z');
    expect(event('Minsk round').endDate.toJSDate().toISOString()).toBe('2014-09-19T15:00:00.000Z');
    expect(event('Minsk round').description).toContain('14:00');
    expect(event('Moscow round').startDate.toJSDate().toISOString()).toBe('2014-09-20T11:00:00.000Z');
    expect(event('Some day in May').startDate.isDate).toBe(true);
    expect(event('Some day in May').startDate.toString()).toBe('2015-05-06');
  });

  it('lists with filters and keyset pages that neither skip nor repeat', async () => {
    for (const d of ['2015-01-16', '2015-01-30', '2015-01-31', '2015-02-12']) await newMeeting({ plannedStart: d, title: { en: `Round ${d}` } });
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const q: string = `/meetings?from=2015-01-01&to=2015-02-28&limit=3${next ? `&after=${next}` : ''}`;
      const page = await call(w, 'GET', q, 'mediator');
      seen.push(...page.json.items.map((m: { plannedStart: string }) => m.plannedStart));
      next = page.json.next;
    } while (next);
    expect(seen).toEqual(['2015-01-16', '2015-01-30', '2015-01-31', '2015-02-12']);
    expect((await call(w, 'GET', '/meetings?after=garbage', 'mediator')).json.error.reason).toBe('bad_cursor');
    expect((await call(w, 'GET', '/meetings?from=2015-02-01&to=2015-01-01', 'mediator')).status).toBe(400);
    expect(
      (await call(w, 'GET', '/meetings?status=cancelled&limit=500', 'mediator')).json.items.every((m: { status: string }) => m.status === 'cancelled'),
    ).toBe(true);
  });
});
