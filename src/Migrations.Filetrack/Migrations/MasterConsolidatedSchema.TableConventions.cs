using System.Data;
using FluentMigrator;
using FluentMigrator.Builders.Create.Table;

namespace Migrations.Filetrack.Migrations;

/// <summary>
/// The Prisma conventions the master's tables follow: uuid <c>id</c> keys, camelCase columns,
/// timestamptz <c>createdAt</c>/<c>updatedAt</c>, and Prisma's constraint names
/// (<c>{table}_pkey</c>, <c>{table}_{column}_fkey</c>), so names match a Prisma-built database.
/// Only <see cref="MasterConsolidatedSchema"/> reads this: an applied migration must not change
/// when a helper is edited, so a later migration carries its own copy of what it needs.
/// </summary>
internal static class MasterTableConventions
{
    public static ICreateTableColumnOptionOrWithColumnSyntax WithIdColumn(this ICreateTableWithColumnSyntax table, string tableName) =>
        table.WithColumn("id").AsGuid().PrimaryKey($"{tableName}_pkey").WithDefault(SystemMethods.NewGuid);

    public static ICreateTableColumnOptionOrWithColumnSyntax WithCreatedAt(this ICreateTableWithColumnSyntax table) =>
        table.WithColumn("createdAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);

    public static ICreateTableColumnOptionOrWithColumnSyntax WithTimestamps(this ICreateTableWithColumnSyntax table) =>
        table.WithCreatedAt().WithColumn("updatedAt").AsDateTimeOffset().WithDefault(SystemMethods.CurrentDateTimeOffset);

    /// <summary>A required uuid reference named the Prisma way, with its ON DELETE rule.</summary>
    public static ICreateTableColumnOptionOrWithColumnSyntax WithReference(
        this ICreateTableWithColumnSyntax table, string tableName, string column, string primaryTable, Rule onDelete) =>
        table.WithColumn(column).AsGuid().ForeignKey($"{tableName}_{column}_fkey", primaryTable, "id").OnDelete(onDelete);

    /// <summary>An optional uuid reference (ON DELETE SET NULL needs a nullable column).</summary>
    public static ICreateTableColumnOptionOrWithColumnSyntax WithOptionalReference(
        this ICreateTableWithColumnSyntax table, string tableName, string column, string primaryTable, Rule onDelete) =>
        table.WithColumn(column).AsGuid().Nullable().ForeignKey($"{tableName}_{column}_fkey", primaryTable, "id").OnDelete(onDelete);
}
