using System.ComponentModel.DataAnnotations;
using FluentMigrator.Expressions;

namespace Migrations.Engine.Expressions;

/// <summary>A named CHECK constraint on a table: what creating and dropping one share.</summary>
public abstract class CheckConstraintExpression : ExtendedExpression, ISchemaExpression
{
    public string? SchemaName { get; set; }

    [Required]
    public string TableName { get; set; } = "";

    [Required]
    public string ConstraintName { get; set; } = "";
}
