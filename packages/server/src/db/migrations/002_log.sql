-- The tamper-evident log (RFC 6962 / C2SP tlog): every journal entry is a leaf whose data is
-- the canonical JSON of its envelope (001_foundation.sql). Bodies are kept apart so they can be erased
-- while every leaf, node and signed checkpoint stays as it was.
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

create trigger entry_bodies_uow before insert or update or delete or truncate on entry_bodies for each statement execute function parley_require_uow();
create trigger entry_bodies_no_update before update on entry_bodies for each statement execute function parley_append_only();
create trigger log_nodes_uow before insert or update or delete or truncate on log_nodes for each statement execute function parley_require_uow();
create trigger log_nodes_append_only before update or delete or truncate on log_nodes for each statement execute function parley_append_only();
create trigger witnesses_uow before insert or update or delete or truncate on witnesses for each statement execute function parley_require_uow();
create trigger checkpoints_append_only before update or delete or truncate on checkpoints for each statement execute function parley_append_only();
create trigger cosignatures_append_only before update or delete or truncate on cosignatures for each statement execute function parley_append_only();
