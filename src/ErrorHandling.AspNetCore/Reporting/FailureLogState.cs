using System.Collections;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// The state of a failure's log event (EventIds 1, 2 and 4): the request values of the <see cref="RequestFailure"/>
/// under their fixed names, then the error code, error-storm values, a rendering failure and the request headers when the event
/// carries them, then <c>{OriginalFormat}</c>. The message is rendered once however often sinks ask for it (the
/// JSON console logger asks twice).
/// </summary>
internal sealed class FailureLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    /// <summary>The formatter passed to <see cref="Microsoft.Extensions.Logging.ILogger.Log{TState}"/>.</summary>
    public static readonly Func<FailureLogState, Exception?, string> Formatter = static (state, _) => state.ToString();

    private readonly FailureLogTemplate _template;
    private readonly KeyValuePair<string, object?>[] _properties;
    private string? _message;

    public FailureLogState(RequestFailure failure, string? renderingFailure, string? headers)
    {
        _template = FailureLogTemplate.For(failure.Outcome, failure.ErrorCode is not null, failure.ExceptionFingerprint is not null, renderingFailure is not null, headers is not null);
        var names = _template.PropertyNames;
        var properties = new KeyValuePair<string, object?>[names.Length];
        var i = 0;
        properties[i] = new(names[i++], failure.RequestMethod);
        properties[i] = new(names[i++], failure.RequestPath);
        properties[i] = new(names[i++], failure.QueryString);
        properties[i] = new(names[i++], failure.StatusCode);
        properties[i] = new(names[i++], failure.TraceId);
        properties[i] = new(names[i++], failure.Timestamp);
        properties[i] = new(names[i++], failure.ExceptionType);
        if (failure.ErrorCode is { } errorCode)
        {
            properties[i] = new(names[i++], errorCode);
        }

        if (failure.ExceptionFingerprint is { } fingerprint)
        {
            properties[i] = new(names[i++], fingerprint);
            properties[i] = new(names[i++], failure.OccurrenceCount);
        }

        if (renderingFailure is not null)
        {
            properties[i] = new(names[i++], renderingFailure);
        }

        if (headers is not null)
        {
            properties[i] = new(names[i++], headers);
        }

        properties[i] = new(names[i], _template.Text);
        _properties = properties;
    }

    public int Count => _properties.Length;

    public KeyValuePair<string, object?> this[int index] => _properties[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_properties).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _message ??= _template.Render(_properties);
}
