namespace NewsPerspectives;

/// <summary>
/// The built-in knowledge of who a side is. A side whose id, name or alias is a country of <see cref="Countries"/>
/// ("China", "Venezuelan", "United States") gets that country's names, demonyms and native names
/// (<see cref="SideTerms.Names"/>), its capital and the leaders and institutions of its state
/// (<see cref="SideTerms.State"/>), and its other places (<see cref="SideTerms.Places"/>); for the countries of the
/// replaced system's topics the entries below add leaders, institutions and extra names. Keywords that tie two
/// known sides together (disputed places, named operations) are in <see cref="PairKeywords"/>.
/// </summary>
/// <remarks>
/// General knowledge, not taken from any labelled headline. A topic's own <c>aliases</c> and <c>keywords</c>
/// extend it, and topics about other sides work from their names and aliases alone. Terms follow <see cref="Term"/>'s
/// syntax (<c>*</c> for any ending; short all-capital terms match only in capitals; <c>es:</c> limits a term to
/// Spanish text).
/// </remarks>
internal static class SideLexicon
{
    /// <summary>Extra names and the leaders and institutions of a country's state.</summary>
    internal sealed record Entry(string Code, string[] Keys, string[] Countries, string[] ExtraNames, string[] State)
    {
        /// <summary>
        /// Countries or territories the side's state claims as its own: in a topic where they are not a side, naming them
        /// does not make a story someone else's (China claims Taiwan: "Takaichi's Taiwan remarks" is about China).
        /// </summary>
        public string[] Claims { get; init; } = [];
    }

    /// <summary>The terms of one side, by how they name it, and the countries it claims (<see cref="Entry.Claims"/>).</summary>
    internal sealed record SideTerms(string[] Countries, string[] Names, string[] State, string[] Places, string[] Claims);

    public static readonly Entry[] Entries =
    [
        new("CN", ["china", "chinese", "prc", "people's republic of china", "mainland china", "中国", "zhongguo"], ["CN", "HK", "MO"],
            ["Sino*", "mainland", "中方", "中國"],
            ["Xi", "Xi Jinping", "CCP", "CPC", "PLA", "Wang Yi", "Li Qiang", "Mao Ning", "Lin Jian", "Guo Jiakun", "Zhongnanhai",
             "State Council", "Taiwan Affairs Office", "MOFCOM", "习近平", "中共", "解放军", "外交部"]) { Claims = ["TW"] },
        new("JP", ["japan", "japanese", "nippon", "japon", "日本"], ["JP"],
            ["日方"],
            ["Takaichi", "Ishiba", "Kishida", "Motegi", "SDF", "GSDF", "MSDF", "ASDF", "Self-Defense Forces", "LDP", "Kantei", "東京",
             "东京", "高市"]),
        new("TW", ["taiwan", "taiwanese", "roc", "republic of china", "taiwan (roc)", "台湾", "台灣"], ["TW"],
            [],
            ["Lai Ching-te", "President Lai", "Tsai Ing-wen", "DPP", "KMT", "Kuomintang", "Mainland Affairs Council", "MAC",
             "Legislative Yuan", "Executive Yuan", "NSB", "Cho Jung-tai", "Lin Chia-lung", "Cheng Li-wun", "台北", "赖清德", "賴清德"]),
        new("IN", ["india", "indian", "bharat", "भारत"], ["IN"],
            ["印度"],
            ["Modi", "Jaishankar", "Rajnath", "Doval", "RAW", "IAF", "BJP", "Indian Army", "Indian Navy", "MEA"]),
        new("PK", ["pakistan", "pakistani", "پاکستان"], ["PK"],
            ["巴基斯坦"],
            ["Shehbaz", "Sharif", "Munir", "Ishaq Dar", "ISI", "ISPR", "Imran Khan", "Zardari", "Bilawal", "Khawaja Asif", "Pakistan Army"]),
        new("US", ["united states", "us", "usa", "u.s.", "america", "american", "united states of america", "estados unidos", "ee.uu.", "eeuu", "美国"], ["US"],
            ["es:EU", "美国", "米国", "アメリカ"],
            ["White House", "Pentagon", "Trump", "Rubio", "Hegseth", "Vance", "Bessent", "Lutnick", "USTR", "State Department", "OFAC",
             "CENTCOM", "SOUTHCOM", "Southern Command", "Congress", "Senate", "Casa Blanca", "Pentágono", "美方", "华盛顿", "特朗普", "白宫"]),
        new("VE", ["venezuela", "venezuelan", "venezolano", "venezolana"], ["VE"],
            ["委内瑞拉"],
            ["Maduro", "Delcy", "Machado", "Cabello", "Padrino", "Edmundo González", "PDVSA", "FANB", "Miraflores", "chavista*", "chavismo"]),
    ];

    /// <summary>Keywords that tie two known sides together; each pair is keyed by the two country codes in ordinal order.</summary>
    public static readonly Dictionary<(string, string), string[]> PairKeywords = new()
    {
        [("CN", "JP")] = ["Senkaku", "Diaoyu", "East China Sea"],
        [("CN", "TW")] = ["Taiwan Strait", "cross-Strait", "reunification", "两岸", "兩岸"],
        [("IN", "PK")] = ["Kashmir", "LoC", "Line of Control", "Pahalgam", "Indus Waters", "Sindoor", "Wagah", "Kartarpur"],
        [("US", "VE")] = ["Caribbean", "Caribe", "drug boat*", "narcolancha*"],
    };

    /// <summary>The terms of a side: its own name and aliases, and, when it is a known country, that country's terms.</summary>
    /// <param name="side">The side.</param>
    /// <param name="builtIn">Whether built-in terms are added.</param>
    public static SideTerms For(SideDefinition side, bool builtIn)
    {
        ArgumentNullException.ThrowIfNull(side);
        var own = side.Aliases.Prepend(side.Name).ToArray();
        var country = builtIn ? CountryOf(side) : null;
        if (country is null)
        {
            return new SideTerms(side.Countries.ToArray(), own, [], [], []);
        }

        var entry = Entries.FirstOrDefault(e => e.Code == country.Code);
        var countries = side.Countries.Count > 0 ? side.Countries.ToArray() : entry?.Countries ?? [country.Code];
        return new SideTerms(
            countries,
            own.Concat(country.Names).Concat(country.Demonyms).Concat(country.Spanish).Concat(country.Native).Concat(entry?.ExtraNames ?? []).ToArray(),
            country.Capitals.Concat(entry?.State ?? []).ToArray(),
            country.Places.ToArray(),
            entry?.Claims ?? []);
    }

    /// <summary>The country a side stands for, by its id, name or aliases (case- and accent-insensitive), or <see langword="null"/>.</summary>
    public static Country? CountryOf(SideDefinition side)
    {
        ArgumentNullException.ThrowIfNull(side);
        foreach (var name in side.Aliases.Prepend(side.Name).Prepend(side.Id))
        {
            var key = TextForMatching.Fold(name.Trim());
            if (Entries.FirstOrDefault(e => e.Keys.Contains(key, StringComparer.Ordinal)) is { } entry)
            {
                return Countries.Find(entry.Code);
            }

            if (Countries.All.FirstOrDefault(c => c.Names.Concat(c.Demonyms).Concat(c.Spanish).Any(n => TextForMatching.Fold(n) == key)) is { } byName)
            {
                return byName;
            }
        }

        return null;
    }
}
