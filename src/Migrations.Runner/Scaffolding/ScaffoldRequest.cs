namespace Migrations.Runner.Scaffolding;

/// <summary>What <c>new</c> was asked for. <see cref="ProjectDirectory"/> null: the database's project in the repository above the current directory.</summary>
public sealed record ScaffoldRequest(string Database, string Name)
{
    public string? Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>A version chosen by hand (a hotfix's); null: the next of the database's scheme.</summary>
    public long? Version { get; init; }

    public string? ProjectDirectory { get; init; }
}
