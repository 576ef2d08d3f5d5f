namespace ErrorHandling.Sample.Shaping;

/// <summary>A domain error answered by a problem factory that reads the exception's data.</summary>
public sealed class PaymentLimitException(decimal limit) : Exception($"The payment exceeds the limit of {limit}.")
{
    /// <summary>The customer's limit.</summary>
    public decimal Limit { get; } = limit;
}
