using ErrorHandling.AspNetCore.Docs.Tests.Checks;

namespace ErrorHandling.AspNetCore.Docs.Tests;

public class IndentationTests
{
    [Fact]
    public void RemoveCommon_IndentedLines_RemovesOnlyTheSharedIndentation()
    {
        var lines = Indentation.RemoveCommon(["        var a = 1;", "            Call(a);", "        return a;"]);

        Assert.Equal(["var a = 1;", "    Call(a);", "return a;"], lines);
    }

    [Fact]
    public void RemoveCommon_BlankAndWhitespaceOnlyLines_DoNotCountAndBecomeEmpty()
    {
        var lines = Indentation.RemoveCommon(["    a();", "", "  ", "    b();"]);

        Assert.Equal(["a();", "", "", "b();"], lines);
    }

    [Fact]
    public void RemoveCommon_TrailingWhitespace_IsDropped()
    {
        var lines = Indentation.RemoveCommon(["  a();   ", "  b();\t"]);

        Assert.Equal(["a();", "b();"], lines);
    }
}
