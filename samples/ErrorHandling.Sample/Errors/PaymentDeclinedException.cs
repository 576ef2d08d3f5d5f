namespace ErrorHandling.Sample.Errors;

/// <summary>Handled by <see cref="PaymentDeclinedExceptionHandler"/>, the app's own <c>IExceptionHandler</c>.</summary>
public sealed class PaymentDeclinedException(string reason) : Exception($"The payment was declined: {reason}.")
{
    /// <summary>Why the payment provider declined.</summary>
    public string Reason { get; } = reason;
}
