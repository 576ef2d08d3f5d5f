using Microsoft.Extensions.Logging;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The statuses a problem can be sent with, and the log level a status implies. Every status the handler sends —
/// mapped in code or configuration, chosen by a selector or factory, carried by an exception, set by a
/// customization or the app's response writer — is checked here, so the rule and its wording live in one place.
/// </summary>
internal static class ProblemStatus
{
    /// <summary>Whether <paramref name="statusCode"/> is an HTTP status code at all: 100–599.</summary>
    public static bool IsValid(int statusCode) => statusCode is >= 100 and <= 599;

    /// <summary>
    /// Whether a response with <paramref name="statusCode"/> can carry a body, and so a problem: a valid status other
    /// than 1xx, 204, 205 and 304, whose responses have none.
    /// </summary>
    public static bool CanHaveBody(int statusCode) =>
        IsValid(statusCode) && statusCode is >= 200 and not (204 or 205 or 304);

    /// <summary>
    /// Why no problem can be sent with <paramref name="statusCode"/>, as a clause that follows the value in a
    /// message; <see langword="null"/> when one can.
    /// </summary>
    public static string? Rejection(int statusCode) =>
        !IsValid(statusCode) ? "it is not a status code between 100 and 599"
        : !CanHaveBody(statusCode) ? "a response with that status has no body (1xx, 204, 205 and 304 have none), so it cannot carry a problem"
        : null;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when no problem can be sent with a status given as an argument.</summary>
    public static void ThrowIfUnusable(int statusCode, string paramName)
    {
        if (Rejection(statusCode) is { } rejection)
        {
            throw new ArgumentOutOfRangeException(paramName, statusCode, $"The status {statusCode} cannot be the status of an error response; {rejection}.");
        }
    }

    /// <summary>
    /// Returns <paramref name="statusCode"/>, or throws <see cref="InvalidOperationException"/> naming
    /// <paramref name="source"/> when no problem can be sent with it: a status decided while a request fails is a
    /// failure of the handler, answered with the minimal 500.
    /// </summary>
    public static int Checked(int statusCode, string source) =>
        Rejection(statusCode) is { } rejection
            ? throw new InvalidOperationException($"{source} gave the status {statusCode}; {rejection}.")
            : statusCode;

    /// <summary>The level of a failure's event when nothing else decides it: Warning for a 4xx, Error otherwise.</summary>
    public static LogLevel DefaultLogLevel(int statusCode) => statusCode is >= 400 and < 500 ? LogLevel.Warning : LogLevel.Error;
}
