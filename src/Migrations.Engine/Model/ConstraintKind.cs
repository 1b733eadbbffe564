namespace Migrations.Engine.Model;

/// <summary>The table constraints the authoring API can create and drop by name.</summary>
public enum ConstraintKind
{
    PrimaryKey,
    Unique,
    Check,
}
