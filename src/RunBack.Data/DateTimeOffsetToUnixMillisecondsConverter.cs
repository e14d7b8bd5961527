using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RunBack.Data;

/// <summary>SQLite cannot order DateTimeOffset text reliably; store UTC milliseconds instead.</summary>
internal sealed class DateTimeOffsetToUnixMillisecondsConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
