-- The tamper-evident log (RFC 6962 / C2SP tlog): every journal entry is a leaf whose data is
-- the canonical JSON of its envelope. Bodies move out of the journal so they can be erased
-- while every leaf, node and signed checkpoint stays as it was.
select set_config('parley.uow', 'on', true);

-- The envelope and leaf hash are part of the entry. Rows written before this migration are
-- sealed once at start-up (db/log/seal-legacy.ts); NOT VALID exempts only those rows.
alter table journal add column envelope jsonb;
alter table journal add column leaf_hash bytea;
alter table journal alter column body drop not null;
alter table journal add constraint journal_is_leaf check (envelope is not null and leaf_hash is not null and body is null) not valid;

create function parley_journal_append_only() returns trigger language plpgsql as $$
begin
  -- The one permitted change: sealing a pre-log row (envelope set, body moved out), nothing else.
  if tg_op = 'UPDATE' and old.envelope is null and new.envelope is not null and new.body is null
     and (new.process_id, new.idx, new.record_type, new.record_id, new.version, new.author, new.at)
       = (old.process_id, old.idx, old.record_type, old.record_id, old.version, old.author, old.at)
     and new.supersedes is not distinct from old.supersedes then
    return new;
  end if;
  raise exception 'journal is append-only' using errcode = 'P0001', hint = 'parley_append_only';
end $$;
drop trigger journal_append_only on journal;
create trigger journal_append_only before update or delete on journal for each row execute function parley_journal_append_only();

-- The tree state: size and root move together under the head lock. Null root = not yet sealed.
alter table log_heads add column root bytea;
update log_heads set root = '\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'::bytea where size = 0;
alter table log_heads alter column root set default '\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'::bytea;

-- What a commitment hides. Erasure deletes the row (body and salt together); nothing updates it.
create table entry_bodies (
  process_id text not null references processes,
  idx bigint not null,
  body jsonb not null,
  salt bytea not null check (length(salt) = 32),
  primary key (process_id, idx),
  foreign key (process_id, idx) references journal (process_id, idx)
);

-- Every complete subtree hash (level 0 = leaf hashes), enough to serve any proof or tile.
create table log_nodes (
  process_id text not null references processes,
  level smallint not null check (level between 0 and 63),
  idx bigint not null check (idx >= 0),
  hash bytea not null check (length(hash) = 32),
  primary key (process_id, level, idx)
);

-- Signed checkpoints; the key on (process, size) is what makes two roots for one size impossible.
create table checkpoints (
  process_id text not null references processes,
  size bigint not null check (size >= 0),
  root bytea not null check (length(root) = 32),
  note text not null,
  signed_at timestamptz not null default now(),
  primary key (process_id, size)
);

-- Witnesses are registered through the unit of work, so each registration is itself logged.
create table witnesses (
  process_id text not null references processes,
  name text not null,
  party_id text not null,
  vkey text not null,
  url text not null,
  primary key (process_id, name)
);

create table cosignatures (
  process_id text not null,
  size bigint not null,
  witness text not null,
  line text not null,
  received_at timestamptz not null default now(),
  primary key (process_id, size, witness),
  foreign key (process_id, size) references checkpoints (process_id, size),
  foreign key (process_id, witness) references witnesses (process_id, name)
);

create trigger entry_bodies_uow before insert or update or delete on entry_bodies for each row execute function parley_require_uow();
create trigger entry_bodies_no_update before update on entry_bodies for each row execute function parley_append_only();
create trigger log_nodes_uow before insert or update or delete on log_nodes for each row execute function parley_require_uow();
create trigger log_nodes_append_only before update or delete on log_nodes for each row execute function parley_append_only();
create trigger witnesses_uow before insert or update or delete on witnesses for each row execute function parley_require_uow();
create trigger checkpoints_append_only before update or delete on checkpoints for each row execute function parley_append_only();
create trigger cosignatures_append_only before update or delete on cosignatures for each row execute function parley_append_only();
