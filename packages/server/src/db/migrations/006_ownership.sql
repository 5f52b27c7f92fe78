-- Every record knows its author side: 'mediator' (the mediator's staff and the system),
-- 'party:<id>' (a party's people, who may all correct it) or 'account:<id>' (a monitor or
-- analyst who writes for no party, and alone may correct it). The policy layer decides
-- replacing and publishing from it; nobody but the author side and the mediator may
-- change a record. Rows written before this migration were the demo's (the system's).
do $$
declare t text;
begin
  for t in select c.table_name from information_schema.columns c
    where c.table_schema = current_schema() and c.column_name = 'audience_party' order by 1
  loop
    execute format('alter table %I add column owner text not null default %L check (owner = %L or owner ~ %L)',
      t, 'mediator', 'mediator', '^(party|account):.+$');
  end loop;
end $$;

-- Tables made later get the column from the same function.
create or replace function parley_record_table(name text, parent text) returns void language plpgsql as $$
begin
  execute format($f$
    create table %1$I (
      process_id text not null references processes,
      id text not null,
      version integer not null check (version > 0),
      audience text not null check (audience in ('public', 'forum', 'party', 'mediator')),
      audience_party text check ((audience = 'party') = (audience_party is not null)),
      parent_id text,
      status text,
      sort_on date not null,
      party_ids text[] not null default '{}',
      body jsonb not null,
      created_at timestamptz not null,
      created_by text not null,
      updated_at timestamptz not null,
      updated_by text not null,
      owner text not null default 'mediator' check (owner = 'mediator' or owner ~ '^(party|account):.+$'),
      primary key (process_id, id)
    );
    create index %2$I on %1$I (process_id, sort_on, id);
    create trigger %3$I before insert or update or delete or truncate on %1$I for each statement execute function parley_require_uow();
  $f$, name, name || '_list', name || '_uow');
  if parent is not null then
    execute format($f$
      alter table %1$I alter column parent_id set not null;
      alter table %1$I add foreign key (process_id, parent_id) references %2$I (process_id, id);
      create index %3$I on %1$I (process_id, parent_id);
    $f$, name, parent, name || '_parent');
  end if;
end $$;

-- The key that turns a client's id for a record that is not public into one that says
-- nothing (see use-cases/support.ts opaqueId): record ids are in the public log.
-- gen_random_uuid draws from the server's strong random source.
alter table processes add column id_key bytea not null
  default decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex');
