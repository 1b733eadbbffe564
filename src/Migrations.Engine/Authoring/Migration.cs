using Migrations.Engine.Builders;

namespace Migrations.Engine;

/// <summary>The normal base class: an explicit <see cref="MigrationBase.Up"/> and <see cref="MigrationBase.Down"/>.</summary>
public abstract class Migration : MigrationBase
{
    public DeleteExpressionRoot Delete => new(Context);

    public ExecuteExpressionRoot Execute => new(Context, GetType().Assembly);

    public UpdateExpressionRoot Update => new(Context);
}
