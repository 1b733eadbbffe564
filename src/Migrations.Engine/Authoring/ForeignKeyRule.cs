namespace Migrations.Engine.Authoring;

/// <summary>
/// A delete or update rule, with the one PostgreSQL and SQLite have that <see cref="System.Data.Rule"/>
/// lacks: RESTRICT (checked at once, not at the end of the statement like NO ACTION).
/// </summary>
public enum ForeignKeyRule
{
    NoAction,
    Restrict,
    Cascade,
    SetNull,
    SetDefault,
}
