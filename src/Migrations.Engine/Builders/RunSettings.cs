namespace Migrations.Engine.Builders;

/// <summary>
/// What a migration or profile may know about the run it is part of: the environment, the run's
/// tags, and for seeding profiles the size of the largest tables (<c>--seed-scale</c>).
/// </summary>
public sealed record RunSettings(string? Environment, IReadOnlyList<string> Tags, int SeedScale)
{
    public const int DefaultSeedScale = 1000;

    public static readonly RunSettings None = new(null, [], DefaultSeedScale);
}
