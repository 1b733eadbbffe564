namespace Migrations.Engine.Schema;

/// <summary>
/// A scratch database that drift and baseline build the migrations' schema in: its connection
/// string, and what removes it (or empties it, for one the user gave) when disposed.
/// </summary>
public sealed class ShadowDatabase(string connectionString, string description, Func<ValueTask> cleanup) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    /// <summary>What to call it in logs: "scratch database claims_shadow_1a2b3c4d", "in-memory SQLite".</summary>
    public string Description { get; } = description;

    public ValueTask DisposeAsync() => cleanup();
}
