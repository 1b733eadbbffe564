using System.Data;
using Migrations.Engine;
using Migrations.Engine.Builders;

namespace Migrations.Filetrack.Support;

/// <summary>
/// The Prisma conventions the seed's schema follows: uuid <c>id</c> keys, camelCase columns,
/// timestamptz <c>createdAt</c>/<c>updatedAt</c>, and Prisma's constraint names
/// (<c>{table}_pkey</c>, <c>{table}_{column}_fkey</c>), so names match a Prisma-built database.
/// </summary>
internal static class TableConventions
{
    public static CreateTableBuilder WithIdColumn(this CreateTableBuilder table, string tableName) =>
        table.WithColumn("id").AsGuid().PrimaryKey($"{tableName}_pkey").WithDefault(SystemMethods.NewGuid);

    public static CreateTableBuilder WithCreatedAt(this CreateTableBuilder table) =>
        table.WithColumn("createdAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);

    public static CreateTableBuilder WithTimestamps(this CreateTableBuilder table) =>
        table.WithCreatedAt().WithColumn("updatedAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);

    /// <summary>A required uuid reference named the Prisma way, with its ON DELETE rule.</summary>
    public static CreateTableBuilder WithReference(this CreateTableBuilder table, string tableName, string column, string primaryTable, Rule onDelete) =>
        table.WithColumn(column).AsGuid().ForeignKey($"{tableName}_{column}_fkey", primaryTable, "id").OnDelete(onDelete);

    /// <summary>An optional uuid reference (ON DELETE SET NULL needs a nullable column).</summary>
    public static CreateTableBuilder WithOptionalReference(this CreateTableBuilder table, string tableName, string column, string primaryTable, Rule onDelete) =>
        table.WithColumn(column).AsGuid().Nullable().ForeignKey($"{tableName}_{column}_fkey", primaryTable, "id").OnDelete(onDelete);
}
