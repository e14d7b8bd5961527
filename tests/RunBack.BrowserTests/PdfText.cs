using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RunBack.BrowserTests;

/// <summary>A word poppler found on a page, with its left and right edges in points.</summary>
internal sealed record PdfWord(int Page, double Left, double Right, double PageWidth, string Text);

/// <summary>A PDF's text as poppler's `pdftotext` reads it (poppler-utils; `.ci/test.sh` installs it).</summary>
internal static partial class PdfText
{
    [GeneratedRegex(@"Page \d+ of \d+\s*$")]
    private static partial Regex FooterPageNumber();

    [GeneratedRegex(@"<page width=""([\d.]+)""|<word xMin=""([\d.]+)"" yMin=""[\d.]+"" xMax=""([\d.]+)"" yMax=""[\d.]+"">([^<]*)</word>")]
    private static partial Regex BoxEntry();

    /// <summary>`pdftotext -layout`: one entry per page, its non-blank lines without Chromium's header and footer.</summary>
    public static async Task<IReadOnlyList<string[]>> PagesAsync(byte[] pdf)
    {
        var text = await RunAsync(pdf, "-layout");
        return [.. text.Split('\f').Where(p => p.Trim().Length > 0).Select(ContentLines)];
    }

    /// <summary>`pdftotext -bbox`: every word with where it sits, to find text pushed past the printable area.</summary>
    public static async Task<IReadOnlyList<PdfWord>> WordsAsync(byte[] pdf)
    {
        var xhtml = await RunAsync(pdf, "-bbox");
        var words = new List<PdfWord>();
        var (page, width) = (0, 0.0);
        foreach (Match m in BoxEntry().Matches(xhtml))
        {
            if (m.Groups[1].Success)
            {
                (page, width) = (page + 1, Number(m.Groups[1].Value));
                continue;
            }
            words.Add(new PdfWord(page, Number(m.Groups[2].Value), Number(m.Groups[3].Value), width, System.Net.WebUtility.HtmlDecode(m.Groups[4].Value)));
        }
        return words;
    }

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static string[] ContentLines(string page) =>
    [
        .. page.Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => l.Trim().Length > 0)
            .Where(l => !l.Contains("RunBack guidance summary · reference", StringComparison.Ordinal))
            .Where(l => !FooterPageNumber().IsMatch(l)),
    ];

    private static async Task<string> RunAsync(byte[] pdf, string mode)
    {
        var path = Path.Combine(Path.GetTempPath(), "runback-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", [mode, "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                throw new InvalidOperationException("pdftotext was not found. Install it with: sudo apt-get install -y poppler-utils");
            }
            using (process)
            {
                var text = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.Equal(0, process.ExitCode);
                return text;
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
