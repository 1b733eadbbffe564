using System.ComponentModel.DataAnnotations;
using FluentMigrator.Expressions;

namespace Migrations.Engine.Expressions;

/// <summary><c>DROP TYPE "Name"</c> on PostgreSQL; nothing on SQLite.</summary>
public sealed class DeleteEnumExpression : ExtendedExpression, ISchemaExpression
{
    public string? SchemaName { get; set; }

    [Required]
    public string TypeName { get; set; } = "";

    public override string Operation => $"drop enum {TypeName}";

    protected override void Dispatch(IExtendedProcessor processor) => processor.Process(this);
}
