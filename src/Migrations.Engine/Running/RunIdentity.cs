namespace Migrations.Engine.Running;

/// <summary>Who applies a migration: user@host, with the CI run id when a known pipeline provides one.</summary>
public static class RunIdentity
{
    private static readonly string[] PipelineRunVariables = ["GITHUB_RUN_ID", "BUILD_BUILDID", "CI_PIPELINE_ID", "MIGRATIONS_RUN_ID"];

    public static string Current()
    {
        var who = $"{Environment.UserName}@{Environment.MachineName}";
        var run = PipelineRunVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return run is null ? who : $"{who} run {run}";
    }
}
