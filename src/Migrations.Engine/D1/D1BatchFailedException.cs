namespace Migrations.Engine.D1;

/// <summary>wrangler refused a batch: D1 rolled the whole batch back, so nothing of it is there.</summary>
public sealed class D1BatchFailedException(string message) : Exception(message);
