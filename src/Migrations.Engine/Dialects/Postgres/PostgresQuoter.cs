namespace Migrations.Engine.Dialects.Postgres;

/// <summary>Quotes every identifier (so <c>Customer</c> keeps its case) and qualifies tables with <c>public</c> by default.</summary>
public sealed class PostgresQuoter : SqlQuoter
{
    public const string DefaultSchema = "public";

    public override string QuoteQualified(string? schema, string name) => $"{Quote(schema ?? DefaultSchema)}.{Quote(name)}";

    protected override string FormatBoolean(bool value) => value ? "true" : "false";

    protected override string FormatBytes(byte[] value) => $"'\\x{Convert.ToHexString(value)}'::bytea";

    // gen_random_uuid() is built in since PostgreSQL 13; FluentMigrator's uuid_generate_v4() needs an extension.
    protected override string FormatSystemMethod(SystemMethods method) => method switch
    {
        SystemMethods.NewGuid => "gen_random_uuid()",
        SystemMethods.NewSequentialId => "gen_random_uuid()",
        SystemMethods.CurrentDateTime => "now()",
        SystemMethods.CurrentUTCDateTime => "(now() at time zone 'UTC')",
        SystemMethods.CurrentDateTimeOffset => "current_timestamp",
        SystemMethods.CurrentUser => "current_user",
        _ => throw new NotSupportedException($"PostgreSQL has no mapping for {method}."),
    };
}
