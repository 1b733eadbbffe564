-- Batch 2 undone (both providers): remove what the backfill made, keep every lead.
-- Backfilled conversations carry their lead's id; backfilled customers carry the id of one of
-- their person's leads. The ON DELETE actions (Message CASCADE, Lead/Job SET NULL) are written
-- out: on SQLite this migration runs with foreign keys off (it rebuilds tables), so the
-- database would not apply them. A customer the app has since given an address, a note or a
-- conversation of its own is not unlinked from those: the RESTRICT (PostgreSQL) or the
-- foreign-key check before commit (SQLite) then fails the rollback, which changes nothing.
DELETE FROM "Message" WHERE conversation_id IN (SELECT id FROM "Conversation" WHERE lead_id IS NOT NULL AND id = lead_id);
DELETE FROM "Conversation" WHERE lead_id IS NOT NULL AND id = lead_id;
UPDATE "Lead" SET customer_id = NULL WHERE customer_id IN (SELECT id FROM "Lead");
UPDATE "Job" SET customer_id = NULL WHERE customer_id IN (SELECT id FROM "Lead");
DELETE FROM "Customer" WHERE id IN (SELECT id FROM "Lead");
