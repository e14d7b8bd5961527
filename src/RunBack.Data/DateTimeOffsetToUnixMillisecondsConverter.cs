using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RunBack.Data;

/// <summary>SQLite cannot order DateTimeOffset text reliably; store UTC milliseconds instead. Public: the SQLite compiled model names it.</summary>
public sealed class DateTimeOffsetToUnixMillisecondsConverter()
    : ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
