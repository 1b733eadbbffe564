using Migrations.Engine.Builders;

namespace Migrations.Engine;

/// <summary>
/// FluentMigrator's <c>MigrationBase</c>: the roots that every migration kind may use. Delete,
/// Execute and Update live on <see cref="Migration"/> (as in FluentMigrator), because an
/// auto-reversing migration cannot reverse them.
/// </summary>
public abstract class MigrationBase : IMigration
{
    private IMigrationContext? _context;

    protected IMigrationContext Context =>
        _context ?? throw new InvalidOperationException(
            "Fluent roots can only be used while the engine runs Up() or Down().");

    public abstract void Up();

    public abstract void Down();

    /// <summary>The run's environment, tags and seed scale (for seeding profiles).</summary>
    protected RunSettings Run => Context.Run;

    /// <summary>Writes a line to the run's log, for example why a seeding step was skipped.</summary>
    protected void Log(string message) => Context.Log(message);

    public CreateExpressionRoot Create => new(Context);

    public AlterExpressionRoot Alter => new(Context);

    public RenameExpressionRoot Rename => new(Context);

    public InsertExpressionRoot Insert => new(Context);

    public SchemaExpressionRoot Schema => new(Context);

    /// <summary>Expressions inside run only on the named database types (case-insensitive).</summary>
    public IfDatabaseExpressionRoot IfDatabase(params string[] databaseTypes) =>
        IfDatabaseExpressionRoot.ForTypes(Context, databaseTypes, GetType().Assembly);

    /// <summary>Evaluated when the migration is built, against the current database type.</summary>
    public IfDatabaseExpressionRoot IfDatabase(Predicate<string> databaseTypePredicate) =>
        IfDatabaseExpressionRoot.ForPredicate(Context, databaseTypePredicate, GetType().Assembly);

    public virtual void GetUpExpressions(IMigrationContext context) => Build(context, Up);

    public virtual void GetDownExpressions(IMigrationContext context) => Build(context, Down);

    private protected void Build(IMigrationContext context, Action body)
    {
        _context = context;
        try
        {
            body();
        }
        finally
        {
            _context = null;
        }
    }
}
