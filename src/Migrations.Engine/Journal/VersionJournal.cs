using System.Globalization;
using Migrations.Engine.Dialects;
using Migrations.Engine.Expressions;
using Migrations.Engine.Model;

namespace Migrations.Engine.Journal;

/// <summary>
/// The table of applied migrations: FluentMigrator's <c>VersionInfo</c> columns (Version with the
/// unique index UC_Version, AppliedOn, Description) plus Checksum, DurationMs, AppliedBy,
/// Environment and Tags. It is created through the dialect's own generator, upgraded in place
/// when a FluentMigrator-era table lacks the new columns, and never dropped by a rollback.
/// </summary>
public sealed class VersionJournal(DatabaseProcessor processor)
{
    public const string TableName = "VersionInfo";
    public const string UniqueIndexName = "UC_Version";

    private static readonly ColumnDefinition[] Columns =
    [
        new() { Name = "Version", Type = new ColumnType(ColumnKind.Int64), IsNullable = false },
        new() { Name = "AppliedOn", Type = new ColumnType(ColumnKind.DateTimeOffset), IsNullable = true },
        new() { Name = "Description", Type = new ColumnType(ColumnKind.String, 1024), IsNullable = true },
        new() { Name = "Checksum", Type = new ColumnType(ColumnKind.String, 64), IsNullable = true },
        new() { Name = "DurationMs", Type = new ColumnType(ColumnKind.Int64), IsNullable = true },
        new() { Name = "AppliedBy", Type = new ColumnType(ColumnKind.String, 256), IsNullable = true },
        new() { Name = "Environment", Type = new ColumnType(ColumnKind.String, 64), IsNullable = true },
        new() { Name = "Tags", Type = new ColumnType(ColumnKind.String, 1024), IsNullable = true },
    ];

    private string? Schema => processor.JournalSchema;

    private string Table => processor.Generator.Table(Schema, TableName);

    /// <summary>The journal's qualified name, which also keys the run lock.</summary>
    public string QualifiedName => Schema is null ? TableName : $"{Schema}.{TableName}";

    public bool Exists() => processor.TableExists(Schema, TableName);

    /// <summary>Creates the schema, table and index that are missing, and adds missing columns, in one transaction.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var expressions = new List<MigrationExpression>();
        if (Schema is not null && !processor.SchemaExists(Schema))
        {
            expressions.Add(new CreateSchemaExpression(Schema));
        }

        if (!Exists())
        {
            expressions.Add(new CreateTableExpression(Schema, TableName, Columns));
            expressions.Add(new CreateIndexExpression(new IndexDefinition
            {
                Name = UniqueIndexName, SchemaName = Schema, TableName = TableName, IsUnique = true, Columns = [new IndexColumn("Version")],
            }));
        }
        else
        {
            expressions.AddRange(Columns.Where(c => !processor.ColumnExists(Schema, TableName, c.Name))
                .Select(c => new CreateColumnExpression(Schema, TableName, c)));
        }

        if (expressions.Count == 0)
        {
            return;
        }

        await processor.BeginAsync(expressions, cancellationToken);
        try
        {
            foreach (var expression in expressions)
            {
                await processor.ProcessAsync(expression, cancellationToken);
            }

            await processor.CommitAsync(cancellationToken);
        }
        catch
        {
            await processor.RollbackAsync();
            throw;
        }
    }

    /// <summary>Every applied migration, oldest version first; empty when the journal does not exist yet (a preview).</summary>
    public IReadOnlyList<JournalEntry> Read()
    {
        if (!Exists())
        {
            return [];
        }

        var q = processor.Generator.Quoter;
        var columns = string.Join(", ", Columns.Select(c => q.Quote(c.Name)));
        return processor.Query($"SELECT {columns} FROM {Table} ORDER BY {q.Quote("Version")}")
            .Select(row => new JournalEntry(Convert.ToInt64(row[0], CultureInfo.InvariantCulture), ReadTime(row[1]), row[2] as string)
            {
                Checksum = row[3] as string,
                DurationMs = row[4] is null ? null : Convert.ToInt64(row[4], CultureInfo.InvariantCulture),
                AppliedBy = row[5] as string,
                Environment = row[6] as string,
                Tags = row[7] as string,
            })
            .ToArray();
    }

    public SqlStatement Insert(JournalEntry entry)
    {
        var q = processor.Generator.Quoter;
        var names = string.Join(", ", Columns.Select(c => q.Quote(c.Name)));
        return new SqlStatement(
            $"INSERT INTO {Table} ({names}) VALUES (@version, @appliedOn, @description, @checksum, @durationMs, @appliedBy, @environment, @tags)")
        {
            Parameters =
            [
                new("version", entry.Version),
                new("appliedOn", entry.AppliedOn),
                new("description", entry.Description),
                new("checksum", entry.Checksum),
                new("durationMs", entry.DurationMs),
                new("appliedBy", entry.AppliedBy),
                new("environment", entry.Environment),
                new("tags", entry.Tags),
            ],
        };
    }

    public SqlStatement Delete(long version) =>
        new($"DELETE FROM {Table} WHERE {processor.Generator.Quoter.Quote("Version")} = @version") { Parameters = [new("version", version)] };

    private static DateTime? ReadTime(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToUniversalTime(),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => null,
    };
}
