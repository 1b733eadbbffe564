using Migrations.Engine.Model;

namespace Migrations.Engine.Expressions;

internal static class ForeignKeyRules
{
    public static IEnumerable<string> Validate(ForeignKeyDefinition fk)
    {
        if (string.IsNullOrWhiteSpace(fk.ForeignTable))
        {
            yield return "foreign key table name is missing";
        }

        if (string.IsNullOrWhiteSpace(fk.PrimaryTable))
        {
            yield return $"foreign key \"{fk.EffectiveName}\" names no referenced table";
        }

        if (fk.ForeignColumns.Count == 0 || fk.PrimaryColumns.Count == 0)
        {
            yield return $"foreign key \"{fk.EffectiveName}\" needs columns on both sides";
        }
        else if (fk.ForeignColumns.Count != fk.PrimaryColumns.Count)
        {
            yield return $"foreign key \"{fk.EffectiveName}\" has {fk.ForeignColumns.Count} columns referencing {fk.PrimaryColumns.Count}";
        }
    }
}
