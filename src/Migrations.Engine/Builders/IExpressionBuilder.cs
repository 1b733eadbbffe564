using Migrations.Engine.Expressions;

namespace Migrations.Engine.Builders;

/// <summary>
/// Something a fluent call left in the context. Builders are read only after Up()/Down() returns,
/// so a chain such as <c>.WithColumn("a").AsInt32().Nullable()</c> is complete when it is built.
/// </summary>
public interface IExpressionBuilder
{
    IEnumerable<MigrationExpression> Build();
}
