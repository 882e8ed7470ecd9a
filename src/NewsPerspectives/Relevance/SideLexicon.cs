namespace NewsPerspectives;

/// <summary>
/// The built-in knowledge behind relevance defaults: for common side names (countries), the names, demonyms,
/// capitals, leaders and institutions that signal the side, in English, Spanish and the side's own script; the
/// countries whose outlets speak for it; keywords that tie two known sides together (disputed places, the
/// instruments of their conflict); words of bilateral politics; and other countries, whose presence means a story
/// is about someone else.
/// </summary>
/// <remarks>
/// Small on purpose: a topic's own <c>aliases</c> and <c>keywords</c> extend it, and topics about other sides
/// work from their names and aliases alone. Terms follow <see cref="Term"/>'s syntax (<c>*</c> for any ending;
/// short all-capital terms match only in capitals; <c>es:</c> limits a term to Spanish text).
/// </remarks>
internal static class SideLexicon
{
    internal sealed record Entry(string Id, string[] Keys, string[] Countries, string[] Terms);

    public static readonly Entry[] Entries =
    [
        new("china", ["china", "chinese", "prc", "people's republic of china", "mainland china", "中国", "zhongguo"], ["CN", "HK", "MO"],
            ["China", "Chinese", "Beijing", "PRC", "Xi", "Xi Jinping", "CCP", "CPC", "PLA", "Wang Yi", "Li Qiang", "Sino*", "mainland",
             "chino*", "china*", "Pekín", "中国", "中方", "中國", "北京", "习近平", "中共", "解放军"]),
        new("japan", ["japan", "japanese", "nippon", "japon", "日本"], ["JP"],
            ["Japan", "Japanese", "Tokyo", "Takaichi", "Ishiba", "Kishida", "SDF", "GSDF", "MSDF", "ASDF", "Japón", "japones*",
             "日本", "日方", "東京", "东京", "高市"]),
        new("taiwan", ["taiwan", "taiwanese", "roc", "republic of china", "taiwan (roc)", "台湾", "台灣"], ["TW"],
            ["Taiwan", "Taiwanese", "Taipei", "ROC", "Lai Ching-te", "President Lai", "Tsai Ing-wen", "DPP", "KMT", "Kuomintang",
             "Mainland Affairs Council", "MAC", "Legislative Yuan", "NSB", "Taiwán", "taiwanes*", "台湾", "台灣", "台北", "赖清德", "賴清德"]),
        new("india", ["india", "indian", "bharat", "भारत"], ["IN"],
            ["India", "Indian*", "New Delhi", "Delhi", "Modi", "Jaishankar", "Rajnath", "RAW", "IAF", "BJP", "भारत", "印度"]),
        new("pakistan", ["pakistan", "pakistani", "پاکستان"], ["PK"],
            ["Pakistan", "Pakistani*", "Islamabad", "Rawalpindi", "Shehbaz", "Sharif", "Munir", "Ishaq Dar", "ISI", "ISPR", "Imran Khan",
             "Zardari", "Bilawal", "پاکستان", "巴基斯坦"]),
        new("us", ["united states", "us", "usa", "u.s.", "america", "american", "united states of america", "estados unidos", "ee.uu.", "eeuu", "美国"], ["US"],
            ["US", "USA", "United States", "America", "American*", "Washington", "White House", "Pentagon", "Trump", "Rubio", "Hegseth",
             "Vance", "Bessent", "State Department", "OFAC", "CENTCOM", "SOUTHCOM", "Southern Command", "Estados Unidos", "EEUU",
             "estadounidense*", "norteamerican*", "Casa Blanca", "Pentágono", "es:EU", "美国", "美方", "华盛顿", "特朗普", "白宫", "米国", "アメリカ"]),
        new("venezuela", ["venezuela", "venezuelan", "venezolano", "venezolana"], ["VE"],
            ["Venezuela", "Venezuelan*", "Caracas", "Maduro", "Delcy", "Machado", "Cabello", "PDVSA", "chavista*", "chavismo",
             "venezolan*", "委内瑞拉"]),
    ];

    /// <summary>Keywords that tie two known sides together; each pair is keyed by the two entry ids in ordinal order.</summary>
    public static readonly Dictionary<(string, string), string[]> PairKeywords = new()
    {
        [("china", "japan")] = ["Senkaku", "Diaoyu", "East China Sea"],
        [("china", "taiwan")] = ["Taiwan Strait", "cross-Strait", "reunification", "两岸", "兩岸"],
        [("india", "pakistan")] = ["Kashmir", "LoC", "Line of Control", "Pahalgam", "Indus Waters", "Sindoor", "Wagah", "Kartarpur"],
        [("us", "venezuela")] = ["Caribbean", "Caribe", "drug boat*", "narcolancha*", "sanction*", "sancion*"],
    };

    /// <summary>Words of bilateral politics: with one side named and the other implied by the outlet, they make the story about both.</summary>
    public static readonly string[] RelationCues =
    [
        "tension*", "row", "ties", "relation*", "dispute*", "talk*", "summit", "sanction*", "warn*", "urge*", "slam*", "rebuke*",
        "condemn*", "protest*", "accus*", "criticiz*", "criticis*", "threat*", "pressure*", "militar*", "missile*", "army", "navy",
        "troops", "drill*", "defen*", "security", "embassy", "diplomat*", "envoy", "FM", "ministry", "minister", "spokes*", "stance",
        "remark*", "claim*", "ban*", "block*", "curb*", "retaliat*", "boycott*", "espionage", "spy*", "infiltrat*", "manipulation",
        "disinformation", "propaganda", "separatis*", "independence", "aggress*", "hostil*", "provocat*", "strike*", "attack*", "war",
        "conflict", "coerc*", "bully*", "invasion", "invade*", "sovereignty", "territor*", "border", "export control*", "tariff*",
        "trade", "travel", "tourist*", "visit*", "imperialis*", "hegemon*", "strateg*", "rare earth*",
        "amenaza*", "sancion*", "tensión", "ataque*", "despliegue", "buques", "gobierno", "embajada", "diálogo", "negociac*", "acuerdo",
    ];

    /// <summary>Other countries, regions and their leaders: a story naming them is usually about them, so the outlet's country does not stand in for a side.</summary>
    public static readonly string[] ThirdParties =
    [
        "Iran*", "Israel*", "Russia*", "Ukrain*", "Korea*", "Seoul", "Pyongyang", "Afghan*", "Bangladesh*", "Nepal*", "Sri Lanka*",
        "Philippine*", "Vietnam*", "Indonesia*", "Malaysia*", "Singapore*", "Thai*", "Myanmar", "Australia*", "Britain", "British", "UK",
        "France", "French", "Germany", "German", "Italy", "Italian", "Europe*", "EU", "NATO", "Brazil*", "Argentin*", "Colombia*", "Cuba*",
        "Mexic*", "Saudi*", "UAE", "Qatar*", "Turk*", "Syria*", "Lebanon", "Lebanese", "Gaza", "Palestin*", "Canada", "Canadian",
        "Africa*", "Tanzania*", "Hormuz", "Middle East", "Kremlin", "Putin", "Macron", "Starmer", "Greenland", "Abu Dhabi", "Munich", "Asia*", "DPRK",
    ];

    /// <summary>Finds the entry for a side by its id, name or aliases (case- and accent-insensitive).</summary>
    public static Entry? Find(SideDefinition side)
    {
        ArgumentNullException.ThrowIfNull(side);
        foreach (var name in side.Aliases.Prepend(side.Name).Prepend(side.Id))
        {
            var key = TextForMatching.Fold(name.Trim());
            if (Entries.FirstOrDefault(e => e.Keys.Contains(key, StringComparer.Ordinal)) is { } entry)
            {
                return entry;
            }
        }

        return null;
    }
}
