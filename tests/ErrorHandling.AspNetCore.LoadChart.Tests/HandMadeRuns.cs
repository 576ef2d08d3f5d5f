namespace ErrorHandling.AspNetCore.LoadChart.Tests;

/// <summary>
/// A small raw CSV whose summary is worked out by hand in the tests: three rounds of three modes on one endpoint,
/// four rounds of ours + storm beside three of the framework on another, one round on a third, one round of five modes
/// on the deep failing endpoint.
/// </summary>
internal static class HandMadeRuns
{
    // Rows in measuring order, not summary order, as scripts/load.sh appends them.
    public const string RawCsv = """
        round,position,mode,logging,endpoint,requests_per_second,duration_s,connections,allocated_bytes_per_request,gc_pause_percent
        1,1,framework,off,fail,1000.00,5,32,2000,0.30
        1,2,ours,off,fail,1100.00,5,32,1500,0.20
        1,3,none,off,fail,1250.00,5,32,900,0.10
        1,4,framework,json,ok,100.00,5,32,825,0.20
        1,5,ours-storm,json,ok,150.00,5,32,825,0.20
        1,6,ours,serilog,fail,1000.50004,5,32,7,0.01
        1,7,framework,serilog,fail,1000,5,32,7,0.01
        1,8,floor,json,fail-deep,500,5,32,3000,0.40
        1,9,ours-storm,json,fail-deep,450,5,32,6000,0.90
        1,10,ours-summary,json,fail-deep,1100,5,32,1200,0.10
        1,11,framework,json,fail-deep,400,5,32,20000,2.00
        1,12,floor-repeat,json,fail-deep,480,5,32,3500,0.45
        2,1,ours,off,fail,900.00,5,32,1501,0.25
        2,2,none,off,fail,1200.00,5,32,901,0.11
        2,3,framework,off,fail,800.00,5,32,2001,0.31
        2,4,ours-storm,json,ok,330.00,5,32,826,0.30
        2,5,framework,json,ok,300.00,5,32,825,0.20
        3,1,none,off,fail,1000.00,5,32,902,0.12
        3,2,framework,off,fail,1000.00,5,32,2002,0.36
        3,3,ours,off,fail,1300.00,5,32,1502,0.21
        3,4,framework,json,ok,200.00,5,32,825,0.20
        3,5,ours-storm,json,ok,260.00,5,32,827,0.25
        4,1,ours-storm,json,ok,400.00,5,32,828,0.26

        """;

    public static IReadOnlyList<LoadResult> Summarise() => LoadSummary.Summarise(LoadRawCsv.Parse(RawCsv, "hand-made.csv"));

    public static LoadResult Result(string logging, string endpoint, string mode) =>
        Summarise().Single(r => r.Logging == logging && r.Endpoint == endpoint && r.Mode == mode);
}
