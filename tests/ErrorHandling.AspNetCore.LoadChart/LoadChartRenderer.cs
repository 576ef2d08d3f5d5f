using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>
/// Draws the load summary as grouped bars: one panel per endpoint measured, one group per logging set-up, one bar per
/// server mode (the framework's handler beside ours), each with its median, its min–max whisker and its value.
/// </summary>
internal static class LoadChartRenderer
{
    private const int Width = 1000;
    private const int HeaderHeight = 122;
    private const int PanelHeight = 440;
    private const int LegendHeight = 120;

    // Groups sit this far apart on the x axis; a group's bars are one unit wide each, so the gap is 7 - 6.
    private const double GroupPitch = 7;

    // Fewer rounds than this give no median worth the name: such a chart says it is a smoke run.
    private const int MeasuredRounds = 3;

    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"];

    private static readonly (string Key, string Label)[] Loggings =
    [
        ("off", "logging off"),
        ("json", "JSON console (AddJsonConsole)"),
        ("serilog", "Serilog (CompactJsonFormatter)"),
    ];

    private static readonly (string Key, string Legend, Color Color)[] Modes =
    [
        ("none", "no handler", Color.FromHex("#9E9E9E")),
        ("framework", "UseExceptionHandler() + AddProblemDetails()", Color.FromHex("#E08214")),
        ("ours", "UseGlobalErrorHandler()", Color.FromHex("#2166AC")),
        ("ours-storm", "UseGlobalErrorHandler() + ErrorStormWindow", Color.FromHex("#67A9CF")),
        ("ours-summary", "UseGlobalErrorHandler() + ErrorStormEventsPerWindow = 1", Color.FromHex("#1B7837")),
        ("floor", "floor: a constant event without properties, a fixed body", Color.FromHex("#D9D9D9")),
        ("floor-repeat", "floor writing an error-storm repeat's event", Color.FromHex("#A6A6A6")),
    ];

    private static readonly (string Key, string Title)[] Endpoints =
    [
        ("fail-deep", "GET /fail-deep: the endpoint throws at the end of a twelve-layer async chain (18 frames)"),
        ("fail", "GET /fail: the endpoint throws four synchronous frames deep"),
        ("ok", "GET /ok: the endpoint succeeds"),
    ];

    /// <summary>Renders the chart and writes it to <paramref name="path"/> as a PNG.</summary>
    public static void SavePng(IReadOnlyList<LoadResult> results, string path)
    {
        var fontName = ChooseFont();
        var panels = Endpoints
            .Where(endpoint => results.Any(r => r.Endpoint == endpoint.Key))
            .Select(endpoint => CreatePanel(results, endpoint, fontName))
            .ToArray();
        if (panels.Length == 0)
        {
            throw new FormatException("the results have no rows to draw.");
        }

        // The same margins in every panel line their plot areas up; the bottom one also holds the legend.
        var bottom = panels[^1];
        foreach (var panel in panels)
        {
            panel.Layout.Fixed(new PixelPadding(left: 80, right: 20, bottom: panel == bottom ? 80 + LegendHeight : 80, top: 36));
        }

        var legend = bottom.ShowLegend(Edge.Bottom);
        legend.Legend.FontName = fontName;
        legend.Legend.FontSize = 13;
        foreach (var (_, label, color) in Modes.Where(mode => results.Any(r => r.Mode == mode.Key)))
        {
            bottom.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = color });
        }

        var multiplot = new Multiplot(panels[0])
        {
            Layout = new ScottPlot.MultiplotLayouts.Rows(),
        };
        foreach (var panel in panels.Skip(1))
        {
            multiplot.AddPlot(panel);
        }

        var height = HeaderHeight + (panels.Length * PanelHeight) + LegendHeight;

        using var surface = SKSurface.Create(new SKImageInfo(Width, height))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        surface.Canvas.Clear(SKColors.White);
        DrawHeader(surface.Canvas, results, fontName);
        // Multiplot draws from the canvas origin and clears what it draws on, so the header is kept out of its reach.
        surface.Canvas.Save();
        surface.Canvas.ClipRect(new SKRect(0, HeaderHeight, Width, height));
        surface.Canvas.Translate(0, HeaderHeight);
        multiplot.Render(surface.Canvas, new PixelRect(0, Width, height - HeaderHeight, 0));
        surface.Canvas.Restore();

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        png.SaveTo(file);
    }

    private static string ChooseFont()
    {
        // The Linux build of SkiaSharp that ScottPlot brings (NativeAssets.Linux.NoDependencies) reads fonts from
        // /usr/share/fonts without fontconfig; with none there it draws no text at all, which must not pass silently.
        var fonts = SKFontManager.Default;
        if (fonts.FontFamilyCount == 0)
        {
            throw new InvalidOperationException(
                "no fonts are installed, so the chart would have no text (on Debian: apt-get install fonts-dejavu-core).");
        }

        foreach (var name in PreferredFonts)
        {
            using var typeface = fonts.MatchFamily(name);
            if (typeface is not null)
            {
                return name;
            }
        }

        return fonts.GetFamilyName(0);
    }

    private static Plot CreatePanel(IReadOnlyList<LoadResult> results, (string Key, string Title) endpoint, string fontName)
    {
        var plot = new Plot();
        plot.Font.Set(fontName);
        plot.Title(endpoint.Title, 16);
        plot.YLabel("requests/s (median)", 14);
        plot.Axes.Left.TickLabelStyle.FontSize = 12;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = static value => value.ToString("#,0", CultureInfo.InvariantCulture),
        };
        plot.Grid.XAxisStyle.IsVisible = false;

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var highest = 0.0;
        var groups = 0;
        foreach (var (logging, label) in Loggings)
        {
            var row = results
                .Where(r => r.Endpoint == endpoint.Key && r.Logging == logging)
                .ToDictionary(static r => r.Mode, StringComparer.Ordinal);
            var present = Modes.Where(m => row.ContainsKey(m.Key)).ToArray();
            if (present.Length == 0)
            {
                continue;
            }

            var center = groups * GroupPitch;
            groups++;
            for (var i = 0; i < present.Length; i++)
            {
                var result = row[present[i].Key];
                var x = center + i - ((present.Length - 1) / 2.0);
                AddBar(plot, x, result, present[i].Color, fontName);
                highest = Math.Max(highest, result.MaxRequestsPerSecond);
            }

            ticks.AddMajor(center, GroupLabel(label, row));
        }

        if (groups == 0)
        {
            throw new FormatException($"the results have no rows for /{endpoint.Key}.");
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimits(-GroupPitch / 2, ((groups - 1) * GroupPitch) + (GroupPitch / 2), 0, highest * 1.15);
        return plot;
    }

    private static void AddBar(Plot plot, double x, LoadResult result, Color color, string fontName)
    {
        var bars = plot.Add.Bars(new[] { new Bar { Position = x, Value = result.MedianRequestsPerSecond, FillColor = color, Size = 0.85 } });
        bars.Color = color;

        var top = result.MedianRequestsPerSecond;
        if (result.MaxRequestsPerSecond > result.MinRequestsPerSecond)
        {
            var whisker = plot.Add.Line(x, result.MinRequestsPerSecond, x, result.MaxRequestsPerSecond);
            whisker.LineColor = Colors.Black;
            whisker.LineWidth = 1.5f;
            whisker.MarkerSize = 0;
            top = Math.Max(top, result.MaxRequestsPerSecond);
        }

        var value = plot.Add.Text(Thousands(result.MedianRequestsPerSecond), x, top);
        value.LabelFontName = fontName;
        value.LabelFontSize = 12;
        value.LabelAlignment = Alignment.LowerCenter;
        value.OffsetY = -3;
    }

    private static string GroupLabel(string label, Dictionary<string, LoadResult> row)
    {
        var lines = new List<string> { label };
        // F2 rounds the exact binary value, as the tables (LoadTables) do; a custom "0.00" format rounds
        // a 15-digit decimal first and could print 1.00 where the table says 0.99.
        if (row.TryGetValue("ours", out var ours) && ours.RatioToFramework is { } oursRatio)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"ours ÷ framework {oursRatio:F2}×"));
        }

        if (row.TryGetValue("ours-storm", out var storm) && storm.RatioToFramework is { } stormRatio)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"storm ÷ framework {stormRatio:F2}×"));
        }

        if (row.TryGetValue("ours-summary", out var summary) && summary.RatioToFramework is { } summaryRatio)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"summary ÷ framework {summaryRatio:F2}×"));
        }

        return string.Join('\n', lines);
    }

    private static void DrawHeader(SKCanvas canvas, IReadOnlyList<LoadResult> results, string fontName)
    {
        var (rounds, duration, connections) = LoadRunSetup.Of(results);

        using var bold = SKTypeface.FromFamilyName(fontName, SKFontStyle.Bold);
        using var regular = SKTypeface.FromFamilyName(fontName, SKFontStyle.Normal);
        using var titleFont = new SKFont(bold, 20);
        using var textFont = new SKFont(regular, 14);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var warning = new SKPaint { Color = new SKColor(0xC6, 0x28, 0x28), IsAntialias = true };

        var center = Width / 2f;
        canvas.DrawText("Requests/s: ErrorHandling.AspNetCore beside the framework's exception handler", center, 30, SKTextAlign.Center, titleFont, ink);
        canvas.DrawText(
            string.Create(CultureInfo.InvariantCulture, $"Kestrel on 127.0.0.1 pinned to one core, wrk -t1 -c{connections} pinned to the other, one server at a time"),
            center, 56, SKTextAlign.Center, textFont, ink);
        canvas.DrawText(
            string.Create(CultureInfo.InvariantCulture, $"bars: median of {rounds} round{(rounds == 1 ? "" : "s")} of {duration:0.#} s; whiskers: slowest to fastest round; ratios: medians of the per-round ratios; higher is better"),
            center, 76, SKTextAlign.Center, textFont, ink);
        if (rounds < MeasuredRounds)
        {
            canvas.DrawText("SMOKE RUN: too few rounds to be a measurement; regenerate with scripts/load.sh", center, 100, SKTextAlign.Center, textFont, warning);
        }
    }

    private static string Thousands(double requestsPerSecond) =>
        requestsPerSecond >= 10_000
            ? string.Create(CultureInfo.InvariantCulture, $"{requestsPerSecond / 1000:0.0}k")
            : requestsPerSecond.ToString("#,0", CultureInfo.InvariantCulture);
}
