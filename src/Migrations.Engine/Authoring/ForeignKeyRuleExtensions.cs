using System.Data;
using System.Runtime.CompilerServices;
using FluentMigrator.Builders;
using FluentMigrator.Infrastructure;
using FluentMigrator.Builders.Create.ForeignKey;
using FluentMigrator.Model;

namespace Migrations.Engine.Authoring;

/// <summary>
/// <c>.OnDelete(ForeignKeyRule.Restrict)</c> beside FluentMigrator's <c>OnDelete(Rule)</c>. The
/// definition keeps <see cref="Rule.None"/> and is remembered as RESTRICT, which our generators write.
/// </summary>
public static class ForeignKeyRuleExtensions
{
    private static readonly ConditionalWeakTable<ForeignKeyDefinition, RestrictRules> Restricted = new();

    public static TNextFk OnDelete<TNext, TNextFk>(this IForeignKeyCascadeSyntax<TNext, TNextFk> syntax, ForeignKeyRule rule)
        where TNext : IFluentSyntax
        where TNextFk : IFluentSyntax
    {
        var next = syntax.OnDelete(ToRule(rule));
        Remember(CurrentForeignKey(syntax), rule, onDelete: true);
        return next;
    }

    public static TNextFk OnUpdate<TNext, TNextFk>(this IForeignKeyCascadeSyntax<TNext, TNextFk> syntax, ForeignKeyRule rule)
        where TNext : IFluentSyntax
        where TNextFk : IFluentSyntax
    {
        var next = syntax.OnUpdate(ToRule(rule));
        Remember(CurrentForeignKey(syntax), rule, onDelete: false);
        return next;
    }

    public static ICreateForeignKeyCascadeSyntax OnDelete(this ICreateForeignKeyCascadeSyntax syntax, ForeignKeyRule rule)
    {
        var next = syntax.OnDelete(ToRule(rule));
        Remember(CurrentForeignKey(syntax), rule, onDelete: true);
        return next;
    }

    public static ICreateForeignKeyCascadeSyntax OnUpdate(this ICreateForeignKeyCascadeSyntax syntax, ForeignKeyRule rule)
    {
        var next = syntax.OnUpdate(ToRule(rule));
        Remember(CurrentForeignKey(syntax), rule, onDelete: false);
        return next;
    }

    /// <summary>True when the foreign key's delete (or update) rule was given as RESTRICT.</summary>
    public static bool IsRestrict(ForeignKeyDefinition foreignKey, bool onDelete) =>
        Restricted.TryGetValue(foreignKey, out var rules) && (onDelete ? rules.OnDelete : rules.OnUpdate);

    /// <summary>Carries RESTRICT over to a copy of a definition (a clone FluentMigrator or a rebuild made).</summary>
    public static void CopyRules(ForeignKeyDefinition from, ForeignKeyDefinition to)
    {
        if (Restricted.TryGetValue(from, out var rules))
        {
            Restricted.AddOrUpdate(to, rules with { });
        }
    }

    private static Rule ToRule(ForeignKeyRule rule) => rule switch
    {
        ForeignKeyRule.Cascade => Rule.Cascade,
        ForeignKeyRule.SetNull => Rule.SetNull,
        ForeignKeyRule.SetDefault => Rule.SetDefault,
        _ => Rule.None,
    };

    private static void Remember(ForeignKeyDefinition foreignKey, ForeignKeyRule rule, bool onDelete)
    {
        var rules = Restricted.GetValue(foreignKey, _ => new RestrictRules());
        if (onDelete)
        {
            rules.OnDelete = rule == ForeignKeyRule.Restrict;
        }
        else
        {
            rules.OnUpdate = rule == ForeignKeyRule.Restrict;
        }
    }

    // FluentMigrator's column and foreign-key builders all name the key being defined CurrentForeignKey or Expression.ForeignKey.
    private static ForeignKeyDefinition CurrentForeignKey(object syntax) =>
        syntax.GetType().GetProperty("CurrentForeignKey")?.GetValue(syntax) as ForeignKeyDefinition
        ?? (syntax as FluentMigrator.Builders.ExpressionBuilderBase<FluentMigrator.Expressions.CreateForeignKeyExpression>)?.Expression.ForeignKey
        ?? throw new InvalidOperationException($"OnDelete/OnUpdate(ForeignKeyRule) found no foreign key on {syntax.GetType().Name}");

    private sealed record RestrictRules
    {
        public bool OnDelete { get; set; }

        public bool OnUpdate { get; set; }
    }
}
