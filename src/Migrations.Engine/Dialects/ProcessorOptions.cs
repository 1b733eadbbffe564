namespace Migrations.Engine.Dialects;

/// <summary>How a processor talks to its database.</summary>
public sealed record ProcessorOptions
{
    /// <summary>Statements are reported but not executed; reads still run (for scripts on PostgreSQL).</summary>
    public bool PreviewOnly { get; init; }

    /// <summary>The timeout of each statement; null keeps the provider's default.</summary>
    public TimeSpan? CommandTimeout { get; init; }
}
