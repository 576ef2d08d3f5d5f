using System.Globalization;

namespace ErrorHandling.AspNetCore.LoadChart;

/// <summary>
/// A comma-separated file as scripts/load.sh writes them: a header row naming the columns, then rows of plain
/// fields (no quoting). Columns are found by their header names, so their order may change.
/// </summary>
internal sealed class CsvTable
{
    private readonly string _source;
    private readonly Dictionary<string, int> _columns;
    private readonly string[][] _rows;
    private readonly int[] _lineNumbers;

    private CsvTable(string source, Dictionary<string, int> columns, string[][] rows, int[] lineNumbers)
    {
        _source = source;
        _columns = columns;
        _rows = rows;
        _lineNumbers = lineNumbers;
    }

    /// <summary>Gets the number of rows below the header.</summary>
    public int Count => _rows.Length;

    /// <summary>
    /// Parses <paramref name="text"/>; <paramref name="source"/> names it in error messages. Fails unless the header
    /// has every one of <paramref name="requiredColumns"/> and there is at least one row.
    /// </summary>
    public static CsvTable Parse(string text, string source, IReadOnlyList<string> requiredColumns)
    {
        var lines = text.Split('\n')
            .Select(static (line, index) => (Text: line.TrimEnd('\r'), Number: index + 1))
            .Where(static line => line.Text.Length > 0)
            .ToArray();
        if (lines.Length < 2)
        {
            throw new FormatException($"{source} has no rows below its header.");
        }

        var header = lines[0].Text.Split(',');
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in requiredColumns)
        {
            var at = Array.IndexOf(header, column);
            if (at < 0)
            {
                throw new FormatException($"{source} has no column '{column}'.");
            }

            columns[column] = at;
        }

        var rows = new string[lines.Length - 1][];
        var lineNumbers = new int[lines.Length - 1];
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Text.Split(',');
            if (fields.Length != header.Length)
            {
                throw new FormatException($"{source}, line {lines[i].Number}: {fields.Length} fields, the header has {header.Length}.");
            }

            rows[i - 1] = fields;
            lineNumbers[i - 1] = lines[i].Number;
        }

        return new CsvTable(source, columns, rows, lineNumbers);
    }

    /// <summary>Gets the field of <paramref name="column"/> in row <paramref name="row"/> as written.</summary>
    public string Text(int row, string column) => _rows[row][_columns[column]];

    /// <summary>Gets the field as a number; fails, naming the line and column, when it is not one.</summary>
    public double Number(int row, string column)
    {
        var text = Text(row, column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Error(row, $"{column} is '{text}', not a number.");
    }

    /// <summary>Gets the field as a number, or <see langword="null"/> when it is empty.</summary>
    public double? OptionalNumber(int row, string column) => Text(row, column).Length == 0 ? null : Number(row, column);

    /// <summary>Gets the field as a whole number; fails, naming the line and column, when it is not one.</summary>
    public int WholeNumber(int row, string column)
    {
        var text = Text(row, column);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(row, $"{column} is '{text}', not a whole number.");
    }

    /// <summary>Creates the error for a bad row, naming the file and the line.</summary>
    public FormatException Error(int row, string problem) => new($"{_source}, line {_lineNumbers[row]}: {problem}");
}
