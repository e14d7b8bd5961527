using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using RunBack.Web.Common;
using RunBack.Web.Tests.Infrastructure;

namespace RunBack.Web.Tests.Security;

/// <summary>
/// Issue 24: the data-protection keys at rest, encrypted with a certificate (DataProtection:CertificatePath and
/// CertificatePassword), read back by the next start; a missing or unreadable certificate stops the app in one line.
/// The certificate is made by the test (self-signed, exported to a temporary .pfx).
/// </summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const string Password = "correct horse";
    private readonly string _folder = Directory.CreateTempSubdirectory("runback-cert-").FullName;

    private string Pfx(string name, string? password, bool withPrivateKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=RunBack test key encryption", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, withPrivateKey ? certificate.Export(X509ContentType.Pfx, password) : certificate.Export(X509ContentType.Cert));
        return path;
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Certificate_EncryptsTheKeysAtRest_AndTheNextStartReadsThem()
    {
        var pfx = Pfx("keys.pfx", Password);
        var keys = Path.Combine(_folder, "keys");
        string protectedText;
        await using (var first = new RunBackFactory())
        {
            first.Settings["DataProtection:KeysPath"] = keys;
            first.Settings["DataProtection:CertificatePath"] = pfx;
            first.Settings["DataProtection:CertificatePassword"] = Password;
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("kept across a restart");
            Assert.DoesNotContain(first.Logs.Events, e => e.RenderMessage().Contains("No XML encryptor configured", StringComparison.Ordinal));
        }

        var stored = string.Concat(Directory.GetFiles(keys, "*.xml").Select(File.ReadAllText));
        Assert.Contains("<encryptedSecret", stored, StringComparison.Ordinal);
        Assert.Contains("EncryptedData", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", stored, StringComparison.Ordinal); // no master key in the clear
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));

        await using var second = new RunBackFactory();
        second.Settings["DataProtection:KeysPath"] = keys;
        second.Settings["DataProtection:CertificatePath"] = pfx;
        second.Settings["DataProtection:CertificatePassword"] = Password;
        Assert.Equal("kept across a restart", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task WithoutACertificate_TheKeysAreStoredUnencrypted_AndTheLogSaysSo()
    {
        await using var factory = new RunBackFactory();
        factory.Settings["DataProtection:KeysPath"] = Path.Combine(_folder, "plain");
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");

        Assert.Contains(factory.Logs.Events, e => e.RenderMessage().Contains("No XML encryptor configured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("missing", "does not exist")]
    [InlineData("wrong-password", "cannot be read")]
    [InlineData("not-a-pfx", "cannot be read")]
    [InlineData("no-private-key", "cannot be read")]
    public void BadCertificate_StopsTheAppInOneLine(string kind, string message)
    {
        var (path, password) = kind switch
        {
            "missing" => (Path.Combine(_folder, "nowhere.pfx"), Password),
            "wrong-password" => (Pfx("keys.pfx", Password), "wrong"),
            "not-a-pfx" => (WriteText("keys.pfx", "not a certificate"), Password),
            _ => (Pfx("public.cer", null, withPrivateKey: false), Password),
        };
        using var factory = new RunBackFactory();
        factory.Settings["DataProtection:KeysPath"] = Path.Combine(_folder, "keys");
        factory.Settings["DataProtection:CertificatePath"] = path;
        factory.Settings["DataProtection:CertificatePassword"] = password;

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var line = StartupRefusedException.OneLine(ex);
        Assert.True(line is not null, ex.ToString());
        Assert.Contains("DataProtection:CertificatePath", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    private string WriteText(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
