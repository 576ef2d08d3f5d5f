namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// The unit of work of the deep failing endpoint: runs its work under a retry policy, as data access code commonly
/// does, which puts a lambda and two generic frames on the stack.
/// </summary>
internal static class UnitOfWork
{
    /// <summary>Runs <paramref name="work"/> under the retry policy.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        await Task.Yield();
        return await RetryPolicy.ExecuteAsync(work);
    }
}
