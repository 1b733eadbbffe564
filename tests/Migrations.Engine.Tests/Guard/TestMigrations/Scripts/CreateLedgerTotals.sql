-- Only creates things: the guard has nothing to measure here.
CREATE TABLE ledger_total (id integer PRIMARY KEY, total integer NOT NULL);
CREATE INDEX ledger_total_total ON ledger_total (total);
