-- Batch 2 backfill (PostgreSQL). Copies only: Lead, Job and AuditLog rows are read, never
-- changed, except Lead.customer_id, which is set. The SQLite script does the same steps.

-- A timestamp from message history, or NULL when the text is not a date-time (never fails).
CREATE OR REPLACE FUNCTION pg_temp.jq_try_timestamp(value text) RETURNS timestamp LANGUAGE plpgsql AS $$
BEGIN
    IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}' THEN
        RETURN NULL;
    END IF;
    RETURN value::timestamptz AT TIME ZONE 'UTC';
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

-- 1. The keys a person is matched on, per lead not yet linked: the phone without separators
--    (digits only, 7 to 15 of them, a leading US country code 1 dropped) and the trimmed,
--    lower-cased email when it looks like one. Anything else is no key (the lead keeps it).
CREATE TEMP TABLE jq_lead_key ON COMMIT DROP AS
SELECT lead_id, 'phone:' || CASE WHEN length(digits) = 11 AND digits LIKE '1%' THEN substr(digits, 2) ELSE digits END AS match_key
FROM (SELECT id AS lead_id, translate(btrim(phone), ' -.()+', '') AS digits FROM public."Lead" WHERE customer_id IS NULL) p
WHERE digits ~ '^[0-9]{7,15}$'
UNION
SELECT lead_id, 'email:' || email
FROM (SELECT id AS lead_id, lower(btrim(email)) AS email FROM public."Lead" WHERE customer_id IS NULL) e
WHERE email LIKE '%_@_%._%' AND email NOT LIKE '%@%@%' AND position(' ' IN email) = 0;

-- 2. One person per group of leads that share a key, directly or through other leads; a lead
--    with no key is a person of its own. The person's id is the smallest lead id in the group.
CREATE TEMP TABLE jq_lead_person ON COMMIT DROP AS
WITH RECURSIVE link(lead_id, other_id) AS (
    SELECT a.lead_id, b.lead_id FROM jq_lead_key a JOIN jq_lead_key b ON b.match_key = a.match_key
), reach(lead_id, other_id) AS (
    SELECT id, id FROM public."Lead" WHERE customer_id IS NULL
    UNION
    SELECT r.lead_id, l.other_id FROM reach r JOIN link l ON l.lead_id = r.other_id
)
SELECT lead_id, min(other_id::text)::uuid AS person_id FROM reach GROUP BY lead_id;

-- 3. One customer per person: name, phone and email from the newest lead that has each.
INSERT INTO public."Customer" (id, name, phone, email, created_at, updated_at)
SELECT p.person_id,
    (SELECT nullif(btrim(l.name), '') FROM jq_lead_person x JOIN public."Lead" l ON l.id = x.lead_id
      WHERE x.person_id = p.person_id AND nullif(btrim(l.name), '') IS NOT NULL ORDER BY l."createdAt" DESC, l.id LIMIT 1),
    (SELECT substr(k.match_key, 7) FROM jq_lead_person x JOIN jq_lead_key k ON k.lead_id = x.lead_id JOIN public."Lead" l ON l.id = x.lead_id
      WHERE x.person_id = p.person_id AND k.match_key LIKE 'phone:%' ORDER BY l."createdAt" DESC, l.id LIMIT 1),
    (SELECT substr(k.match_key, 7) FROM jq_lead_person x JOIN jq_lead_key k ON k.lead_id = x.lead_id JOIN public."Lead" l ON l.id = x.lead_id
      WHERE x.person_id = p.person_id AND k.match_key LIKE 'email:%' ORDER BY l."createdAt" DESC, l.id LIMIT 1),
    min(ld."createdAt"), max(ld."updatedAt")
FROM jq_lead_person p JOIN public."Lead" ld ON ld.id = p.lead_id
GROUP BY p.person_id;

-- 4. Link every lead to its customer.
UPDATE public."Lead" SET customer_id = (SELECT p.person_id FROM jq_lead_person p WHERE p.lead_id = "Lead".id)
WHERE id IN (SELECT lead_id FROM jq_lead_person);

-- 5. The message history each lead's stateMetadata holds: {"messages": [...]} or a bare array
--    of {role, content | text, timestamp | createdAt | created_at}. Anything else holds none.
CREATE TEMP TABLE jq_message ON COMMIT DROP AS
SELECT l.id AS lead_id, m.ordinal - 1 AS position, m.item,
    CASE lower(btrim(m.item->>'role'))
        WHEN 'assistant' THEN 'assistant' WHEN 'bot' THEN 'assistant' WHEN 'ai' THEN 'assistant' WHEN 'agent' THEN 'assistant'
        WHEN 'system' THEN 'system'
        WHEN 'tool' THEN 'tool' WHEN 'function' THEN 'tool'
        ELSE 'user'
    END AS role,
    coalesce(m.item->>'content', m.item->>'text') AS content,
    coalesce(pg_temp.jq_try_timestamp(coalesce(m.item->>'timestamp', m.item->>'createdAt', m.item->>'created_at')),
             l."createdAt" + (m.ordinal - 1) * interval '1 millisecond') AS sent_at
FROM public."Lead" l
CROSS JOIN LATERAL jsonb_array_elements(CASE
    WHEN jsonb_typeof(l."stateMetadata") = 'array' THEN l."stateMetadata"
    WHEN jsonb_typeof(l."stateMetadata"->'messages') = 'array' THEN l."stateMetadata"->'messages'
    ELSE '[]'::jsonb END) WITH ORDINALITY AS m(item, ordinal)
WHERE jsonb_typeof(m.item) = 'object' AND nullif(btrim(coalesce(m.item->>'content', m.item->>'text')), '') IS NOT NULL;

-- 6. Conversations from the audit log: one per lead that has audit entries or messages, on the
--    lead's channel (its source), opened at its first audit entry. The id is the lead's id.
INSERT INTO public."Conversation" (id, customer_id, lead_id, channel, last_message_at, created_at, updated_at)
SELECT l.id, l.customer_id, l.id, coalesce(nullif(lower(btrim(l.source)), ''), 'web'), a.last_at,
    coalesce(a.first_at, l."createdAt"), coalesce(a.last_at, l."createdAt")
FROM public."Lead" l
LEFT JOIN (SELECT "leadId", min("createdAt") AS first_at, max("createdAt") AS last_at FROM public."AuditLog"
           WHERE "leadId" IS NOT NULL GROUP BY "leadId") a ON a."leadId" = l.id
WHERE a."leadId" IS NOT NULL OR EXISTS (SELECT 1 FROM jq_message m WHERE m.lead_id = l.id);

-- 7. Messages, in their conversation; the original entry is kept in metadata.
INSERT INTO public."Message" (conversation_id, role, content, metadata, created_at)
SELECT m.lead_id, m.role::public."MessageRole", m.content,
    jsonb_build_object('source', 'Lead.stateMetadata', 'index', m.position, 'original', m.item), m.sent_at
FROM jq_message m
ORDER BY m.lead_id, m.position;

UPDATE public."Conversation" c SET last_message_at = s.last_at, updated_at = greatest(c.updated_at, s.last_at)
FROM (SELECT conversation_id, max(created_at) AS last_at FROM public."Message" GROUP BY conversation_id) s
WHERE s.conversation_id = c.id AND c.id = c.lead_id;

DROP TABLE jq_message;
DROP TABLE jq_lead_person;
DROP TABLE jq_lead_key;
DROP FUNCTION pg_temp.jq_try_timestamp(text);
