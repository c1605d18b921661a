using System.Globalization;

internal sealed class Arguments
{
    public Arguments(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--notebooks": NotebooksFolder = Value(args, ++i); break;
                case "--cells": CellsPerBlock = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture); break;
                case "--blocks": Blocks = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture); break;
                case "--cold": ColdRuns = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture); break;
                case "--skip-series": SkipSeries = true; break;
                case "--skip-nbclient": SkipNbclient = true; break;
                case "--skip-single": SkipSingle = true; break;
                case "--series-repeats": SeriesRepeats = int.Parse(Value(args, ++i), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]} (expected --notebooks DIR, --cells N, --blocks N, --cold N, --skip-series, --skip-nbclient, --skip-single, --series-repeats N)");
            }
        }
    }

    public string NotebooksFolder { get; } = Path.Combine(RepositoryRoot, "notebooks");
    public int CellsPerBlock { get; } = 50;
    public int Blocks { get; } = 4;
    public int ColdRuns { get; } = 5;
    public bool SkipSeries { get; }
    public bool SkipNbclient { get; }
    public bool SkipSingle { get; }
    public int SeriesRepeats { get; } = 1;

    public static string RepositoryRoot { get; } = FindRoot();

    private static string Value(string[] args, int i) => i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Notebooks.sln"))) return folder.FullName;
        throw new InvalidOperationException("Notebooks.sln not found above the benchmark");
    }
}
