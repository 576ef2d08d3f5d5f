namespace ErrorHandling.AspNetCore.LoadChart.Tests;

public class LoadTablesTests
{
    private const string Header = LoadResultsCsv.Header + "\n";

    [Fact]
    public void Render_HandMadeSummary_WritesAllThreeTables()
    {
        var results = LoadResultsCsv.Parse(LoadResultsCsv.Format(HandMadeRuns.Summarise()), "summary.csv");

        var markdown = LoadTables.Render(results);

        // The serilog rows ran one round, so the header states one; 1.125 prints as 1.12 (half to even).
        Assert.Equal(
            """
            wrk -t1 -c32 -d5s against one server at a time, each pinned to its own core; 1 round.
            Requests/s are medians of the rounds; ratios are medians of the per-round ratios.

            | logging | endpoint | no handler | framework | ours | ours + storm | ours + summary | floor | ours / framework | ours / no handler | ours + storm / framework | ours + summary / framework | ours + storm / floor | floor / framework |
            | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | off | `/fail` | 1,200 | 1,000 | 1,100 | — | — | — | 1.12 | 0.88 | — | — | — | — |
            | JSON console | `/ok` | — | 200 | — | 295 | — | — | — | — | 1.30 | — | — | — |
            | JSON console | `/fail-deep` | — | 400 | — | 450 | 1,100 | 500 | — | — | 1.12 | 2.75 | 0.90 | 1.25 |
            | Serilog (compact JSON) | `/fail` | — | 1,000 | 1,001 | — | — | — | 1.00 | — | — | — | — | — |

            Per failed request, medians of the rounds: bytes allocated by the server, and the share of each run it spent paused for garbage collection.

            | logging | endpoint | no handler | framework | ours | ours + storm | ours + summary | floor |
            | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
            | off | `/fail` | 901 B, 0.11% | 2,001 B, 0.31% | 1,501 B, 0.21% | — | — | — |
            | JSON console | `/fail-deep` | — | 20,000 B, 2.00% | — | 6,000 B, 0.90% | 1,200 B, 0.10% | 3,000 B, 0.40% |
            | Serilog (compact JSON) | `/fail` | — | 7 B, 0.01% | 7 B, 0.01% | — | — | — |

            An error-storm repeat beside the floor and the floor writing the event a repeat carries: requests/s and ratios, as above.

            | logging | endpoint | floor | floor + repeat's event | ours + storm | ours + summary | floor + repeat's event / floor | ours + storm / floor + repeat's event | ours + storm / floor | ours + summary / floor |
            | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            | JSON console | `/fail-deep` | 500 | 480 | 450 | 1,100 | 0.96 | 0.94 | 0.90 | 2.20 |

            """,
            markdown);
    }

    [Fact]
    public void Render_HalfwayFigures_RoundHalfToEven()
    {
        var csv = Header
            + "off,fail,framework,5,5,32,1234.5,1000,1300,1.000,,,,2500.5,0.125\n"
            + "off,fail,ours,5,5,32,1235.5,1000,1300,1.125,1.375,,,3501.5,0.375\n";

        var markdown = LoadTables.Render(LoadResultsCsv.Parse(csv, "summary.csv"));

        Assert.Contains("| off | `/fail` | — | 1,234 | 1,236 | — | — | — | 1.12 | 1.38 | — | — | — | — |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| off | `/fail` | — | 2,500 B, 0.12% | 3,502 B, 0.38% | — | — | — |\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlyTheSummarizedModeMeasured_KeepsTheRow()
    {
        var csv = Header + "serilog,fail-deep,ours-summary,5,5,32,1000,1000,1000,,,,,1,0.00\n";

        var markdown = LoadTables.Render(LoadResultsCsv.Parse(csv, "summary.csv"));

        Assert.Contains("| Serilog (compact JSON) | `/fail-deep` | — | — | — | — | 1,000 | — |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlyTheFloorMeasured_LeavesTheRowOut()
    {
        var csv = Header
            + "off,ok,ours,5,5,32,1000,1000,1000,,,,,1,0.00\n"
            + "json,ok,floor,5,5,32,1000,1000,1000,,,,,1,0.00\n";

        var markdown = LoadTables.Render(LoadResultsCsv.Parse(csv, "summary.csv"));

        Assert.Contains("| off | `/ok` |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| JSON console |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FloorRepeatNotMeasured_LeavesItsTableOut()
    {
        var csv = Header + "json,fail-deep,ours-storm,5,5,32,1000,1000,1000,,,,,1,0.00\n";

        var markdown = LoadTables.Render(LoadResultsCsv.Parse(csv, "summary.csv"));

        Assert.DoesNotContain("floor + repeat's event", markdown, StringComparison.Ordinal);
    }
}
