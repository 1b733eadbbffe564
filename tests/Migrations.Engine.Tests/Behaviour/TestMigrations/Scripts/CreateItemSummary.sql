-- An embedded script: a view over the catalog, valid on PostgreSQL and SQLite.
CREATE VIEW "item_summary" AS SELECT "Kind", count(*) AS "Items" FROM "Item" GROUP BY "Kind"
