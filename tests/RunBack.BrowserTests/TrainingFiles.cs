using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace RunBack.BrowserTests;

/// <summary>
/// Training files written for the training-import tests: GPX and TCX here, FIT with Garmin's own encoder
/// (TrainingFixtures/make-fit.mjs, run with Node), a Strava-shaped zip built from them. Times are wall-clock times in
/// <paramref name="zone"/> (the browser's time zone in the test), written as UTC instants the way watches write them.
/// </summary>
internal sealed class TrainingFiles(string directory, TimeZoneInfo zone)
{
    public const double StartLat = 51.47731;
    public const double StartLon = -0.12345;
    public const string Device = "Forerunner 965";

    private readonly List<object> _fits = [];

    public string Directory { get; } = System.IO.Directory.CreateDirectory(directory).FullName;

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The UTC instant of a local wall-clock time on <paramref name="day"/>.</summary>
    public DateTime Utc(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Unspecified), zone);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Great-circle distance in km on the mean earth radius (what the reader uses).</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double x) => x * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6371.0088 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// A track north from the start: <paramref name="points"/> points 10 s apart, with a 10-minute pause after the middle
    /// point in which the runner moved 1 km (not counted). Returns the points and the distance that counts.
    /// </summary>
    public static (List<(double Lat, double Lon, int Seconds)> Points, double Km) Track(int points, double stepDegrees, bool pause)
    {
        var list = new List<(double, double, int)>();
        double lat = StartLat, km = 0;
        var seconds = 0;
        for (var i = 0; i < points; i++)
        {
            if (i > 0)
            {
                var paused = pause && i == points / 2;
                var next = lat + (paused ? 0.009 : stepDegrees);
                seconds += paused ? 600 : 10;
                if (!paused)
                {
                    km += Km(lat, StartLon, next, StartLon);
                }
                lat = next;
            }
            list.Add((lat, StartLon, seconds));
        }
        return (list, km);
    }

    /// <summary>A GPX run (or other <paramref name="type"/>); returns the distance that counts.</summary>
    public double Gpx(string name, DateOnly day, int hour, int minute, string type = "running", int points = 201, bool times = true)
    {
        var (track, km) = Track(points, 0.00022, pause: true);
        var start = Utc(day, hour, minute);
        var gpx = new StringBuilder();
        gpx.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx creator=\"{Device}\" version=\"1.1\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n");
        if (times)
        {
            gpx.Append(CultureInfo.InvariantCulture, $" <metadata><time>{Iso(start)}</time></metadata>\n");
        }
        gpx.Append(CultureInfo.InvariantCulture, $" <trk><name>Morning run</name><type>{type}</type><trkseg>\n");
        foreach (var (lat, lon, seconds) in track)
        {
            gpx.Append(CultureInfo.InvariantCulture, $"  <trkpt lat=\"{lat:0.0000000}\" lon=\"{lon:0.0000000}\"><ele>12.4</ele>");
            if (times)
            {
                gpx.Append(CultureInfo.InvariantCulture, $"<time>{Iso(start.AddSeconds(seconds))}</time>");
            }
            gpx.Append("</trkpt>\n");
        }
        gpx.Append(" </trkseg></trk>\n</gpx>\n");
        File.WriteAllText(PathOf(name), gpx.ToString());
        return km;
    }

    /// <summary>A TCX activity whose lap says <paramref name="lapMetres"/> while its track is about 2 km: the lap counts.</summary>
    public void Tcx(string name, DateOnly day, int hour, int minute, double lapMetres, string sport = "Running")
    {
        var (track, _) = Track(81, 0.00022, pause: false);
        var start = Utc(day, hour, minute);
        var tcx = new StringBuilder();
        tcx.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n<Activities><Activity Sport=\"{sport}\"><Id>{Iso(start)}</Id>\n");
        tcx.Append(CultureInfo.InvariantCulture, $"<Lap StartTime=\"{Iso(start)}\"><TotalTimeSeconds>2400</TotalTimeSeconds><DistanceMeters>{lapMetres:0.0}</DistanceMeters><Track>\n");
        var metres = 0.0;
        var previous = track[0];
        foreach (var point in track)
        {
            metres += Km(previous.Lat, previous.Lon, point.Lat, point.Lon) * 1000;
            previous = point;
            tcx.Append(CultureInfo.InvariantCulture, $"<Trackpoint><Time>{Iso(start.AddSeconds(point.Seconds))}</Time><Position><LatitudeDegrees>{point.Lat:0.0000000}</LatitudeDegrees><LongitudeDegrees>{point.Lon:0.0000000}</LongitudeDegrees></Position><DistanceMeters>{metres:0.0}</DistanceMeters></Trackpoint>\n");
        }
        tcx.Append(CultureInfo.InvariantCulture, $"</Track></Lap><Creator><Name>{Device}</Name></Creator></Activity></Activities>\n</TrainingCenterDatabase>\n");
        File.WriteAllText(PathOf(name), tcx.ToString());
    }

    /// <summary>Queues a FIT file; <see cref="WriteFits"/> writes them all with one Node run.</summary>
    public void Fit(string name, DateOnly day, int hour, int minute, int seconds, double? metres, string sport = "running", string subSport = "generic", int points = 20, bool watchLike = false)
    {
        var track = Track(watchLike ? 1 : points, 0.00003, pause: false).Points;
        _fits.Add(new
        {
            path = PathOf(name),
            sport,
            subSport,
            start = Iso(Utc(day, hour, minute)),
            seconds,
            totalDistance = metres,
            productName = Device,
            watchLike,
            points = track.Select(p => new object[] { p.Lat, p.Lon, p.Seconds * seconds / Math.Max(1, track[^1].Seconds) }).ToList(),
        });
    }

    /// <summary>Runs TrainingFixtures/make-fit.mjs (Garmin's FIT SDK encoder) for the queued FIT files.</summary>
    public void WriteFits()
    {
        var tool = Path.Combine(RepoPaths.Root, "tests", "RunBack.BrowserTests", "TrainingFixtures");
        if (!System.IO.Directory.Exists(Path.Combine(tool, "node_modules", "@garmin", "fitsdk")))
        {
            throw new InvalidOperationException($"The FIT SDK is not installed: run `npm ci` in {tool} (.ci/test.sh does it).");
        }
        var spec = PathOf("fit-spec.json");
        File.WriteAllText(spec, JsonSerializer.Serialize(_fits));
        using var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(tool, "make-fit.mjs"), spec])
        {
            RedirectStandardError = true,
            WorkingDirectory = tool,
        })!;
        var error = node.StandardError.ReadToEnd();
        node.WaitForExit();
        File.Delete(spec);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException("make-fit.mjs failed: " + error);
        }
        _fits.Clear();
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }
        return output.ToArray();
    }

    /// <summary>A Strava-shaped export zip: the named files under activities/ (a .gz name is gzipped), and an optional CSV.</summary>
    public void Zip(string name, IEnumerable<(string EntryName, string File)> entries, string? activitiesCsv = null)
    {
        using var zip = ZipFile.Open(PathOf(name), ZipArchiveMode.Create);
        foreach (var (entryName, file) in entries)
        {
            var bytes = File.ReadAllBytes(PathOf(file));
            using var stream = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
            stream.Write(entryName.EndsWith(".gz", StringComparison.Ordinal) ? Gzip(bytes) : bytes);
        }
        if (activitiesCsv is not null)
        {
            using var writer = new StreamWriter(zip.CreateEntry("activities.csv").Open());
            writer.Write(activitiesCsv);
        }
    }

    /// <summary>A zip bomb: one entry of <paramref name="megabytes"/> MB of zeros (a few hundred KB packed).</summary>
    public void Bomb(string name, int megabytes)
    {
        using var zip = ZipFile.Open(PathOf(name), ZipArchiveMode.Create);
        using var stream = zip.CreateEntry("activities/bomb.gpx", CompressionLevel.Optimal).Open();
        var zeros = new byte[1024 * 1024];
        for (var i = 0; i < megabytes; i++)
        {
            stream.Write(zeros);
        }
    }

    /// <summary>Strava's activities.csv: "Activity Date" in UTC, "Distance" in km, then a second "Distance" in metres.</summary>
    public static string StravaCsv(IEnumerable<(DateTime Utc, string Type, double Km)> rows)
    {
        var csv = new StringBuilder("Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance\n");
        var id = 1000;
        foreach (var (utc, type, km) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{id++},\"{utc.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture)}\",Evening {type},{type},,1800,\"{km:0.00}\",,,false,,,,,,1800,1750,{km * 1000:0.0}\n");
        }
        return csv.ToString();
    }

    /// <summary>Garmin Connect's Activities.csv: "Date" in local time, "Distance" in the account's unit.</summary>
    public static string GarminCsv(IEnumerable<(DateOnly Day, string Type, double Distance)> rows)
    {
        var csv = new StringBuilder("Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR\n");
        foreach (var (day, type, distance) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{type},{day:yyyy-MM-dd} 18:15:00,false,\"Town {type}\",{distance:0.00},\"1,024\",00:30:00,140\n");
        }
        return csv.ToString();
    }
}
