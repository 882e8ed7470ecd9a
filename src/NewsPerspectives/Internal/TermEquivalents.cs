namespace NewsPerspectives;

/// <summary>
/// Folds equivalent terms onto one, after <see cref="TextTerms"/>: common Spanish news words onto their English
/// counterparts (so "EE.UU. levanta sanciones al Banco Central" meets "US lifts sanctions on the central bank"),
/// and demonyms onto country names. A small, fixed list: it helps same-event matching across the languages the
/// seed topics use; it is not a translator.
/// </summary>
internal static class TermEquivalents
{
    private static readonly Dictionary<string, string> Map = Build();

    /// <summary>The folded terms of a text, distinct, in first-seen order (terms folded to nothing are dropped).</summary>
    public static IReadOnlyList<string> Terms(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var term in TextTerms.Enumerate(text))
        {
            var folded = Map.TryGetValue(term, out var to) ? to : term;
            if (folded.Length > 0 && seen.Add(folded))
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

        // "United States" in Spanish is a stop word like English "US".
        Add("", "ee", "uu", "eeuu", "eua", "estado", "unido");
        Add("sanction", "sancion", "sancione", "sancionado", "sancionada");
        Add("lift", "levanta", "levantar", "levanto", "levantara", "levantan", "levantamiento", "lifted", "lifting");
        Add("ease", "alivia", "aliviar", "alivio", "flexibiliza", "flexibilizar", "eased", "easing");
        Add("bank", "banco", "banca", "bancario", "bancaria");
        Add("tanker", "petrolero", "buque", "buquetanque", "tanquero");
        Add("oil", "petroleo", "crudo");
        Add("intercept", "intercepta", "interceptar", "intercepto", "intercepted");
        Add("board", "aborda", "abordar", "abordo", "boarded", "boarding");
        Add("seize", "incauta", "incautar", "incauto", "decomisa", "seized", "seizure", "seizing");
        Add("boat", "lancha", "embarcacion", "narcolancha");
        Add("strike", "ataque", "bombardeo", "struck", "attack", "attacked");
        Add("military", "militar", "militare", "ejercito");
        Add("president", "presidente", "presidenta");
        Add("minister", "ministro", "ministra");
        Add("election", "eleccion", "eleccione", "electoral");
        Add("talk", "conversacion", "conversacione", "dialogo", "negociacion", "negociacione");
        Add("meeting", "reunion", "cumbre", "summit");
        Add("visit", "visita", "visitar", "visito");
        Add("capture", "captura", "capturado", "detencion", "detenido", "arresto", "captured", "arrest", "arrested");
        Add("prison", "carcel", "prision", "jail");
        Add("release", "libera", "liberar", "liberacion", "excarcelacion", "freed", "free");
        Add("threat", "amenaza", "amenazas", "threaten", "threatens", "threatened");
        Add("reject", "rechaza", "rechazo", "rejects", "rejected");
        Add("oppose", "opposition", "oposicion", "opositor", "opositora");
        Add("government", "gobierno");
        Add("foreign", "exterior", "exteriore", "canciller", "cancilleria");
        Add("deal", "acuerdo", "agreement");
        Add("trade", "comercio", "comercial", "arancel", "tariff");
        Add("gold", "oro");
        Add("drug", "droga", "narcotrafico", "narcotraficante");
        Add("embassy", "embajada");
        Add("war", "guerra");
        Add("investment", "inversion", "inversione", "invest");
        // Demonyms onto countries.
        Add("venezuela", "venezolano", "venezolana", "venezuelan");
        Add("china", "chinese", "chino", "china", "beijing", "pekin");
        Add("japan", "japanese", "japon", "japones", "japonesa", "tokyo");
        Add("taiwan", "taiwanese", "taiwanes", "taipei");
        Add("pakistan", "pakistani", "pak", "islamabad");
        Add("india", "indian", "delhi");
        Add("colombia", "colombiano", "colombiana", "colombian");
        Add("cuba", "cubano", "cubana", "cuban");
        Add("mexico", "mexicano", "mexicana", "mexican");
        Add("iran", "irani", "iranian");
        return map;
    }
}
