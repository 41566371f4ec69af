-- The mail archive: imported .eml files, linked to a customer and, by address, to its
-- contacts. Only what is shown and searched is kept: headers, the text body and
-- attachment metadata; the file itself and attachment contents are not stored.
-- Mail has no scope of its own: it is visible when its customer is.

create table mail_message (
    id           uuid primary key,
    customer_id  uuid        not null references customer (id),
    -- the Message-ID header without angle brackets; for a message without one,
    -- 'sha256:' and the digest of the file, so that re-importing it is still recognised
    message_id   text        not null,
    in_reply_to  text,
    -- the conversation: the root of References/In-Reply-To, the own Message-ID, or
    -- 'subject:' and the normalized subject when there is no Message-ID
    thread_key   text        not null,
    subject      text,
    from_address text        not null,
    sent_at      timestamptz,
    text_body    text,
    -- participants' addresses, their domains and display names: what search matches
    -- besides subject and body
    addresses    text        not null default '',
    imported_by  text        not null,
    imported_at  timestamptz not null default now(),
    -- the timeline position: the Date header, or the import time for a message without one
    timeline_at  timestamptz generated always as (coalesce(sent_at, imported_at)) stored,
    -- 'simple' (no stemming, no stop words) suits mixed-language mail; the left()
    -- caps keep every vector below PostgreSQL's 1 MB tsvector limit.
    search       tsvector generated always as (
                     setweight(to_tsvector('simple', left(coalesce(subject, ''), 2000)), 'A')
                     || setweight(to_tsvector('simple', left(addresses, 20000)), 'B')
                     || setweight(to_tsvector('simple', left(coalesce(text_body, ''), 100000)), 'C')) stored,
    -- re-importing the same message for the same customer is recognised, not duplicated
    constraint mail_message_customer_message_uq unique (customer_id, message_id)
);

-- mailMessages: a customer's timeline, newest first (keyset on timeline_at, id).
create index mail_message_timeline_idx on mail_message (customer_id, timeline_at desc, id desc);
-- mailMessages(thread:): one conversation.
create index mail_message_thread_idx on mail_message (customer_id, thread_key, timeline_at desc, id desc);
-- searchMail: full text.
create index mail_message_search_idx on mail_message using gin (search);

create table mail_participant (
    message_id   uuid     not null references mail_message (id),
    role         text     not null check (role in ('FROM', 'TO', 'CC')),
    -- order within the header
    position     int      not null,
    address      text     not null check (address = lower(address)),
    display_name text,
    contact_id   uuid references contact (id),
    primary key (message_id, role, position)
);

-- A contact's mail (and the foreign key's lookups).
create index mail_participant_contact_idx on mail_participant (contact_id) where contact_id is not null;

create table mail_attachment (
    message_id   uuid not null references mail_message (id),
    position     int      not null,
    file_name    text,
    content_type text not null,
    size_bytes   int  not null,
    primary key (message_id, position)
);
