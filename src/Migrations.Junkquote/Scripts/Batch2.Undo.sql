-- Batch 2 undone (both providers): remove what the backfill made, keep every lead.
-- Backfilled conversations carry their lead's id; backfilled customers carry the id of one of
-- their person's leads. Their messages go with the conversations (CASCADE). A customer the app
-- has since given an address, a note or a conversation of its own is RESTRICTed: the rollback
-- then fails and changes nothing, rather than deleting that data.
DELETE FROM "Conversation" WHERE lead_id IS NOT NULL AND id = lead_id;
UPDATE "Lead" SET customer_id = NULL WHERE customer_id IN (SELECT id FROM "Lead");
DELETE FROM "Customer" WHERE id IN (SELECT id FROM "Lead");
