namespace ErrorHandling.Sample.Shaping;

/// <summary>A domain error whose mapping gives the problem its own <c>type</c> and an <c>errorCode</c>.</summary>
public sealed class OutOfStockException(string sku) : Exception($"Item {sku} is out of stock.");
