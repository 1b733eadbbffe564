using FluentMigrator.Model;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using FluentMigrator.Runner.Conventions;
using FluentMigrator.Runner.Generators;
using FluentMigrator.Runner.VersionTableInfo;

namespace Migrations.Engine.Journal;

/// <summary>
/// FluentMigrator's version loader, writing our columns too: the row it inserts in the
/// migration's transaction also carries the checksum, duration, who, environment and tags.
/// The table itself is created (or a three-column FluentMigrator table upgraded) by
/// JournalStore before FluentMigrator's runner is built, so this loader finds it (where JournalOptions says).
/// </summary>
public sealed class JournalVersionLoader(
    IProcessorAccessor processorAccessor,
    IGeneratorAccessor generatorAccessor,
    IConventionSet conventionSet,
    IMigrationRunnerConventions conventions,
    IVersionTableMetaData versionTableMetaData,
    IMigrationRunner runner,
    JournalRowContext row)
    : VersionLoader(processorAccessor, generatorAccessor, conventionSet, conventions, versionTableMetaData, runner)
{
    protected override InsertionDataDefinition CreateVersionInfoInsertionData(long version, string description)
    {
        var data = base.CreateVersionInfoInsertionData(version, description);
        data.Add(new("Checksum", row.ChecksumOf(version)));
        data.Add(new("DurationMs", row.ElapsedMilliseconds));
        data.Add(new("AppliedBy", row.AppliedBy));
        data.Add(new("Environment", row.Environment));
        data.Add(new("Tags", row.Tags.Count == 0 ? null : string.Join(",", row.Tags)));
        return data;
    }
}
