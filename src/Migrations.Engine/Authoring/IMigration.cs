using Migrations.Engine.Builders;

namespace Migrations.Engine;

/// <summary>
/// A unit of schema change. The engine calls <see cref="GetUpExpressions"/> or
/// <see cref="GetDownExpressions"/> once per run; the migration appends what it wants done to the
/// context and executes nothing itself.
/// </summary>
public interface IMigration
{
    void GetUpExpressions(IMigrationContext context);

    void GetDownExpressions(IMigrationContext context);
}
