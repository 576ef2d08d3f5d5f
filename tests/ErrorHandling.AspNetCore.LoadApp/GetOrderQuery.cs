namespace ErrorHandling.AspNetCore.LoadApp;

/// <summary>The deep failing endpoint's request for the order <paramref name="Id"/>.</summary>
/// <param name="Id">The order's id.</param>
internal sealed record GetOrderQuery(int Id);
