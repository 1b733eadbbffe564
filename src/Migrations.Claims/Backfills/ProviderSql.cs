namespace Migrations.Claims.Backfills;

/// <summary>
/// The few SQL fragments the backfills write differently per provider: reading a key of a JSON
/// document, comparing a uuid with text, and making a fresh text id. Prisma's cuid() is made by
/// the client, not the database, so backfilled rows get a random 32-hex id instead (any unique
/// text is a valid id for a String @id).
/// </summary>
public sealed record ProviderSql(string DatabaseType, Func<string, string, string> JsonText, Func<string, string> UuidAsText, string NewTextId)
{
    public static readonly ProviderSql Postgres = new(
        "postgres",
        (document, key) => $"({document} ->> '{key}')",
        uuid => $"{uuid}::text",
        "replace(gen_random_uuid()::text, '-', '')");

    public static readonly ProviderSql Sqlite = new(
        "sqlite",
        (document, key) => $"json_extract({document}, '$.{key}')",
        uuid => $"lower({uuid})",
        "lower(hex(randomblob(16)))");

    public static IReadOnlyList<ProviderSql> All { get; } = [Postgres, Sqlite];
}
