namespace Migrations.Engine;

/// <summary>A value emitted verbatim instead of being quoted (a default expression, a WHERE fragment).</summary>
public sealed record RawSql(string Value)
{
    public static RawSql Insert(string sqlFragment) => new(sqlFragment);

    public override string ToString() => Value;
}
