using Migrations.Runner.Cli;

// Every path out of the program returns an exit code explicitly: a failure never becomes exit 0.
return await RunnerApplication.RunAsync(args);
