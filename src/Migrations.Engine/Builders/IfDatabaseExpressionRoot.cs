using System.Reflection;
using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary>
/// <c>IfDatabase("postgres").Create...</c>: the branch's builders go to a child context whose
/// expressions are wrapped in one <see cref="IfDatabaseExpression"/>. Unlike FluentMigrator, the
/// branch is kept (not thrown away) when it does not match, so checksums are provider-neutral.
/// <c>Delegate</c> runs its action only on a matching database.
/// </summary>
public sealed class IfDatabaseExpressionRoot
{
    private readonly MigrationContext _branch;
    private readonly bool _matches;
    private readonly Assembly _migrationAssembly;

    private IfDatabaseExpressionRoot(IMigrationContext parent, IReadOnlyList<string> databaseTypes, bool matches, Assembly migrationAssembly)
    {
        _branch = MigrationContext.ChildOf(parent);
        _matches = matches;
        _migrationAssembly = migrationAssembly;
        parent.Add(new BranchBuilder(databaseTypes, _branch));
    }

    public static IfDatabaseExpressionRoot ForTypes(IMigrationContext parent, string[] databaseTypes, Assembly migrationAssembly)
    {
        var matches = databaseTypes.Any(t => parent.DatabaseTypeNames.Contains(t, StringComparer.OrdinalIgnoreCase));
        return new IfDatabaseExpressionRoot(parent, databaseTypes, matches, migrationAssembly);
    }

    // A predicate cannot be written into the migration, so it is decided now, for this database.
    public static IfDatabaseExpressionRoot ForPredicate(IMigrationContext parent, Predicate<string> predicate, Assembly migrationAssembly)
    {
        var matches = predicate(parent.DatabaseType);
        return new IfDatabaseExpressionRoot(parent, matches ? [parent.DatabaseType] : [], matches, migrationAssembly);
    }

    public CreateExpressionRoot Create => new(_branch);

    public AlterExpressionRoot Alter => new(_branch);

    public DeleteExpressionRoot Delete => new(_branch);

    public RenameExpressionRoot Rename => new(_branch);

    public InsertExpressionRoot Insert => new(_branch);

    public UpdateExpressionRoot Update => new(_branch);

    public SchemaExpressionRoot Schema => new(_branch);

    public ExecuteExpressionRoot Execute => new(_branch, _migrationAssembly);

    public void Delegate(Action action)
    {
        if (_matches)
        {
            action();
        }
    }

    private sealed class BranchBuilder(IReadOnlyList<string> databaseTypes, MigrationContext branch) : IExpressionBuilder
    {
        public IEnumerable<MigrationExpression> Build() => [new IfDatabaseExpression(databaseTypes, branch.BuildExpressions())];
    }
}
