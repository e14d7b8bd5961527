namespace RunBack.Web.Common;

/// <summary>The output-cache policy names pages opt into (defined in hosting, OutputCacheHosting).</summary>
public static class CachePolicies
{
    /// <summary>A page that is the same for every runner within a content release and an edition (home, About, articles).</summary>
    public const string ContentPages = "content-pages";
}
