namespace RunBack.Web.Hosting;

/// <summary>Where the data-protection keys (antiforgery, protected session storage, encrypted cookies) are kept.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";
    public const string FileSystem = "FileSystem";
    public const string Database = "Database";

    /// <summary>
    /// <c>FileSystem</c> (one instance) or <c>Database</c> (every instance reads the same keys). Unset: <c>Database</c>
    /// on PostgreSQL (instances share it: keys in one instance's folder would make another's tokens, session storage and
    /// cookies unreadable after a restart), <c>FileSystem</c> on SQLite. An explicit value always wins.
    /// </summary>
    public string? Store { get; set; }

    public string StoreFor(bool postgres) => string.IsNullOrWhiteSpace(Store) ? (postgres ? Database : FileSystem) : Store;

    /// <summary>The keys folder, relative to the app's content root. Empty: <c>keys/</c> beside the SQLite database.</summary>
    public string? KeysPath { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) file with a certificate and its private key, relative to the content root: the keys are then
    /// stored encrypted with it. Empty: stored unencrypted (protected only by the folder's 0700 mode or the database).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/> (empty for none).</summary>
    public string? CertificatePassword { get; set; }
}
