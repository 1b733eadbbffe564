namespace Migrations.Engine.Running;

/// <summary>
/// Who applies a migration: user@host (or <c>MIGRATIONS_APPLIED_BY</c>, for a pipeline that knows
/// the person who approved the deploy), with the CI run id when a known pipeline provides one.
/// </summary>
public static class RunIdentity
{
    private static readonly string[] PipelineRunVariables = ["GITHUB_RUN_ID", "BUILD_BUILDID", "CI_PIPELINE_ID", "MIGRATIONS_RUN_ID"];

    public static string Current()
    {
        var named = Environment.GetEnvironmentVariable("MIGRATIONS_APPLIED_BY");
        var who = string.IsNullOrWhiteSpace(named) ? $"{Environment.UserName}@{Environment.MachineName}" : named.Trim();
        var run = PipelineRunVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return run is null ? who : $"{who} run {run}";
    }
}
