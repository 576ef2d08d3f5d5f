namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The read-through cache in front of the deep failing endpoint's unit of work; it never holds the order.</summary>
internal static class OrderCache
{
    /// <summary>Gets the order <paramref name="id"/> from the cache, or loads it with <paramref name="load"/> on a miss.</summary>
    public static async Task<T> GetOrLoadAsync<T>(int id, Func<Task<T>> load)
    {
        await Task.Yield();
        return id < 0 ? default! : await load();
    }
}
