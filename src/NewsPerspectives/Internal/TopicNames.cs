namespace NewsPerspectives;

/// <summary>
/// Names a summary or an article may use for a topic's sides: demonyms and capitals folded onto their country
/// ("Chinese", "Beijing" → china) and Spanish "Estados Unidos" onto "united states", so the support check finds
/// "Chinese" in a source that says "China" and the framing analysis leaves a side's own names out. A small, fixed
/// list for the countries the seed topics compare; headline matching uses <see cref="HeadlineTerms"/> instead.
/// </summary>
internal static class TopicNames
{
    private static readonly Dictionary<string, string> Folds = Build();

    /// <summary>The term folded onto its country when it is a demonym or capital; otherwise the term itself.</summary>
    public static string Fold(string term) => Folds.TryGetValue(term, out var to) ? to : term;

    /// <summary>The folded <see cref="TextTerms"/> of a text, distinct, in first-seen order.</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var term in TextTerms.Enumerate(text))
        {
            var folded = Fold(term);
            if (seen.Add(folded))
            {
                result.Add(folded);
            }
        }

        return result;
    }

    /// <summary>The topic's own names (side ids, names and aliases, the topic name) as folded terms.</summary>
    public static HashSet<string> TopicTerms(TopicDefinition topic)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var side in topic.Sides)
        {
            foreach (var text in side.Aliases.Append(side.Name).Append(side.Id.Replace('-', ' ')))
            {
                terms.UnionWith(Terms(text));
            }
        }

        terms.UnionWith(Terms(topic.Name));
        return terms;
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string to, params string[] from)
        {
            foreach (var f in from)
            {
                map[f] = to;
            }
        }

        // After TextTerms: lower case, no diacritics, a plural "s" dropped ("estados" → "estado").
        // "EE.UU.", "EE UU", "EEUU", "EUA", "Estados Unidos": the United States.
        Add("united", "unido", "eeuu", "eua", "ee");
        Add("state", "estado", "uu");
        Add("venezuela", "venezolano", "venezolana", "venezuelan", "caracas");
        Add("china", "chinese", "chino", "beijing", "pekin");
        Add("japan", "japanese", "japon", "japones", "japonesa", "tokyo");
        Add("taiwan", "taiwanese", "taiwanes", "taipei");
        Add("pakistan", "pakistani", "islamabad");
        Add("india", "indian", "delhi");
        Add("colombia", "colombiano", "colombiana", "colombian", "bogota");
        Add("cuba", "cubano", "cubana", "cuban", "havana", "habana");
        Add("mexico", "mexicano", "mexicana", "mexican");
        Add("iran", "irani", "iranian", "tehran");
        Add("russia", "russian", "rusia", "ruso", "rusa", "moscow", "moscu");
        Add("korea", "korean", "seoul", "pyongyang");
        return map;
    }
}
