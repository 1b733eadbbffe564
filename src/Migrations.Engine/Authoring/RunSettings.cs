namespace Migrations.Engine.Authoring;

/// <summary>
/// What a run was asked for, for migrations and profiles that take it through their constructor
/// (FluentMigrator creates migrations through dependency injection).
/// </summary>
public sealed record RunSettings(string? Environment, IReadOnlyList<string> Tags, int SeedScale)
{
    public const int DefaultSeedScale = 1000;

    public static RunSettings Default { get; } = new(null, [], DefaultSeedScale);
}
