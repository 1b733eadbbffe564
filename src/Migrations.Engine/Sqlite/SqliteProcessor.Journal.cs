using System.Data;
using System.Globalization;
using FluentMigrator.Expressions;
using Microsoft.Data.Sqlite;
using Migrations.Engine.Journal;

namespace Migrations.Engine.Sqlite;

/// <summary>
/// The journal as this run knows it (what FluentMigrator's version loader last read, and the rows
/// written and deleted since), read again under each migration's write lock, just after
/// <c>BEGIN IMMEDIATE</c>. A run that reached the same file another way (a hard link, a runner
/// without the run lock) and applied or rolled back a migration meanwhile stops this run before
/// it applies anything twice. A migration without a transaction has no write lock to read under.
/// </summary>
public partial class SqliteProcessor
{
    private const string VersionColumn = "Version";
    private HashSet<long>? _journal;

    public override DataSet ReadTableData(string schemaName, string tableName)
    {
        var data = base.ReadTableData(schemaName, tableName);
        if (IsJournal(tableName))
        {
            _journal = Versions(data.Tables[0].Rows.Cast<DataRow>().Select(row => row[VersionColumn]));
        }

        return data;
    }

    public override void Process(DeleteDataExpression expression)
    {
        base.Process(expression);
        if (IsJournal(expression.TableName))
        {
            _journal?.ExceptWith(Versions(expression.Rows.SelectMany(row => row).Where(IsVersion).Select(pair => pair.Value)));
        }
    }

    /// <summary>After FluentMigrator wrote a journal row (in the migration's transaction).</summary>
    private void Journaled(InsertDataExpression expression)
    {
        if (IsJournal(expression.TableName))
        {
            _journal?.UnionWith(Versions(expression.Rows.SelectMany(row => row).Where(IsVersion).Select(pair => pair.Value)));
        }
    }

    private void CheckJournalUnchanged()
    {
        if (_journal is null || Options.PreviewOnly)
        {
            return;
        }

        var now = TableSql(JournalTableMetaData.Table) is null
            ? []
            : Versions(Query($"SELECT {SqlGenerator.Quoter.QuoteColumnName(VersionColumn)} FROM {SqlGenerator.Quoter.QuoteTableName(JournalTableMetaData.Table)}").Select(row => row[0]));
        if (!now.SetEquals(_journal))
        {
            throw new SqliteJournalChangedException(Path.GetFileName(((SqliteConnection)Connection).DataSource),
                now.Except(_journal).Order().ToArray(), _journal.Except(now).Order().ToArray());
        }
    }

    private static bool IsJournal(string tableName) => string.Equals(tableName, JournalTableMetaData.Table, StringComparison.OrdinalIgnoreCase);

    private static bool IsVersion(KeyValuePair<string, object> pair) => string.Equals(pair.Key, VersionColumn, StringComparison.OrdinalIgnoreCase);

    // A value that is not a version is left out: reading a bad row is the journal's concern, not this check's.
    private static HashSet<long> Versions(IEnumerable<object?> values) =>
        values.Select(v => long.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var version) ? (long?)version : null)
            .OfType<long>().ToHashSet();
}
