using System.Collections;

namespace ErrorHandling.AspNetCore.Testing;

/// <summary>Exceptions whose members throw, to prove the handler survives them.</summary>
public static class HostileExceptions
{
    public sealed class MessageThrowsException : Exception
    {
        public override string Message => throw new InvalidOperationException("Message getter failed");
    }

    public sealed class StackTraceThrowsException : Exception
    {
        public StackTraceThrowsException()
            : base("SENTINEL-STACK")
        {
        }

        public override string StackTrace => throw new InvalidOperationException("StackTrace getter failed");
    }

    public sealed class ToStringThrowsException : Exception
    {
        public ToStringThrowsException()
            : base("SENTINEL-TOSTRING")
        {
        }

        public override string ToString() => throw new InvalidOperationException("ToString failed");
    }

    public sealed class DataThrowsException : Exception
    {
        public DataThrowsException()
            : base("SENTINEL-DATA")
        {
        }

        public override IDictionary Data => throw new InvalidOperationException("Data getter failed");
    }

    public static Exception DeepChain(int depth)
    {
        Exception exception = new InvalidOperationException("leaf");
        for (var i = 0; i < depth; i++)
        {
            exception = new InvalidOperationException($"level {i}", exception);
        }

        return exception;
    }
}
