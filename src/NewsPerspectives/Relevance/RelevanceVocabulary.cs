namespace NewsPerspectives;

/// <summary>
/// Generic classes of news vocabulary, in English and Spanish, that the relevance model weighs: what kind of event
/// a headline reports, not which event. Each class is one feature of <see cref="RelevanceModel"/>; the weights, not
/// these lists, decide how much a class counts.
/// </summary>
/// <remarks>
/// Written from general knowledge of news language by category, not from labelled headlines: no word stands for one
/// story. Terms follow <see cref="Term"/>'s syntax (<c>*</c> for any ending; short all-capital terms match only in
/// capitals).
/// </remarks>
internal static class RelevanceVocabulary
{
    /// <summary>Diplomacy and statements between states.</summary>
    public static readonly string[] Diplomacy =
    [
        "diplomat*", "diplomacy", "embass*", "ambassador*", "envoy*", "consul*", "foreign minister*", "foreign ministry", "FM", "MOFA",
        "spokes*", "summit*", "talks", "dialogue", "bilateral", "ties", "relation*", "negotiat*", "treaty", "pact", "accord",
        "partnership", "alliance", "allies", "ally", "normaliz*", "normalis*", "stance", "remarks", "statement*", "rebuke*", "slam*",
        "condemn*", "denounc*", "criticiz*", "criticis*", "accus*", "protest*", "summon*", "urge*", "warn*", "vow*", "demand*",
        "reject*", "oppos*", "retort*", "red line*", "sovereignty", "territor*", "independence", "separatis*", "reunification",
        "unification", "annex*", "interference", "meddl*",
        "diplomátic*", "embajad*", "canciller*", "cumbre", "diálogo", "negociac*", "relaciones", "soberanía", "injerencia", "condena*",
        "rechaz*", "advierte", "advirtió", "exige", "acusa*", "denuncia*",
    ];

    /// <summary>Armed forces, security and conflict.</summary>
    public static readonly string[] Security =
    [
        "military", "militar*", "army", "navy", "naval", "air force", "troops", "soldier*", "drill*", "exercises", "missile*", "warship*",
        "destroyer*", "frigate*", "aircraft carrier*", "submarine*", "fighter jet*", "jets", "drone*", "bomber*", "coast guard",
        "patrol*", "incursion*", "intrusion*", "airspace", "defence", "defense", "security", "weapon*", "arms", "nuclear", "deterr*",
        "threat*", "provocat*", "aggress*", "hostil*", "escalat*", "standoff", "clash*", "strike*", "attack*", "war", "wars", "conflict*",
        "invasion", "invade*", "blockade*", "ceasefire", "deploy*", "buildup", "spy", "spies", "spying", "espionage", "intelligence",
        "cyberattack*", "militant*", "terror*", "insurgen*", "armed forces",
        "ejército", "armada", "tropas", "soldados", "buque*", "misil*", "ataque*", "guerra", "conflicto", "despliegue", "bloqueo",
        "invasión", "amenaza*", "bombardeo*", "defensa", "seguridad",
    ];

    /// <summary>Disputes, pressure and economic coercion between states.</summary>
    public static readonly string[] Dispute =
    [
        "sanction*", "tariff*", "embargo*", "export control*", "export ban*", "ban", "bans", "banned", "curb*", "restrict*", "boycott*",
        "retaliat*", "countermeasure*", "blacklist*", "entity list", "trade war", "dispute*", "row", "feud", "spat", "rift", "tension*",
        "coerc*", "pressure*", "bully*", "seiz*", "detain*", "detention", "expel*", "deport*", "extradit*", "hegemon*", "imperialis*",
        "disinformation", "propaganda", "manipulat*", "block", "blocks", "blocked", "blocking",
        "sancion*", "arancel*", "represalia*", "tensión", "tensiones", "incaut*", "deport*", "extradi*", "presión", "presiones",
    ];

    /// <summary>Economic, travel and people-to-people flows, which may or may not be between the sides.</summary>
    public static readonly string[] EconomicTies =
    [
        "trade", "export*", "import*", "investment*", "investor*", "supply chain*", "semiconductor*", "chip*", "rare earth*", "oil",
        "energy", "tourism", "tourist*", "travel*", "flights", "visa*", "exchange*",
        "comercio", "exportac*", "importac*", "inversión", "petróleo", "petrolera*", "turismo", "turistas", "vuelos",
    ];

    /// <summary>One side's own affairs: markets and companies, society, crime, weather, culture and sport.</summary>
    public static readonly string[] Domestic =
    [
        "stock*", "shares", "index", "yen", "yuan", "rupee*", "bond*", "earnings", "profit*", "revenue*", "sales", "IPO",
        "losses", "gains", "rally", "rallies", "slump*", "futures", "forex", "currenc*", "USD", "EUR", "JPY", "CNY", "GBP", "INR", "PKR",
        "listing", "startup*", "retail*", "consumer*", "smartphone*", "phone*", "automaker*", "EV", "EVs", "robot*", "app", "apps",
        "price*", "inflation", "GDP", "budget", "tax", "taxes", "property", "housing", "births", "population", "school*", "university",
        "police", "murder*", "stab*", "crash*", "fire", "blaze", "flood*", "earthquake*", "quake", "typhoon*", "storm*", "weather", "snow",
        "rain", "heatwave", "festival*", "concert*", "film*", "movie*", "anime", "music", "museum*", "fashion", "food", "restaurant*",
        "hotel*", "resort*", "football", "soccer", "baseball", "basketball", "cricket", "tennis", "golf", "Olympic*", "tournament*",
        "league", "championship*", "medal*", "coach", "player*",
        "bolsa", "acciones", "empresa*", "precio*", "inflación", "policía", "asesin*", "incendio*", "lluvia*", "terremoto*", "fútbol",
        "béisbol", "torneo", "película*", "música", "festival", "concierto*",
    ];

    /// <summary>Words of a page rather than a story: homepages, digests, e-papers, live pages.</summary>
    public static readonly string[] Page =
    [
        "digest", "e-paper", "epaper", "homepage", "headlines", "top stories", "latest news", "breaking news", "live updates",
        "newsletter", "podcast", "quiz", "in pictures", "photos", "watch", "news analysis", "portada", "titulares", "última hora",
    ];

    /// <summary>
    /// Seas and oceans named after a country ("Indian Ocean", "Sea of Japan"): they do not name that country as a
    /// third party. (They still count for a side: "South China Sea" is about China.)
    /// </summary>
    public static readonly string[] Seas =
    [
        "Indian Ocean", "Arabian Sea", "Philippine Sea", "Sea of Japan", "South China Sea", "East China Sea", "Gulf of Mexico",
        "Gulf of America", "Gulf of Oman", "Persian Gulf", "Arabian Gulf", "Red Sea", "Black Sea", "Caribbean Sea", "Mar Caribe",
        "Golfo de México",
    ];

    /// <summary>Opinion and analysis markers.</summary>
    public static readonly string[] Opinion = ["opinion", "editorial", "column", "commentary", "op-ed", "analysis", "view", "opinión", "columna"];

    /// <summary>International bodies and regions: news about them is multilateral or about someone else.</summary>
    public static readonly string[] International =
    [
        "UN", "United Nations", "en:EU", "European Union", "NATO", "ASEAN", "G7", "G20", "BRICS", "SCO", "WTO", "IMF", "World Bank", "APEC",
        "Quad", "OPEC", "WHO", "Security Council", "Asia*", "Europe*", "Africa*", "Middle East", "Latin America*", "Indo-Pacific",
        "Pacific", "Gulf", "Hormuz", "ONU", "Naciones Unidas", "Unión Europea", "OTAN",
    ];
}
