namespace RunBack.Core.Content;

/// <summary>Where a piece of content was read from, so an author can find it.</summary>
public sealed record SourceLocation(string File, int Line)
{
    public static readonly SourceLocation None = new("", 0);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}

/// <summary>One problem found in a content release.</summary>
public sealed record ContentProblem(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>A content release that cannot be served, with every problem found.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentProblem> problems)
        : base(FormatMessage(problems)) => Problems = problems;

    public ContentValidationException() : this([]) { }

    public ContentValidationException(string message) : base(message) => Problems = [];

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<ContentProblem> problems) =>
        problems.Count == 0
            ? "The content is not valid."
            : $"The content has {problems.Count} problem(s):{Environment.NewLine}" +
              string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
