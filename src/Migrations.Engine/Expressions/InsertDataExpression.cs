using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

/// <summary>Rows to insert, one INSERT each, columns in the order given.</summary>
public sealed record InsertDataExpression(string? SchemaName, string TableName, IReadOnlyList<IReadOnlyList<ColumnValue>> Rows) : MigrationExpression
{
    /// <summary>ON CONFLICT DO NOTHING: rows whose key already exists are skipped.</summary>
    public bool IgnoreConflicts { get; init; }

    public override IEnumerable<string> Validate() =>
        Required(TableName, "table name")
            .Concat(RequiredList(Rows, $"rows to insert into \"{TableName}\""))
            .Concat(Rows.Where(r => r.Count == 0).Select(_ => $"an empty row for \"{TableName}\""));

    // Undo deletes exactly the inserted rows, newest first, each matched on every inserted value.
    public override MigrationExpression Reverse() => new DeleteDataExpression(SchemaName, TableName, Rows.Reverse().ToArray());

    public override string Describe() => $"insert {Rows.Count} row(s) into {Qualified(SchemaName, TableName)}";
}
