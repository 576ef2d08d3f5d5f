namespace ErrorHandling.Sample.Errors;

/// <summary>A domain error with a code clients can act on; the sample adds the code to the problem details.</summary>
public sealed class OrderLockedException(int orderId)
    : Exception($"Order {orderId} is locked by the warehouse and cannot be changed.")
{
    /// <summary>The machine-readable error code.</summary>
    public string ErrorCode => "ORDER_LOCKED";
}
