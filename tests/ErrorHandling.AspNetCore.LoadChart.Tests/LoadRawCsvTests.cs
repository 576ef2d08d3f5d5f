namespace ErrorHandling.AspNetCore.LoadChart.Tests;

public class LoadRawCsvTests
{
    private const string Header =
        "round,position,mode,logging,endpoint,requests_per_second,duration_s,connections,allocated_bytes_per_request,gc_pause_percent\n";

    [Fact]
    public void Parse_UnknownMode_FailsNamingLineAndModes()
    {
        var csv = Header + "1,1,ours,off,ok,100,5,32,1,0.00\n1,2,theirs,off,ok,100,5,32,1,0.00\n";

        var error = Assert.Throws<FormatException>(() => LoadRawCsv.Parse(csv, "raw.csv"));

        Assert.Equal("raw.csv, line 3: mode is 'theirs', expected one of none, framework, ours, ours-storm, ours-summary, floor, floor-repeat.", error.Message);
    }

    [Fact]
    public void Parse_SecondRunOfAModeInARound_Fails()
    {
        var csv = Header + "1,1,ours,off,ok,100,5,32,1,0.00\n1,2,ours,off,ok,100,5,32,1,0.00\n";

        var error = Assert.Throws<FormatException>(() => LoadRawCsv.Parse(csv, "raw.csv"));

        Assert.Equal("raw.csv, line 3: round 1 already has a run of ours with logging off on /ok.", error.Message);
    }

    [Fact]
    public void Parse_RunsOfTwoDurations_Fails()
    {
        var csv = Header + "1,1,ours,off,ok,100,5,32,1,0.00\n2,1,ours,off,ok,100,10,32,1,0.00\n";

        var error = Assert.Throws<FormatException>(() => LoadRawCsv.Parse(csv, "raw.csv"));

        Assert.Equal("raw.csv, line 3: a run of 10 s with 32 connections, the first is of 5 s with 32; summarise one load run at a time.", error.Message);
    }

    [Fact]
    public void Parse_RequestsPerSecondNotANumber_FailsNamingLineAndColumn()
    {
        var csv = Header + "1,1,ours,off,ok,fast,5,32,1,0.00\n";

        var error = Assert.Throws<FormatException>(() => LoadRawCsv.Parse(csv, "raw.csv"));

        Assert.Equal("raw.csv, line 2: requests_per_second is 'fast', not a number.", error.Message);
    }
}
