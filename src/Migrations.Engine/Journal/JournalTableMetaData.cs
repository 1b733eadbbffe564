using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.VersionTableInfo;
using Microsoft.Extensions.Options;

namespace Migrations.Engine.Journal;

/// <summary>
/// FluentMigrator's <c>VersionInfo</c> names (Version, AppliedOn, Description, UC_Version), kept
/// so a journal FluentMigrator wrote is ours too; on PostgreSQL it lives in schema
/// <c>migrations</c> so that the documented objects of <c>public</c> stay exactly the application's
/// (or where <see cref="JournalOptions"/> says: FluentMigrator's own journal in <c>public</c>).
/// </summary>
public sealed class JournalTableMetaData(IProcessorAccessor processorAccessor, IOptions<JournalOptions> options) : IVersionTableMetaData
{
    public const string Table = "VersionInfo";
    public const string PostgresSchema = "migrations";
    public const string UniqueIndex = "UC_Version";

    public bool OwnsSchema => false;

    public string SchemaName { get; } = JournalLayout.SchemaFor(processorAccessor.Processor.DatabaseType) is null ? "" : options.Value.PostgresSchema;

    public string TableName => Table;

    public string ColumnName => "Version";

    public string DescriptionColumnName => "Description";

    public string UniqueIndexName => UniqueIndex;

    public string AppliedOnColumnName => "AppliedOn";

    public bool CreateWithPrimaryKey => false;

    // FluentMigrator 8's interface still carries the retired ApplicationContext member.
    [Obsolete("FluentMigrator's own obsolete member")]
    public object? ApplicationContext { get; set; }
}
