-- Projections: aggregates of incidents kept in the transaction that writes the incidents,
-- so a map, a daily report or a series over a million incidents reads a few thousand rows
-- instead of every incident.
--
-- incident_cells counts incidents per process, reader audience, day and grid cell of the
-- finest clustered zoom (zoom 9: cells of 90/2^9 degrees, floor-aligned, so every coarser
-- zoom's cell is an exact union of them: cell >> (9 - zoom)), and per value of every
-- filter the map offers (status, kind of violence, parties). audience and audience_party
-- are kept so the read scope filters the projection exactly as it filters incidents: a
-- party-confidential incident is never counted for another reader. '' stands for null.
--
-- Statement triggers with transition tables maintain it: a bulk insert of a million rows
-- is one aggregate and one upsert, a single record's update a two-row delta. Nothing else
-- writes it (the unit-of-work guard applies here too), and parley_rebuild_incident_projections
-- recomputes it (and incident_days below) from incidents.
create table incident_cells (
  process_id text not null,
  audience text not null,
  audience_party text not null,
  day date not null,
  cell_x integer not null,
  cell_y integer not null,
  status text not null,
  kind text not null,
  party_ids text[] not null,
  n integer not null,
  killed_best bigint not null,
  sum_lon float8 not null,
  sum_lat float8 not null,
  primary key (process_id, day, cell_x, cell_y, audience, audience_party, status, kind, party_ids)
);
create trigger incident_cells_uow before insert or update or delete or truncate on incident_cells for each statement execute function parley_require_uow();

-- incident_days counts incidents and casualties per process, reader audience, day and
-- region (the place's admin1, '' when not given): the daily report and the series read it.
create table incident_days (
  process_id text not null,
  audience text not null,
  audience_party text not null,
  day date not null,
  region text not null,
  n integer not null,
  killed_low bigint not null,
  killed_best bigint not null,
  killed_high bigint not null,
  injured_low bigint not null,
  injured_best bigint not null,
  injured_high bigint not null,
  primary key (process_id, day, region, audience, audience_party)
);
create trigger incident_days_uow before insert or update or delete or truncate on incident_days for each statement execute function parley_require_uow();

-- One incident row's contribution to incident_days, keyed.
create function parley_incident_day_rows(rows_sql text) returns text language sql immutable as $$
  select format($q$
    select process_id, audience, coalesce(audience_party, '') as audience_party, sort_on as day, coalesce(body -> 'place' ->> 'admin1', '') as region, sgn,
      coalesce(killed_low, 0) as kl, coalesce(killed_best, 0) as kb, coalesce(killed_high, 0) as kh,
      coalesce((body -> 'casualties' -> 'injured' ->> 'low')::int, 0) as il, coalesce((body -> 'casualties' -> 'injured' ->> 'best')::int, 0) as ib,
      coalesce((body -> 'casualties' -> 'injured' ->> 'high')::int, 0) as ih
    from (%s) r $q$, rows_sql)
$$;
create function parley_incident_days_upsert(rows_sql text) returns text language sql immutable as $$
  select format($q$
    with d as (
      select process_id, audience, audience_party, day, region, sum(sgn)::int as n, sum(sgn * kl) as kl, sum(sgn * kb) as kb, sum(sgn * kh) as kh,
        sum(sgn * il) as il, sum(sgn * ib) as ib, sum(sgn * ih) as ih
      from (%s) c group by 1, 2, 3, 4, 5
    )
    insert into incident_days as t select * from d where n <> 0 or kl <> 0 or kb <> 0 or kh <> 0 or il <> 0 or ib <> 0 or ih <> 0
    on conflict (process_id, day, region, audience, audience_party) do update
      set n = t.n + excluded.n, killed_low = t.killed_low + excluded.killed_low, killed_best = t.killed_best + excluded.killed_best,
        killed_high = t.killed_high + excluded.killed_high, injured_low = t.injured_low + excluded.injured_low,
        injured_best = t.injured_best + excluded.injured_best, injured_high = t.injured_high + excluded.injured_high $q$, parley_incident_day_rows(rows_sql))
$$;
create function parley_incident_days_prune(rows_sql text) returns text language sql immutable as $$
  select format($q$
    delete from incident_days t using (select distinct process_id, audience, audience_party, day, region from (%s) c) k
    where t.n <= 0 and (t.process_id, t.day, t.region, t.audience, t.audience_party) = (k.process_id, k.day, k.region, k.audience, k.audience_party) $q$,
    parley_incident_day_rows(rows_sql))
$$;

-- One incident row's contribution, keyed; the only place the grid is defined.
create function parley_incident_cell_rows(rows_sql text) returns text language sql immutable as $$
  select format($q$
    select process_id, audience, coalesce(audience_party, '') as audience_party, sort_on as day,
      floor(st_x(geom) / 0.17578125)::int as cell_x, floor(st_y(geom) / 0.17578125)::int as cell_y,
      coalesce(status, '') as status, coalesce(body ->> 'violence', '') as kind, party_ids,
      sgn, coalesce(killed_best, 0) as killed_best, st_x(geom) as lon, st_y(geom) as lat
    from (%s) r where geom is not null $q$, rows_sql)
$$;

-- The statements that add signed rows (sgn +1 for new, -1 for old) to the projection and
-- then drop emptied cells. They are text because the transition tables are visible only
-- to the trigger function itself, which executes them.
create function parley_incident_cells_upsert(rows_sql text) returns text language sql immutable as $$
  select format($q$
    with d as (
      select process_id, audience, audience_party, day, cell_x, cell_y, status, kind, party_ids,
        sum(sgn)::int as n, sum(sgn * killed_best) as killed_best, sum(sgn * lon) as sum_lon, sum(sgn * lat) as sum_lat
      from (%s) c group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    )
    insert into incident_cells as t select * from d where n <> 0 or killed_best <> 0 or sum_lon <> 0 or sum_lat <> 0
    on conflict (process_id, day, cell_x, cell_y, audience, audience_party, status, kind, party_ids) do update
      set n = t.n + excluded.n, killed_best = t.killed_best + excluded.killed_best,
        sum_lon = t.sum_lon + excluded.sum_lon, sum_lat = t.sum_lat + excluded.sum_lat $q$, parley_incident_cell_rows(rows_sql))
$$;
create function parley_incident_cells_prune(rows_sql text) returns text language sql immutable as $$
  select format($q$
    delete from incident_cells t using (select distinct process_id, audience, audience_party, day, cell_x, cell_y, status, kind, party_ids from (%s) c) k
    where t.n <= 0 and (t.process_id, t.day, t.cell_x, t.cell_y, t.audience, t.audience_party, t.status, t.kind, t.party_ids)
      = (k.process_id, k.day, k.cell_x, k.cell_y, k.audience, k.audience_party, k.status, k.kind, k.party_ids) $q$,
    parley_incident_cell_rows(rows_sql))
$$;

create function parley_incident_cells_insert() returns trigger language plpgsql as $$
begin
  execute parley_incident_cells_upsert('select *, 1 as sgn from new_rows');
  execute parley_incident_days_upsert('select *, 1 as sgn from new_rows');
  return null;
end $$;
create function parley_incident_cells_update() returns trigger language plpgsql as $$
begin
  execute parley_incident_cells_upsert('select *, -1 as sgn from old_rows union all select *, 1 as sgn from new_rows');
  execute parley_incident_cells_prune('select *, -1 as sgn from old_rows');
  execute parley_incident_days_upsert('select *, -1 as sgn from old_rows union all select *, 1 as sgn from new_rows');
  execute parley_incident_days_prune('select *, -1 as sgn from old_rows');
  return null;
end $$;
create function parley_incident_cells_delete() returns trigger language plpgsql as $$
begin
  execute parley_incident_cells_upsert('select *, -1 as sgn from old_rows');
  execute parley_incident_cells_prune('select *, -1 as sgn from old_rows');
  execute parley_incident_days_upsert('select *, -1 as sgn from old_rows');
  execute parley_incident_days_prune('select *, -1 as sgn from old_rows');
  return null;
end $$;
create trigger incidents_cells_insert after insert on incidents referencing new table as new_rows for each statement execute function parley_incident_cells_insert();
create trigger incidents_cells_update after update on incidents referencing old table as old_rows new table as new_rows for each statement execute function parley_incident_cells_update();
create trigger incidents_cells_delete after delete on incidents referencing old table as old_rows for each statement execute function parley_incident_cells_delete();

-- Incidents of a period with their points, from the index alone: a corridor question ("within
-- 15 km of the contact line, per day") tests a quarter of a million points against a buffered
-- line without reading the table. The line's box covers the whole area, so the GiST index cannot help.
create index incidents_day_geom on incidents (process_id, sort_on) include (geom);

-- Recomputes the projections of one process (or of all, given null) from incidents.
create function parley_rebuild_incident_projections(p text) returns void language plpgsql as $$
declare uow text := coalesce(current_setting('parley.uow', true), '');
begin
  -- Opens the projection's guard for this statement only, not for the caller's transaction.
  perform set_config('parley.uow', 'on', true);
  delete from incident_cells where p is null or process_id = p;
  delete from incident_days where p is null or process_id = p;
  execute format($q$
    insert into incident_cells
    select process_id, audience, audience_party, day, cell_x, cell_y, status, kind, party_ids,
      count(*)::int, sum(killed_best), sum(lon), sum(lat)
    from (%s) c group by 1, 2, 3, 4, 5, 6, 7, 8, 9 $q$,
    parley_incident_cell_rows(format('select *, 1 as sgn from incidents where %L::text is null or process_id = %L', p, p)));
  execute format($q$
    insert into incident_days
    select process_id, audience, audience_party, day, region, count(*)::int, sum(kl), sum(kb), sum(kh), sum(il), sum(ib), sum(ih)
    from (%s) c group by 1, 2, 3, 4, 5 $q$,
    parley_incident_day_rows(format('select *, 1 as sgn from incidents where %L::text is null or process_id = %L', p, p)));
  perform set_config('parley.uow', uow, true);
end $$;

select parley_rebuild_incident_projections(null);
