-- The table is a FluentMigrator script parameter, replaced before the script runs.
DROP TABLE $(table);
