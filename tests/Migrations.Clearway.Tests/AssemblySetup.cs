using Migrations.Testing;

// No namespace: NUnit runs this once around every test in the assembly.
[SetUpFixture]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1050", Justification = "NUnit needs the global namespace to cover the whole assembly.")]
public sealed class AssemblySetup
{
    [OneTimeTearDown]
    public void StopPostgres() => PostgresServer.StopIfStarted();
}
