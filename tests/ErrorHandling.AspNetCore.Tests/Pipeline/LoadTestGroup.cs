namespace ErrorHandling.AspNetCore.Tests.Pipeline;

/// <summary>Load tests run alone, so their memory measurements see no other test's allocations.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTestGroup
{
    public const string Name = "Load";
}
