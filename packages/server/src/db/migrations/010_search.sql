-- Search across records (GET …/search): a search document per record, kept by the database itself.
--
-- Every record table gets `search`, a tsvector generated from the body: the names and titles in every language
-- (weight A) and the other text fields (weight B), folded by parley_search_fold and split into words by the
-- 'simple' configuration (no stemming: no one language's stemmer fits Ukrainian, Russian and English at once).
-- Generated from the body, it cannot disagree with it: a create, a replace and a redaction rewrite it in the same
-- statement, nothing else writes it (the unit-of-work guard stands), and adding the column fills it for every
-- record already stored. Queries are prefix matches ("донец" finds "Донецк"), see parley_search_query.
--
-- The fold is ours, in SQL, not unaccent() and lower(): those follow a dictionary and the database's locale, so
-- PGlite and PostgreSQL could disagree, and unaccent turns й into и. domain/shared/search-text.ts holds the same
-- rules in TypeScript (for snippets) and is where the table below comes from; test/search.test.ts checks that the
-- two agree on every character of it, on both engines. In short: NFC; Latin accents off (ß → ss, ø → o);
-- Cyrillic lower case, ё → е, while й, ї, і, є, ґ, ў stay letters of their own; apostrophes and invisible marks
-- removed ("сім’я" is one word); anything but a-z, 0-9 and Cyrillic letters separates words.
create function parley_search_fold(t text) returns text language plpgsql immutable strict parallel safe as $$
declare
  s text := regexp_replace(normalize(t, NFC), '[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff''\u2018\u2019\u02bc\u02b9`\u00b4\u02bb]', '', 'g');
  c text;
  p integer;
begin
  if s ~ '[ßẞæÆœŒþÞ]' then
    s := replace(replace(replace(replace(replace(replace(replace(replace(s, 'ß', 'ss'), 'ẞ', 'ss'), 'æ', 'ae'), 'Æ', 'ae'), 'œ', 'oe'), 'Œ', 'oe'), 'þ', 'th'), 'Þ', 'th');
  end if;
  s := translate(s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');
  -- translate() scans its whole table for every character of the text: with the 557 letters below that was
  -- half a millisecond a record. So each distinct letter of the text that the table holds is looked up once.
  if s !~ '[\u00c0-\u024f\u1e00-\u1eff\u0400-\u042f\u0450\u0451\u045d\u0490]' then
    return btrim(regexp_replace(s, '[^0-9a-z\u0430-\u044f\u0452-\u045f\u0491]+', ' ', 'g'));
  end if;
  for c in select distinct m[1] from regexp_matches(s, '([\u00c0-\u024f\u1e00-\u1eff\u0400-\u042f\u0450\u0451\u045d\u0490])', 'g') m loop
    p := strpos(
      'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳḀḁḂḃḄḅḆḇḈḉḊḋḌḍḎḏḐḑḒḓḔḕḖḗḘḙḚḛḜḝḞḟḠḡḢḣḤḥḦḧḨḩḪḫḬḭḮḯḰḱḲḳḴḵḶḷḸḹḺḻḼḽḾḿṀṁṂṃṄṅṆṇṈṉṊṋṌṍṎṏṐṑṒṓṔṕṖṗṘṙṚṛṜṝṞṟṠṡṢṣṤṥṦṧṨṩṪṫṬṭṮṯṰṱṲṳṴṵṶṷṸṹṺṻṼṽṾṿẀẁẂẃẄẅẆẇẈẉẊẋẌẍẎẏẐẑẒẓẔẕẖẗẘẙẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹøØđĐðÐłŁħĦıŀĿŧŦĸƒАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏҐёѐѝ', c);
    if p > 0 then
      s := replace(s, c, substr(
        'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaaaaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyyaabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwyaaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyooddddllhhillttkfабвгдежзийклмнопрстуфхцчшщъыьэюяееђѓєѕіїјљњћќиўџґееи', p, 1));
    end if;
  end loop;
  return btrim(regexp_replace(s, '[^0-9a-z\u0430-\u044f\u0452-\u045f\u0491]+', ' ', 'g'));
end $$;

-- The names and titles of a record, in every language: what a hit is called.
-- This and parley_search_texts are plpgsql, not sql, so the planner does not inline them: inlined into each of the
-- twenty branches of a search, they took 15 ms of planning for a query that runs in 1 ms.
create function parley_search_titles(body jsonb) returns jsonb language plpgsql immutable strict parallel safe as $$
begin
  return jsonb_path_query_array(body, 'lax $.names.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.titles.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.title ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.title.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.paraphrase.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.shortNames ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.aliases.text ? (@.type() == "string")');
end $$;

-- The other text people write in records. Named paths, not every string: ids, enumerations, dates and an
-- imported incident's raw source row (which repeats its fields) would only add noise.
create function parley_search_texts(body jsonb) returns jsonb language plpgsql immutable strict parallel safe as $$
begin
  -- Top-level fields by operator (a jsonpath filter with like_regex cost a third of a millisecond a record).
  return coalesce((
      select jsonb_agg(v order by n) from unnest(array['text', 'note', 'notes', 'description', 'minutes', 'rationale', 'reason',
        'speakerLabel', 'venue', 'topic', 'subject', 'publisher', 'responsibleLabel', 'byLabel', 'place']) with ordinality as u(k, n),
        lateral (select body -> k as v) f
      where jsonb_typeof(v) = 'string'), '[]'::jsonb)
    || jsonb_path_query_array(body, 'lax $.text.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.summary.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.agenda.title.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.outcome.summary.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.place.* ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.observer.name ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.actors.name ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.sources.headline ? (@.type() == "string")')
    || jsonb_path_query_array(body, 'lax $.signatories.capacity ? (@.type() == "string")');
end $$;

create function parley_search_join(pieces jsonb) returns text language sql immutable strict parallel safe as $$
  select coalesce(string_agg(p, ' '), '') from jsonb_array_elements_text(pieces) p
$$;

create function parley_search_document(body jsonb) returns tsvector language sql immutable strict parallel safe as $$
  select setweight(to_tsvector('pg_catalog.simple', parley_search_fold(parley_search_join(parley_search_titles(body)))), 'A')
    || setweight(to_tsvector('pg_catalog.simple', parley_search_fold(parley_search_join(parley_search_texts(body)))), 'B')
$$;

-- Every word of the query, folded the same way, as a prefix, all required. Only folded words reach to_tsquery
-- (letters and digits), so no text a reader types can be taken for tsquery syntax. Null when there is no word.
create function parley_search_query(q text) returns tsquery language sql immutable strict parallel safe as $$
  select to_tsquery('pg_catalog.simple', string_agg(lexeme || ':*', ' & ' order by lexeme))
  from unnest(to_tsvector('pg_catalog.simple', parley_search_fold(q)))
$$;

create function parley_search_column(name text) returns void language plpgsql as $$
begin
  execute format($f$
    alter table %1$I add column search tsvector not null generated always as (parley_search_document(body)) stored;
    create index %2$I on %1$I using gin (search);
  $f$, name, name || '_search');
end $$;

do $$
declare t text;
begin
  -- Record tables are those with the shape of 001: a body and an audience (the projections of 005 have no body).
  for t in select c.table_name from information_schema.columns c
    where c.table_schema = current_schema() and c.column_name = 'audience_party'
      and exists (select from information_schema.columns b where b.table_schema = c.table_schema and b.table_name = c.table_name and b.column_name = 'body')
    order by 1
  loop
    perform parley_search_column(t);
  end loop;
end $$;

-- Record tables made later are searchable from the start (006's function, plus the column).
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
  perform parley_search_column(name);
end $$;
