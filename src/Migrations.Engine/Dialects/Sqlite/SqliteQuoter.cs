namespace Migrations.Engine.Dialects.Sqlite;

/// <summary>SQLite quoting: no schemas (a schema name would mean an attached database), booleans as 1/0.</summary>
public sealed class SqliteQuoter : SqlQuoter
{
    public override string QuoteQualified(string? schema, string name) => Quote(name);

    protected override string FormatBoolean(bool value) => value ? "1" : "0";

    protected override string FormatBytes(byte[] value) => $"X'{Convert.ToHexString(value)}'";

    // FluentMigrator throws for the GUID and offset methods; SQLite can compute both, so they are given.
    protected override string FormatSystemMethod(SystemMethods method) => method switch
    {
        SystemMethods.NewGuid or SystemMethods.NewSequentialId =>
            "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || " +
            "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))",
        SystemMethods.CurrentDateTime => "(datetime('now', 'localtime'))",
        SystemMethods.CurrentUTCDateTime => "CURRENT_TIMESTAMP",
        SystemMethods.CurrentDateTimeOffset => "(strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'))",
        _ => throw new UnsupportedOperationException($"SQLite does not support the default {method}: it has no users; wrap the step in IfDatabase(\"postgres\")"),
    };
}
