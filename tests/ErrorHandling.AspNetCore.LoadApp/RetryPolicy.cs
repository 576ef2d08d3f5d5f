namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>
/// A retry policy that gives up at once on a timeout, as policies do for a database that is down: the failure
/// surfaces through it on the first attempt.
/// </summary>
internal static class RetryPolicy
{
    /// <summary>Runs <paramref name="action"/>, retrying only failures other than a timeout, at most twice.</summary>
    public static async Task<T> ExecuteAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception exception) when (exception is not TimeoutException && attempt < 3)
            {
                await Task.Yield();
            }
        }
    }
}
