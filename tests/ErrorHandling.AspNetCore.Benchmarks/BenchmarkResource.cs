namespace ErrorHandling.AspNetCore.Benchmarks;

/// <summary>
/// The resource type of the localized error-path benchmarks: <c>Resources/BenchmarkResource.de.resx</c> holds the
/// German texts of the problem the failing endpoint gets, keyed by their English text, read through the
/// <c>ResourceManager</c> as an app's own resources are.
/// </summary>
public sealed class BenchmarkResource;
