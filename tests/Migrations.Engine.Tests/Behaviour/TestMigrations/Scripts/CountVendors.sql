SELECT count(*) FROM "Vendor"
