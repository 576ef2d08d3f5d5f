using System.Buffers;
using System.Globalization;
using System.Text;

namespace ErrorHandling.AspNetCore;

/// <summary>
/// Escapes control characters in request values before they are logged, so a request cannot
/// forge log lines (CR/LF injection) in line-oriented sinks.
/// </summary>
internal static class LogValueEscaper
{
    private static readonly SearchValues<char> UnsafeCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0085\u2028\u2029");

    public static string Escape(string value)
    {
        var first = value.AsSpan().IndexOfAny(UnsafeCharacters);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (!UnsafeCharacters.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            _ = c switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
            };
        }

        return builder.ToString();
    }
}
