namespace Migrations.Engine.Expressions;

/// <summary>
/// The expressions FluentMigrator has no <c>Process</c> overload for. Our PostgreSQL and SQLite
/// processors implement it; each custom expression dispatches to it from <c>ExecuteWith</c>, and
/// any other processor gets <see cref="UnsupportedOperationException"/> naming the operation.
/// </summary>
public interface IExtendedProcessor
{
    /// <summary>Creates an enum type (PostgreSQL); nothing on SQLite, whose columns carry a CHECK instead.</summary>
    void Process(CreateEnumExpression expression);

    /// <summary>Drops an enum type (PostgreSQL); nothing on SQLite.</summary>
    void Process(DeleteEnumExpression expression);

    /// <summary>Adds a named CHECK constraint (SQLite: by a table rebuild).</summary>
    void Process(CreateCheckConstraintExpression expression);

    /// <summary>Drops a named CHECK constraint (SQLite: by a table rebuild).</summary>
    void Process(DeleteCheckConstraintExpression expression);
}
