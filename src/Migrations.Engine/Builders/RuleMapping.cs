using System.Data;

namespace Migrations.Engine.Builders;

/// <summary>Maps FluentMigrator's <see cref="Rule"/> to our rule; Rule.None is NO ACTION, as FluentMigrator emits it.</summary>
public static class RuleMapping
{
    public static ForeignKeyRule From(Rule rule) => rule switch
    {
        Rule.Cascade => ForeignKeyRule.Cascade,
        Rule.SetNull => ForeignKeyRule.SetNull,
        Rule.SetDefault => ForeignKeyRule.SetDefault,
        _ => ForeignKeyRule.NoAction,
    };
}
