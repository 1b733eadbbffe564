-- Batch 2 backfill (SQLite): the PostgreSQL script's steps with SQLite's JSON and date functions.
-- Copies only: Lead, Job and AuditLog rows are read, never changed, except Lead.customer_id.

DROP TABLE IF EXISTS temp.jq_lead_key;
DROP TABLE IF EXISTS temp.jq_lead_person;
DROP TABLE IF EXISTS temp.jq_message;

-- 1. Match keys: phone without separators (7 to 15 digits, US country code 1 dropped), email
--    trimmed and lower-cased when it looks like one.
CREATE TEMP TABLE jq_lead_key AS
SELECT lead_id, 'phone:' || CASE WHEN length(digits) = 11 AND digits LIKE '1%' THEN substr(digits, 2) ELSE digits END AS match_key
FROM (SELECT id AS lead_id,
             replace(replace(replace(replace(replace(replace(trim(phone), ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '') AS digits
      FROM "Lead" WHERE customer_id IS NULL) p
WHERE length(digits) BETWEEN 7 AND 15 AND digits NOT GLOB '*[^0-9]*'
UNION
SELECT lead_id, 'email:' || email
FROM (SELECT id AS lead_id, lower(trim(email)) AS email FROM "Lead" WHERE customer_id IS NULL) e
WHERE email LIKE '%_@_%._%' AND email NOT LIKE '%@%@%' AND instr(email, ' ') = 0;

-- 2. People: groups of leads sharing a key, directly or through other leads.
CREATE TEMP TABLE jq_lead_person AS
WITH RECURSIVE link(lead_id, other_id) AS (
    SELECT a.lead_id, b.lead_id FROM jq_lead_key a JOIN jq_lead_key b ON b.match_key = a.match_key
), reach(lead_id, other_id) AS (
    SELECT id, id FROM "Lead" WHERE customer_id IS NULL
    UNION
    SELECT r.lead_id, l.other_id FROM reach r JOIN link l ON l.lead_id = r.other_id
)
SELECT lead_id, min(other_id) AS person_id FROM reach GROUP BY lead_id;

-- 3. One customer per person.
INSERT INTO "Customer" (id, name, phone, email, created_at, updated_at)
SELECT p.person_id,
    (SELECT nullif(trim(l.name), '') FROM jq_lead_person x JOIN "Lead" l ON l.id = x.lead_id
      WHERE x.person_id = p.person_id AND nullif(trim(l.name), '') IS NOT NULL ORDER BY l."createdAt" DESC, l.id LIMIT 1),
    (SELECT substr(k.match_key, 7) FROM jq_lead_person x JOIN jq_lead_key k ON k.lead_id = x.lead_id JOIN "Lead" l ON l.id = x.lead_id
      WHERE x.person_id = p.person_id AND k.match_key LIKE 'phone:%' ORDER BY l."createdAt" DESC, l.id LIMIT 1),
    (SELECT substr(k.match_key, 7) FROM jq_lead_person x JOIN jq_lead_key k ON k.lead_id = x.lead_id JOIN "Lead" l ON l.id = x.lead_id
      WHERE x.person_id = p.person_id AND k.match_key LIKE 'email:%' ORDER BY l."createdAt" DESC, l.id LIMIT 1),
    min(ld."createdAt"), max(ld."updatedAt")
FROM jq_lead_person p JOIN "Lead" ld ON ld.id = p.lead_id
GROUP BY p.person_id;

-- 4. Link every lead to its customer.
UPDATE "Lead" SET customer_id = (SELECT p.person_id FROM jq_lead_person p WHERE p.lead_id = "Lead".id)
WHERE id IN (SELECT lead_id FROM jq_lead_person);

-- 5. Message history from stateMetadata; text that is not JSON, or JSON of another shape, holds none.
CREATE TEMP TABLE jq_message AS
SELECT l.id AS lead_id, m.key AS position, m.value AS item,
    CASE lower(trim(json_extract(m.value, '$.role')))
        WHEN 'assistant' THEN 'assistant' WHEN 'bot' THEN 'assistant' WHEN 'ai' THEN 'assistant' WHEN 'agent' THEN 'assistant'
        WHEN 'system' THEN 'system'
        WHEN 'tool' THEN 'tool' WHEN 'function' THEN 'tool'
        ELSE 'user'
    END AS role,
    coalesce(json_extract(m.value, '$.content'), json_extract(m.value, '$.text')) AS content,
    coalesce(
        CASE WHEN coalesce(json_extract(m.value, '$.timestamp'), json_extract(m.value, '$.createdAt'), json_extract(m.value, '$.created_at'))
                  GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
             THEN strftime('%Y-%m-%d %H:%M:%f', coalesce(json_extract(m.value, '$.timestamp'), json_extract(m.value, '$.createdAt'), json_extract(m.value, '$.created_at')))
        END,
        strftime('%Y-%m-%d %H:%M:%f', l."createdAt", '+' || (m.key / 1000.0) || ' seconds')) AS sent_at
FROM "Lead" l, json_each(coalesce(CASE WHEN json_valid(l."stateMetadata") THEN
        CASE WHEN json_type(l."stateMetadata") = 'array' THEN l."stateMetadata"
             WHEN json_type(l."stateMetadata") = 'object' AND json_type(l."stateMetadata", '$.messages') = 'array' THEN json_extract(l."stateMetadata", '$.messages')
        END
    END, '[]')) m
WHERE m.type = 'object' AND nullif(trim(coalesce(json_extract(m.value, '$.content'), json_extract(m.value, '$.text'))), '') IS NOT NULL;

-- 6. Conversations from the audit log (one per lead with audit entries or messages).
INSERT INTO "Conversation" (id, customer_id, lead_id, channel, last_message_at, created_at, updated_at)
SELECT l.id, l.customer_id, l.id, coalesce(nullif(lower(trim(l.source)), ''), 'web'), a.last_at,
    coalesce(a.first_at, l."createdAt"), coalesce(a.last_at, l."createdAt")
FROM "Lead" l
LEFT JOIN (SELECT "leadId", min("createdAt") AS first_at, max("createdAt") AS last_at FROM "AuditLog"
           WHERE "leadId" IS NOT NULL GROUP BY "leadId") a ON a."leadId" = l.id
WHERE a."leadId" IS NOT NULL OR EXISTS (SELECT 1 FROM jq_message m WHERE m.lead_id = l.id);

-- 7. Messages; the original entry is kept in metadata.
INSERT INTO "Message" (conversation_id, role, content, metadata, created_at)
SELECT m.lead_id, m.role, m.content,
    json_object('source', 'Lead.stateMetadata', 'index', m.position, 'original', json(m.item)), m.sent_at
FROM jq_message m
ORDER BY m.lead_id, m.position;

UPDATE "Conversation"
SET last_message_at = (SELECT max(created_at) FROM "Message" WHERE conversation_id = "Conversation".id),
    updated_at = max(updated_at, (SELECT max(created_at) FROM "Message" WHERE conversation_id = "Conversation".id))
WHERE id = lead_id AND EXISTS (SELECT 1 FROM "Message" WHERE conversation_id = "Conversation".id);

DROP TABLE temp.jq_message;
DROP TABLE temp.jq_lead_person;
DROP TABLE temp.jq_lead_key;
