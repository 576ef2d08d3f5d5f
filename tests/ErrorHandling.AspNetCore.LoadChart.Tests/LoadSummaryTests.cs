namespace ErrorHandling.AspNetCore.LoadChart.Tests;

public class LoadSummaryTests
{
    [Fact]
    public void Median_OddCount_IsTheMiddleValue() =>
        Assert.Equal(1100, LoadSummary.Median([1300, 900, 1100]));

    [Fact]
    public void Median_EvenCount_IsTheMeanOfTheMiddleTwo() =>
        Assert.Equal(295, LoadSummary.Median([150, 330, 260, 400]));

    [Fact]
    public void Summarise_ThreeRounds_SpreadIsSlowestAndFastestRound()
    {
        var ours = HandMadeRuns.Result("off", "fail", "ours");

        Assert.Equal((3, 1100, 900, 1300), (ours.Rounds, ours.MedianRequestsPerSecond, ours.MinRequestsPerSecond, ours.MaxRequestsPerSecond));
    }

    [Fact]
    public void Summarise_PairedRatios_MedianOfPerRoundRatiosNotRatioOfMedians()
    {
        // Per round 1100/1000 = 1.1, 900/800 = 1.125, 1300/1000 = 1.3; the medians' ratio would be 1100/1000 = 1.1.
        var ours = HandMadeRuns.Result("off", "fail", "ours");

        Assert.Equal(1.125, ours.RatioToFramework);
    }

    [Fact]
    public void Summarise_RatioToNoHandler_PairsEachRoundWithNoHandler()
    {
        // Per round 1100/1250 = 0.88, 900/1200 = 0.75, 1300/1000 = 1.3.
        var ours = HandMadeRuns.Result("off", "fail", "ours");

        Assert.Equal(0.88, ours.RatioToNone);
    }

    [Fact]
    public void Summarise_RoundWithoutTheFramework_CountsInMediansButGivesNoRatio()
    {
        // Four rounds: the median of 150, 260, 330, 400 is (260 + 330) / 2; the framework ran in rounds 1-3 only,
        // so the ratios are 150/100 = 1.5, 330/300 = 1.1, 260/200 = 1.3.
        var storm = HandMadeRuns.Result("json", "ok", "ours-storm");

        Assert.Equal((4, 295, 1.3), (storm.Rounds, storm.MedianRequestsPerSecond, storm.RatioToFramework));
    }

    [Fact]
    public void Summarise_RatioToFloor_PairsEachRoundWithTheFloor()
    {
        // 450 / 500: a repeat that keeps its event beside the floor's one event per failure.
        var storm = HandMadeRuns.Result("json", "fail-deep", "ours-storm");

        Assert.Equal(0.9, storm.RatioToFloor);
    }

    [Fact]
    public void Summarise_RatioToFloorRepeat_PairsEachRoundWithTheFloorWritingARepeatsEvent()
    {
        // 450 / 480, to six significant digits: the repeat beside the same event written by a handler doing nothing else.
        var storm = HandMadeRuns.Result("json", "fail-deep", "ours-storm");

        Assert.Equal(0.9375, storm.RatioToFloorRepeat);
    }

    [Fact]
    public void Summarise_SummarizedMode_RatioToFrameworkOnTheDeepEndpoint()
    {
        // 1100 / 400.
        var summary = HandMadeRuns.Result("json", "fail-deep", "ours-summary");

        Assert.Equal(2.75, summary.RatioToFramework);
    }

    [Fact]
    public void Summarise_NoHandlerNotMeasured_RatioToNoneIsEmpty()
    {
        var storm = HandMadeRuns.Result("json", "ok", "ours-storm");

        Assert.Null(storm.RatioToNone);
    }

    [Fact]
    public void Summarise_PerRoundRatio_KeptToSixSignificantDigits()
    {
        // 1000.50004 / 1000 = 1.00050004, kept as 1.0005, which the summary's three decimals write as 1.000 (1.0005
        // is just below its binary neighbour's halfway point); unrounded it would be written 1.001.
        var ours = HandMadeRuns.Result("serilog", "fail", "ours");

        Assert.Equal(1.0005, ours.RatioToFramework);
    }

    [Fact]
    public void Summarise_AllocationsAndPauses_AreMediansOfTheRounds()
    {
        var storm = HandMadeRuns.Result("json", "ok", "ours-storm");

        // (826 + 827) / 2 bytes and (0.25 + 0.26) / 2 percent.
        Assert.Equal((826.5, (0.25 + 0.26) / 2), (storm.MedianAllocatedBytesPerRequest, storm.MedianGcPausePercent));
    }

    [Fact]
    public void Format_HandMadeRuns_WritesTheSummaryCsv()
    {
        var csv = LoadResultsCsv.Format(HandMadeRuns.Summarise());

        // Rows in logging, endpoint, mode order; 826.5 bytes rounds half to even (826), 0.255 is a little above
        // halfway in binary (0.26), 1.0005 a little below (1.000).
        Assert.Equal(
            """
            logging,endpoint,mode,rounds,duration_s,connections,median_rps,min_rps,max_rps,ratio_to_framework,ratio_to_none,ratio_to_floor,ratio_to_floor_repeat,median_allocated_bytes_per_request,median_gc_pause_percent
            off,fail,none,3,5,32,1200,1000,1250,1.250,1.000,,,901,0.11
            off,fail,framework,3,5,32,1000,800,1000,1.000,0.800,,,2001,0.31
            off,fail,ours,3,5,32,1100,900,1300,1.125,0.880,,,1501,0.21
            json,ok,framework,3,5,32,200,100,300,1.000,,,,825,0.20
            json,ok,ours-storm,4,5,32,295,150,400,1.300,,,,826,0.26
            json,fail-deep,framework,1,5,32,400,400,400,1.000,,0.800,0.833,20000,2.00
            json,fail-deep,ours-storm,1,5,32,450,450,450,1.125,,0.900,0.938,6000,0.90
            json,fail-deep,ours-summary,1,5,32,1100,1100,1100,2.750,,2.200,2.292,1200,0.10
            json,fail-deep,floor,1,5,32,500,500,500,1.250,,1.000,1.042,3000,0.40
            json,fail-deep,floor-repeat,1,5,32,480,480,480,1.200,,0.960,1.000,3500,0.45
            serilog,fail,framework,1,5,32,1000,1000,1000,1.000,,,,7,0.01
            serilog,fail,ours,1,5,32,1001,1001,1001,1.000,,,,7,0.01

            """,
            csv);
    }

    [Fact]
    public void Format_ThenParse_GivesTheSummaryAsWritten()
    {
        var csv = LoadResultsCsv.Format(HandMadeRuns.Summarise());

        Assert.Equal(csv, LoadResultsCsv.Format(LoadResultsCsv.Parse(csv, "summary.csv")));
    }
}
