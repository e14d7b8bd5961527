namespace RunBack.Web.Common;

/// <summary>The names of the rate-limit policies features attach to their endpoints (defined in hosting).</summary>
public static class RateLimitPolicies
{
    public const string Save = "save";
    public const string Recovery = "recovery";
    public const string Export = "export";
    public const string Forget = "forget";
    public const string Api = "api";
}

/// <summary>Endpoint metadata: at most a few requests per client at a time (server-side PDF rendering).</summary>
public sealed class OneAtATimePerClient;
