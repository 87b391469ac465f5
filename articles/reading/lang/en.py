"""English language data for the text analysers (no logic beyond small lookups)."""

import re

# Words that end with a full stop without ending the sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt
    insp det maj brig cpl pte messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols fig figs pp ed eds est approx dept univ assn bros corp inc ltd co plc
    vs etc al cf ibid ie eg am pm ft in lb lbs oz km cm mm kg sq yr yrs mos hr hrs min
    ave blvd rd jr sens reps govs drs profs gens atty""".split()
)
# Abbreviations that are almost never followed by the end of a sentence (titles before names).
ABBREVIATIONS_BEFORE_NAMES = frozenset(
    # Plural titles lead a list of names: "Sens. Harold Brandvold and Corinne Maddox".
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev hon st mt messrs
    sens reps govs drs profs gens maj brig cpl pte insp det supt atty""".split()
)
# Abbreviations only when a number follows ("No. 10"); otherwise ordinary words ("No. It is not").
ABBREVIATIONS_BEFORE_NUMBERS = frozenset("no nos vol vols fig figs pp".split())

# Words that start a sentence often enough that "U.S. The" is taken as a sentence break.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there
    but and so yet however meanwhile still also in on at for after before while when if as
    what who why how where mr mrs ms dr""".split()
)

STOPWORDS = frozenset(
    """a about above after again against all almost also although am among an and any are as at
    be because been before being below between both but by can could did do does doing down
    during each either else ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less like many
    may me might more most much must my myself neither no nor not now of off often on once one
    only or other our ours ourselves out over own per rather same she should since so some such
    than that the their theirs them themselves then there these they this those though through
    thus to too under until up upon us very was we were what whatever when where whether which
    while who whom whose why will with within without would yet you your yours yourself
    said says say saying told tells according added adds also mr mrs ms dr
    s t don doesn didn isn wasn weren aren won wouldn couldn shouldn hasn haven hadn ll ve re d m
    new""".split()
)


# Titles and roles that precede a person's name; capitalised or not.
TITLES = frozenset(
    """president vice-president secretary minister premier chancellor leader chairman chairwoman
    chair spokesman spokeswoman spokesperson envoy ambassador senator sen representative rep
    congressman congresswoman governor gov mayor judge justice general gen colonel col admiral
    lieutenant captain sergeant officer commander chief director king queen prince princess
    pope bishop archbishop rabbi imam sheikh dr doctor professor prof mr mrs ms miss sir dame lord
    lady analyst negotiator counterpart aide adviser advisor advisers deputy representative
    correspondent editor reporter author researcher fellow economist ceo cfo founder
    executive official officials diplomat commissioner mp mep mps pm chancellor
    treasurer attorney sheriff detective inspector superintendent constable trooper coach manager
    striker midfielder defender goalkeeper councillor cllr alderman commissioner grandmother
    grandfather boss gaffer skipper keeper winger billionaire tycoon mogul
    cpl corporal sgt lt capt maj supt insp pte sens reps drs
    datuk dato datin menteri besar
    ato woizero weizero shri smt alhaji""".split()  # Malaysia's honorifics, a state's "Menteri Besar"; kin.HONORIFICS
)
# Military ranks that are also ordinary words or surnames ("a major change", "John Major"): a
# title only as the first of three capitalised words or more ("Major Edmund Carrow").
RANKS = frozenset("major private marshal brigadier commodore ensign".split())
# Titles written before a surname alone, as an honorific is ("President Ashby's order",
# "Governor Hochul said", "Bishop Tutu"): an office held by one person, not a word such as
# "chief", "director" or "official" that also opens a body's name or a description.
OFFICE_TITLES = frozenset(
    """president governor gov senator sen mayor judge chancellor premier representative rep
    congressman congresswoman pope king queen prince princess bishop archbishop rabbi imam
    sheikh dr doctor professor prof dame lord lady general gen colonel col admiral lieutenant
    captain sergeant commissioner""".split()
)
# The commonest Vietnamese family names, which open a Vietnamese name ("Nguyễn Văn Thành"); the
# model may tag the name without them. Unaccented only where the spelling is no English word
# or other name ("Le", "Ho", "Do", "Mai" are left out).
VIETNAMESE_FAMILY_NAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đoàn Trương
    Lương Trịnh Nguyen Tran Pham Hoang Huynh Dang Bui Ngo Duong Dinh Doan Truong Luong
    Trinh""".split()
)
# First words of bodies' names in Spanish, Portuguese, Italian, French and German, which English
# reports keep untranslated ("Frente Amplio", "Banco de Portugal", "Partido Popular"): a name
# of two words or more that opens with one is a body, not someone.
FOREIGN_BODY_OPENERS = frozenset(
    """Banco Banca Banque Partido Partito Parti Partei Frente Movimiento Movimento Mouvement
    Unión União Unione Instituto Istituto Institut Ministerio Ministério Ministero Ministère
    Universidad Universidade Università Université Universität Fundación Fundação Fondazione
    Fondation Stiftung Asociación Associação Associazione Confederación Confederação
    Confederazione Federación Federação Federazione Sindicato Sindacato Grupo Gruppo Groupe
    Compañía Companhia Compagnie Corporación Comisión Comissão Commissione Consejo Conselho
    Consiglio Conseil Tribunal Tribunale Congreso Congresso Cámara Câmara Senado Senato Sénat
    Asamblea Assembleia Assemblée Servicio Serviço Servizio Sociedad Sociedade Società Société
    Agencia Agência Agenzia Agence Caja Caixa Cassa Policía Polícia Polizia Ejército Exército
    Esercito Armée""".split()
)
# Generic words of bodies' and places' names in Spanish, Portuguese, Italian and French, in
# English (keys folded as spelling.name_key folds them): one outlet writes "Banco de Portugal" or
# "Carretera Central", another "the Bank of Portugal", "the Central Highway".
NAME_WORD_TRANSLATIONS = {
    **dict.fromkeys("banco banca banque".split(), "bank"),
    **dict.fromkeys("ministerio ministero ministere".split(), "ministry"),
    **dict.fromkeys("instituto istituto institut".split(), "institute"),
    **dict.fromkeys("universidad universidade universita universite".split(), "university"),
    **dict.fromkeys("comision comissao commissione".split(), "commission"),
    **dict.fromkeys("consejo conselho consiglio conseil".split(), "council"),
    **dict.fromkeys("partido partito parti".split(), "party"),
    **dict.fromkeys("fundacion fundacao fondazione fondation".split(), "foundation"),
    **dict.fromkeys("museo museu musee".split(), "museum"),
    **dict.fromkeys("carretera autopista autoestrada autostrada".split(), "highway"),
    **dict.fromkeys("avenida".split(), "avenue"),
    **dict.fromkeys("plaza praca piazza".split(), "square"),
    **dict.fromkeys("puente ponte".split(), "bridge"),
    **dict.fromkeys("aeropuerto aeroporto aeroport".split(), "airport"),
    **dict.fromkeys("estadio".split(), "stadium"),
    **dict.fromkeys("palacio palacio palazzo palais".split(), "palace"),
    **dict.fromkeys("nacional nazionale national".split(), "national"),
    **dict.fromkeys("de do da dos das del di du des".split(), "of"),
}
# Multi-word titles, matched before single words, lower-cased.
TITLE_PHRASES = (
    "secretary of state",
    "minister of state",
    "secretary of defense",
    "secretary of defence",
    "prime minister",
    "foreign minister",
    "foreign secretary",
    "home secretary",
    "defence secretary",
    "defense secretary",
    "press secretary",
    "chief executive",
    "attorney general",
    "vice president",
    "first lady",
    "special representative",
    "supreme leader",
    "national security adviser",
    # a US state legislator ("defeated State Senator Neil A. Prescott"): "State" names no body
    "state senator",
    "state sen.",
    "state representative",
    "state rep.",
    "state's attorney",  # the elected prosecutor of a US county or city ("State’s Attorney Marcus Ellery")
    "state’s attorney",
)

# Last words that make a capitalised sequence an organisation.
# Last words of company names that say what the company does ("Castellan Biosciences"): a
# name ending in one is an organisation, and its first word alone is that company.
INDUSTRY_WORDS = frozenset(
    """airlines airways motors systems technologies labs laboratories holdings securities
    investments biosciences bioscience therapeutics pharmaceuticals pharmaceutical pharma
    biotech biotechnology energy media industries solutions software foods entertainment
    insurance networks brands enterprises ventures robotics semiconductor semiconductors
    electronics petroleum mining logistics communications telecom telecommunications mobility
    vaccines shipping tankers lifesciences sciences healthcare advisory consulting consultancy
    consultants analytics""".split()
)
ORG_SUFFIXES = INDUSTRY_WORDS | frozenset(
    """department ministry institute institution center centre university college school company
    corporation corp inc ltd plc llc group bank agency council party committee commission
    association foundation studies union court army navy police force forces office service
    services board authority administration parliament congress senate assembly league network
    news newswire wire times post journal press club fund trust organisation organization federation society
    bureau section guard guards command alliance coalition movement front institut capital partners
    holdings securities investments airlines airways motors systems technologies labs
    laboratories hospital clinic museum railway railways railroad united rovers wanderers athletic
    hotspur albion""".split()
)


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


# "Lawrence Public Schools", "Ministries": the plural ends bodies' names too. Not "Banks", a
# surname as often as banks.
ORG_SUFFIXES = ORG_SUFFIXES | frozenset(
    _plural(w) for w in ORG_SUFFIXES if not w.endswith("s") and w not in ("bank", "corp", "inc", "ltd")
)
# Last two words that make a name an organisation though its last word ends places' names.
ORG_PHRASE_ENDINGS = frozenset({"school district", "school board", "water district", "transit district"})
# Last two words of venues, which are places though "Center" ends organisations' names.
VENUE_PHRASES = frozenset(
    {
        "convention center",
        "convention centre",
        "conference center",
        "conference centre",
        "exhibition centre",
        "exhibition center",
        "events centre",
        "events center",
        "industrial estate",
        "trading estate",
        "housing estate",
    }
)
# Lower-case nouns after a name that make it a market's benchmark or index, not a body: "Brent
# crude", "the Hang Seng index", "Nasdaq futures". The guide lists no indexes ("S&P 500").
BENCHMARK_NOUNS = frozenset("index indices indexes crude futures".split())
# Lower-case nouns for an illness that a name right before them names ("the Nipah virus", "Lassa
# fever", "Lyme disease"): the illness, wherever the report writes the name, is no body and no
# place. Not "outbreak" or "case", which follow places as often ("the Kerala outbreak").
DISEASE_NOUNS = frozenset("virus viruses disease fever flu influenza syndrome".split())
# Last words of the names of a measure, not of a body ("the Monetary Policy Rate", "the Cash
# Reserve Ratio"): such a name, and the short form written after it, is not listed.
MEASURE_LAST_WORDS = frozenset("rate rates ratio".split())
# Lower-case nouns for a ship, written right before its name ("the tanker Coral Meridian"), and
# the prefixes ships' names open with ("MV", "HMS"): a vessel, which no reader lists as a body.
VESSEL_NOUNS = frozenset(
    """ship tanker vessel ferry freighter trawler yacht liner warship frigate destroyer submarine
    bulker containership dredger tugboat""".split()
)
# Words before "carrier" that make it a ship ("the bulk carrier Arctic Tern"), not an airline.
VESSEL_CARRIER_KINDS = frozenset("bulk ore car aircraft lng gas vehicle".split())
VESSEL_PREFIXES = frozenset("mv mt hms uss rms ss".split())
# Lower-case nouns for an industrial site that a place's name modifies ("the Abqaiq plant").
SITE_NOUNS = frozenset("plant refinery complex facility oilfield terminal reactor mine".split())
# Lower-case nouns for the people who live somewhere, which a town's name modifies ("Leeds
# residents"); not "fans" or "supporters", whom teams have.
INHABITANT_NOUNS = frozenset(
    """residents households homeowners families commuters locals ratepayers tenants neighbours neighbors
    resident native natives farmer farmers farm farmhouse villagers crofters""".split()
)
# Nouns of the waterside that the river after "of the" is ("the banks of the Seine").
WATERSIDE_NOUNS = frozenset("banks shore shores mouth estuary".split())
# Nouns a number measures in that a capitalised scale follows ("116 degrees Fahrenheit"): the
# scale is a unit, no one's name.
SCALE_UNIT_NOUNS = frozenset("degree degrees".split())
# Nouns for a business or its stock: a name modifying one is the company's ("the Carrs grocery").
BUSINESS_NOUNS = frozenset(
    "store grocery supermarket shop chain restaurant brand franchise share stock".split()
)
# Lower-case nouns for a body, written right before its name: "the regulator Ofgem", "the
# conciliation service Acas", "Energy giant Ashcombe". Not "investor", "partner" or "rival",
# which stand before people as often.
BODY_NOUNS = frozenset(
    """regulator watchdog agency service gang group company firm union charity party bank lender
    insurer retailer supermarket airline carrier broadcaster newspaper publisher club council
    authority organisation organization ministry department network chain carmaker automaker
    manufacturer maker drugmaker chipmaker planemaker steelmaker startup start-up giant operator
    conglomerate consultancy broker exchange institute university college militia movement
    outlet outfit""".split()
)
# Parties that papers outside the United States name by their members' plural ("the Liberal
# Democrats", "the Tories", "Nationals leader ..."): the party itself where "the" or a word of
# the party's ranks goes with the name. Not "Democrats" or "Republicans", which American papers
# write for a party's lawmakers ("Democrats hold 235 seats", "two Republicans voted yes").
PARTY_PLURALS = frozenset(
    {
        "conservatives", "tories", "greens", "nationals", "liberals", "nationalists", "unionists",
        "liberal democrats", "lib dems", "social democrats", "christian democrats", "free democrats",
    }
)  # fmt: skip
# Words of a party's ranks and rule written right after its name ("Nationals leader", "Greens
# MP", "Tories candidate"): the name before them is the party's.
PARTY_RANK_WORDS = frozenset(
    """leader co-leader leadership mp mps msp msps mla mlas td tds senator senators councillor
    councillors candidate candidates spokesman spokeswoman spokesperson government
    administration control heartland frontbench frontbencher backbencher backbenchers""".split()
)
# Everyday short forms of parties' names ("Lib Dems" for the Liberal Democrats).
PARTY_ALIASES = {"lib dems": "liberal democrats"}
# The chambers of a legislature, whose bodies are named with and without them ("Senate Armed
# Services Committee", "the Armed Services Committee").
CHAMBER_WORDS = frozenset({"house", "senate"})
# Parties' nicknames that papers also write as adjectives, as they write "Republican" or
# "Conservative" ("one GOP moderate", "GOP code", "a Tory MP"): before a noun they describe it
# and name no body (the guide's "Tory"); alone ("the GOP won") they name the party.
PARTY_NICKNAMES = frozenset({"gop", "tory", "dem"})
# Lower-case nouns for what a person does, besides TITLES, written before or beside a name:
# "the fast bowler Arjun Venkatesh", "Marta Ruiz, a lawyer for the family".
OCCUPATION_NOUNS = frozenset(
    """bowler batsman batter spinner pitcher quarterback forward rider driver cyclist runner
    swimmer sprinter golfer boxer candidate singer actor actress rapper artist writer novelist
    poet comedian lawyer barrister solicitor strategist economist banker entrepreneur scientist
    teacher nurse surgeon pilot student resident victim suspect businessman businesswoman
    campaigner activist protester journalist photographer historian organizer organiser
    volunteer accountant engineer mechanic farmer electrician plumber cleaner shopkeeper waiter
    waitress pensioner retiree commuter veterinarian vet dentist pharmacist paramedic
    firefighter midwife herder shepherd fisherman miner crofter""".split()
)
# Players' positions, written right before a name as a job is ("All Blacks centre Tamati
# Rangihuna", "hooker Bongani Khumalo-Reid"); only there, since "the centre of Leeds" names none.
PLAYING_POSITIONS = frozenset(
    """striker midfielder defender goalkeeper keeper winger centre center hooker flanker prop lock
    fullback full-back fly-half scrum-half""".split()
)
# Lower-case nouns for an area or a place of worship that a name before them names: "Vargas
# state", "the Linwood mosque". Not "hotel" or "store": chains name those ("a Hilton hotel").
PLACE_NOUNS = frozenset(
    """state province region county district prefecture governorate oblast municipality suburb
    township neighbourhood neighborhood island mosque church cathedral temple synagogue shrine
    chapel""".split()
) | frozenset("volcano glacier peninsula plain".split())
# The areas of a country or a town among them, which a person's name modifies no more than a
# landform ("the Junín region", "the Pinckney neighborhood"); not "state" ("a Trump state").
AREA_NOUNS = frozenset(
    """province region county district prefecture governorate oblast municipality township
    neighbourhood neighborhood suburb""".split()
)
# The landforms among them, which no person's name modifies ("the Mýrdalsjökull glacier", "the
# Reykjanes peninsula"), while churches and mosques are named after saints and founders.
LANDFORM_NOUNS = frozenset("island volcano glacier peninsula plain".split())
# Lower-case nouns for where a road meets a border or traders meet, which a name before them
# names and no one is honoured by ("the Khlong Luek checkpoint", "Rong Kluea market"): a place
# whatever the model called the name.
CROSSING_NOUNS = frozenset("checkpoint crossing market".split())
# Verbs and nouns of a voyage, whose "to", "at" or "between" takes a port or an island ("sail to
# Crete", "berth at Lochboisdale", "calling at Santorini", "the crossing to Mallaig"): a place
# wherever the report names it, whatever the model called it. Not "go", "fly" or "move", which
# take bodies as often ("moved to Google").
VOYAGE_WORDS = frozenset(
    "sail berth dock moor anchor call disembark crossing ferry voyage sailing sailings".split()
)
# Lower-case nouns for a way between two places, which a hyphenated pair of names before them
# joins ("the Aranyaprathet-Poipet border crossing", "the Kenitra-Marrakech line").
ROUTE_NOUNS = frozenset(
    "border crossing route line road railway highway corridor link bridge pipeline flight flights".split()
)
# Lower-case nouns for a settlement or a landform that, set beside a name after a comma, make
# it a place ("Uliastai, the capital of Zavkhan", "Oia, the village famous for its sunsets",
# "Katla, the volcano beneath ..."). Not "home" or "base", which bodies and people have.
PLACE_APPOSITION_NOUNS = frozenset(
    """capital city town village hamlet island islet archipelago volcano peninsula province region
    county district suburb neighbourhood neighborhood municipality mountain river lake glacier
    port""".split()
)
# Verbs that set one side against another in a contest ("Liverpool beat Barcelona", "England
# stunned India") and nouns for its result ("a victory over Tottenham", "Tottenham's defeat"):
# the sides are teams, not the towns or countries they are named after. Not "loss" or "game",
# which countries and firms also have ("Britain's loss of influence").
CONTEST_VERBS = frozenset("beat defeat stun thrash rout edge overcome eliminate outplay".split())
# Words for the result of a match ("won 2-24 to 1-20", "beat New Zealand 31-24", "a 3-1 win", "a
# 1-1 draw"): a score they govern is the match's final score; one a team "led" by is not.
RESULT_WORDS = CONTEST_VERBS | frozenset("win lose draw tie victory defeat loss triumph".split())
# Nouns a score stands before without counting them ("a 3-1 win", "a 17-13 lead").
SCORE_NOUNS = RESULT_WORDS | frozenset("lead scoreline score advantage".split())
# Words that make a score something other than one match's result: the half-time score, one
# leg of a tie or the tie's aggregate, a shoot-out after a draw ("drew 1-1 and won 4-2 on
# penalties": two results of one match).
NOT_THE_RESULT = re.compile(
    r"\b(?:half[- ]?time|the break|the interval|at half|aggregate|(?:first|second)[- ]leg|"
    r"penalt(?:y|ies)|shoot-?out|extra[- ]time)\b",
    re.IGNORECASE,
)
CONTEST_NOUNS = frozenset(
    "victory win defeat triumph comeback draw match final clash derby thrashing rout".split()
)
# Words after which "in X" names what is owned, not where ("shareholders in L'Oréal", "a stake in
# Twitter", "invested in Tesla"): X is then no place.
HOLDING_WORDS = frozenset(
    "stake share shareholder shareholding investor invest investment holding interest position".split()
)
# Last words of places that are also surnames (so not in PLACE_SUFFIXES): they make a place of a
# name the model calls an organisation, never of one it calls a person.
PLACE_LAST_WORDS = frozenset(
    "hill hills hillside heights park hall square gardens field village place point ness quarter".split()
)
# Lower-case nouns for premises and media that a name before them names ("the Cinnamon Grand
# hotel", "the group's Al Masirah television"): a hotel or a channel, never the person it may
# be named after ("a Hilton hotel" is not Paris Hilton).
PREMISES_AND_MEDIA_NOUNS = frozenset(
    "hotel motel resort casino television tv channel radio newspaper broadcaster".split()
)
# Last words of buildings that are also surnames: a building only after a town's name.
BUILDING_WORDS = frozenset("castle abbey priory minster tower fort".split())
# All-capital words that are no organisations: units, time zones, roles.
NOT_ACRONYMS = frozenset(
    """mw gw kw kwh mwh gwh gmt utc bst est edt cet pst mp mps mep meps pm am ceo cfo coo cto gdp
    cpi vat ai tv pr id ok usd gbp eur jpy km kg bn tn rip faq ps gp gps""".split()
)
# Last words that make a capitalised sequence a place ("Turkistan region", "Red Sea"); words
# that are also common surnames (Park, Hall, Church, Castle) are left out.
PLACE_SUFFIXES = frozenset(
    """river sea ocean lake island islands valley desert strait gulf bay coast peninsula province
    region county district mountains basin delta hotel palace stadium cathedral mosque
    temple airport spaceport arena harbour harbor boulevard street avenue road square bridge wharf quay creek
    station port highway hwy parish mansion birthplace""".split()
)
# Words that end (or start) names of laws, events and things, not of people.
NOT_PERSON_LAST_WORDS = frozenset(
    """act bill law treaty agreement accord summit matters cup league championship championships
    games war day week year plan programme program strategy budget report index prize award
    festival conference forum olympics election elections protocol declaration convention""".split()
) | frozenset("buddhist muslim christian hindu catholic jewish sikh".split())  # "Sinhala Buddhist": a faith
# Organisations named by a phrase a heuristic cannot read (kept small: well-known institutions).
# Capitalised words of a court's judges' titles and buildings written after the country or the
# state whose court it is ("U.S. District Judge Adaeze Holloway", "the ... U.S. Courthouse"):
# the place is part of the court's name there, which the guide does not list apart.
COURT_TITLE_PHRASES = frozenset(
    {"district judge", "circuit judge", "magistrate judge", "bankruptcy judge", "courthouse"}
)
# What papers call a whole industry or a club of firms, capitalised ("Big Tech", "Big Pharma"):
# no one body a reader could list.
INDUSTRY_NICKNAMES = frozenset(
    {
        "big tech",
        "big pharma",
        "big oil",
        "big tobacco",
        "big food",
        "big ag",
        "big law",
        "big four",
        "big three",
    }
)
KNOWN_ORG_PHRASES = frozenset(
    {
        "white house",
        "pentagon",
        "kremlin",
        "congress",
        "senate",
        "parliament",  # "said Parliament had drawn the line": a country's, named as Congress is
        "state department",
        "downing street",
        # other seats of government that speak for it as "the White House" does: "Cheong Wa Dae
        # said", "the Elysee said"; a model that rarely sees them calls them someone
        "cheong wa dae",
        "blue house",
        "elysee",
        "élysée",
        "elysee palace",
        "élysée palace",
        "zhongnanhai",
        "quai d'orsay",
        "united nations",
        "european union",
        "world bank",
        "supreme court",
        "nato",
    }
)

COUNTRIES = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia
    congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia
    eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada
    guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
    israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos
    latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
    malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
    montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria
    norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar
    romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia
    spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
    tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela
    vietnam yemen zambia zimbabwe britain england scotland wales us usa uk""".split()
)
CITIES = frozenset(
    """washington london paris berlin moscow beijing tokyo seoul pyongyang stockholm hanoi
    bangkok delhi mumbai karachi islamabad kabul tehran baghdad damascus beirut jerusalem cairo
    istanbul ankara athens rome madrid lisbon dublin brussels amsterdam vienna prague warsaw
    budapest kyiv kiev minsk oslo copenhagen helsinki geneva zurich toronto ottawa montreal
    vancouver chicago boston houston miami atlanta dallas seattle sydney melbourne canberra
    auckland jakarta manila singapore shanghai taipei dhaka lagos nairobi johannesburg
    pretoria riyadh dubai doha caracas bogota lima santiago brasilia havana""".split()
)
# Short forms that name a country (also the gazetteer's way to a country's code: "UK" is GB).
COUNTRY_ALIASES = {
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "dprk": "north korea",
    "uae": "united arab emirates",
    "u.a.e.": "united arab emirates",
    "drc": "democratic republic of the congo",
}
# Short forms that name the same place.
PLACE_ALIASES = {**COUNTRY_ALIASES, "kiev": "kyiv"}

NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "half": 0.5,
}
# A line in which the page speaks of itself, not of the news ("We will update this post as we
# learn more", "This story has been updated", "This is a developing story"): it makes no claim.
ABOUT_THE_PAGE = re.compile(
    r"\b(?:we|we'll|our|us)\b.*\b(?:this|the) (?:post|story|article|page|blog|live blog)\b"
    r"|\bthis (?:post|story|article|page) (?:has been|was|is being|will be) (?:updated|amended|corrected)"
    r"|\bthis is a (?:developing|breaking) (?:news )?story\b",
    re.IGNORECASE,
)
# An ordinal and a noun that together name a thing, not the third of a series ("the third
# rail", "a third party", "a second opinion").
ORDINAL_TERMS = frozenset(
    (
        "third rail", "third party", "third world", "third country", "third sector", "third way",
        "second opinion", "second home", "second language", "second nature", "second thought",
        "second hand", "second wind", "second city", "second chance", "second class",
        "third class",
    )
)  # fmt: skip
# Nouns that "one" does not count: "building a line is one thing; ...", "one way or another".
ONE_OF_NOTHING = frozenset({"thing"})
# Fractions of a scale ("half a billion dollars", "a quarter of a million"): a figure only with
# the scale after them; alone ("a quarter of voters") they are a share, not a figure.
FRACTION_WORDS = {"half": 0.5, "quarter": 0.25}
SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "k": 1e3,
    # South Asian English writes a hundred thousand and ten million as words of their own
    # ("8.2 lakh people", "Rs 450 crore"): a figure read without them is off by 10^5 or 10^7.
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
CURRENCY_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₩": "KRW"}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "won": "KRW",
    "yuan": "CNY",
    # Currencies several countries name alike ("shilling": Kenya, Uganda, Tanzania) go by the name.
    "shilling": "shilling",
    "shillings": "shilling",
    "rupee": "rupee",
    "rupees": "rupee",
    "naira": "NGN",
    "rand": "ZAR",
    "reais": "BRL",
}
# Dollars of other countries, written with a letter or two before the symbol ("A$150 million",
# "NZ$2 billion") or named after the figure ("150 million Australian dollars"): never US dollars.
DOLLAR_PREFIXES = {
    "a": "AUD",
    "au": "AUD",
    "c": "CAD",
    "ca": "CAD",
    "nz": "NZD",
    "hk": "HKD",
    "s": "SGD",
    "sg": "SGD",
    "us": "USD",
    "u.s.": "USD",
    "r": "BRL",  # the Brazilian real's "R$"; the rand is "R" alone
}
DOLLAR_COUNTRIES = {
    "australian": "AUD",
    "canadian": "CAD",
    "new zealand": "NZD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
}
# Currency codes and abbreviations written as a word before a figure ("KSh 45,000", "Rs 500").
CURRENCY_PREFIXES = {
    "ksh": "shilling",
    "kes": "shilling",
    "rs": "rupee",
    "inr": "rupee",
    "ngn": "NGN",
    "zar": "ZAR",
}
# Verbs whose object is a line passed, not the figure reached: "gusts topped 70 mph" (more than 70:
# "reached 74 mph" agrees), "exceeded 500", "surpassed $1 billion".
FLOOR_VERBS = frozenset({"top", "exceed", "surpass", "eclipse", "outstrip"})
# After a span of time, words that count it from when the report was written: "72 days away",
# "Seventy-one days remain", "three years ago", "with 14 months left", "two weeks to go".
COUNTDOWN_AFTER = re.compile(r"^(?:away|ago|left|to go|from now|hence|remain|remaining)\b", re.IGNORECASE)
DURATION_UNITS = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
}
# A unit's abbreviation or other spelling, as the model's lemma gives it, to one name.
UNIT_NAMES = {
    "km": "kilometre",
    "kilometer": "kilometre",
    "kms": "kilometre",
    "m": "metre",
    "meter": "metre",
    "cm": "centimetre",
    "centimeter": "centimetre",
    "mm": "millimetre",
    "millimeter": "millimetre",
    "mi": "mile",
    "ft": "foot",
    "feet": "foot",
    "kg": "kilogram",
    "kgs": "kilogram",
    "kilo": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "ha": "hectare",
}
# Units of length, area and weight whose figure is a measure, however the model labels it
# (not "pound": as often money as a weight).
MEASURE_UNITS = frozenset(
    "kilometre metre centimetre millimetre mile foot yard inch kilogram gram tonne hectare acre".split()
)
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# British -> American spelling, applied to lower-cased words before comparing them. The result
# is only ever compared, never shown, so a rule that also rewrites an unrelated word does no harm
# as long as it rewrites it the same way in both reports.
_VARIANT_RULES = (
    (re.compile(r"is(ation|ations|e|es|ed|ing|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"([^o])our(s|ed|ing|able|ite|ites|ful|less)?$"), r"\1or\2"),
    (re.compile(r"([^aeiou])tre(s?)$"), r"\1ter\2"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
    (re.compile(r"([aeu])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"([fc])ence$"), r"\1ense"),
    (re.compile(r"aem"), "em"),
)
# Short words the rules must leave alone ("hour", "four", "rise").
_VARIANT_MIN_LENGTH = 6


def american_spelling(word: str) -> str:
    """The American spelling of a lower-cased word, so that both spellings compare equal."""
    if len(word) < _VARIANT_MIN_LENGTH:
        return word
    for pattern, replacement in _VARIANT_RULES:
        word = pattern.sub(replacement, word)
    return word


# Lower-case words inside personal names ("Ursula von der Leyen", "Charles de Gaulle").
NAME_PARTICLES = frozenset(
    "de del della der den des di da do du dos das van von ter ten al bin bint ibn la le".split()
)
# Capitalised words that only Irish (and Scottish Gaelic) personal names are built with ("Cian
# Ó Floinn", "Seán Óg Kearney", "Aoife Ní Bhriain"): a name with one is someone's. "Og" without
# its accent counts only between two names.
GAELIC_NAME_WORDS = frozenset("ó ní nic uí óg".split())
GAELIC_MIDDLE_WORDS = frozenset({"og"})
# States of the United States: names the model sometimes reads as people ("South Carolina").
US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming""".split()
) | frozenset(
    {
        "new hampshire",
        "new jersey",
        "new mexico",
        "new york",
        "north carolina",
        "north dakota",
        "rhode island",
        "south carolina",
        "south dakota",
        "west virginia",
    }
)

# Words before a name that make it a storm, an operation or a plan, not a person.
NOT_PERSON_BEFORE = frozenset("hurricane storm typhoon cyclone tornado operation project".split())
# Last words of company names that other reports leave out ("Twitter Inc" = "Twitter"): the
# legal forms of English-speaking and European company law, which make a name a company's.
CORPORATE_SUFFIXES = frozenset(
    """inc inc. corp corp. corporation co co. ltd ltd. limited plc llc llp ag sa s.a s.a. nv bv gmbh
    spa s.p.a s.p.a. asa oyj srl pty bhd berhad tbk""".split()
)
# The Associated Press's abbreviations of US states, as datelines use them ("BENTONVILLE, Ark.").
STATE_ABBREVIATIONS = {
    "ala.": "alabama", "ariz.": "arizona", "ark.": "arkansas", "calif.": "california",
    "colo.": "colorado", "conn.": "connecticut", "del.": "delaware", "fla.": "florida",
    "ga.": "georgia", "ill.": "illinois", "ind.": "indiana", "kan.": "kansas", "ky.": "kentucky",
    "la.": "louisiana", "md.": "maryland", "mass.": "massachusetts", "mich.": "michigan",
    "minn.": "minnesota", "miss.": "mississippi", "mo.": "missouri", "mont.": "montana",
    "neb.": "nebraska", "nev.": "nevada", "n.h.": "new hampshire", "n.j.": "new jersey",
    "n.m.": "new mexico", "n.y.": "new york", "n.c.": "north carolina", "n.d.": "north dakota",
    "okla.": "oklahoma", "ore.": "oregon", "pa.": "pennsylvania", "r.i.": "rhode island",
    "s.c.": "south carolina", "s.d.": "south dakota", "tenn.": "tennessee", "vt.": "vermont",
    "va.": "virginia", "wash.": "washington", "w.va.": "west virginia", "wis.": "wisconsin",
    "wyo.": "wyoming",
    # The federal district as reports write it after "Washington, " or alone.
    "d.c.": "district of columbia", "dc": "district of columbia",
}  # fmt: skip
# Words before a road's number, which is part of its name ("Interstate 75", "Highway 401"), and
# the US interstates' short form ("I-75"), which is the same road.
ROAD_WORDS = frozenset("interstate highway route".split())
ROAD_SHORT_FORM = re.compile(r"I-(\d{1,3})")
ROAD_SHORT_FORM_NAME = "interstate {}"
# Canada's provinces as the country's papers shorten them with full stops ("B.C.'s Shuswap").
PROVINCE_ABBREVIATIONS = {
    "b.c.": "british columbia", "alta.": "alberta", "sask.": "saskatchewan", "ont.": "ontario",
    "que.": "quebec", "n.s.": "nova scotia", "n.b.": "new brunswick", "p.e.i.": "prince edward island",
    "nfld.": "newfoundland",
}  # fmt: skip
# Australia's states and territories as its papers shorten them ("WA's South West"); not "SA",
# "Vic" or "ACT", which are as often South Africa, a first name or a law.
AUSTRALIAN_STATE_ABBREVIATIONS = {
    "nsw": "new south wales", "qld": "queensland", "wa": "western australia", "nt": "northern territory",
    "tas": "tasmania",
}  # fmt: skip
PLACE_ALIASES = {
    **PLACE_ALIASES,
    **STATE_ABBREVIATIONS,
    **PROVINCE_ABBREVIATIONS,
    **AUSTRALIAN_STATE_ABBREVIATIONS,
}
# Words of roads' names as signs and tabloids shorten them ("Brockman Hwy" = "Brockman Highway").
ROAD_ABBREVIATIONS = {"hwy": "highway", "rd": "road", "ave": "avenue", "blvd": "boulevard"}
# Last words of places that other reports leave out ("Broward County" = "Broward").
# Fields of government that name a department with the country's name after them
# ("Environment Canada", "Statistics Canada", "Sport England").
PORTFOLIO_WORDS = frozenset(
    """environment health statistics transport parks fisheries justice finance defence defense
    sport heritage employment immigration revenue""".split()
)
# Titles written after what the office looks after ("Transport Secretary", "Finance Minister").
PORTFOLIO_TITLES = frozenset({"secretary", "minister"})
# Places whose one name joins two with "and": never split into two places.
PLACES_NAMED_WITH_AND = frozenset(
    {
        "bosnia and herzegovina",
        "trinidad and tobago",
        "antigua and barbuda",
        "saint kitts and nevis",
        "st kitts and nevis",
        "saint vincent and the grenadines",
        "sao tome and principe",
        "são tomé and príncipe",
        "turks and caicos",
        "turks and caicos islands",
        "heard and mcdonald islands",
    }
)
PLACE_GENERIC_WORDS = frozenset(
    "county city state province region district borough parish prefecture governorate oblast".split()
)
# Words for a country's divisions that end their names in title case ("Akita Prefecture").
DIVISION_WORDS = frozenset("prefecture province governorate oblast county".split())
# Words for a council's or a city's areas named by their number ("District 6", "Ward 12").
NUMBERED_AREA_WORDS = frozenset("district ward".split())
# Generic last words two reports may write or leave out of one place's name ("Heathrow Airport").
# Within one report "Kelantan" and "the Kelantan River" are the state and its river: two places.
PLACE_GENERIC_ACROSS = frozenset("airport international river".split())
# Last words of the names of laws: neither people nor organisations ("British Museum Act").
LAW_WORDS = frozenset("act bill law treaty amendment accord protocol".split())
# Words that open the names of stage races before "of", "de" or "a" ("the Tour of Flanders",
# "Giro d'Italia", "Vuelta a España"): a race is no place and no body.
RACE_OPENERS = frozenset("tour giro vuelta".split())
# Words that open the names of rivers, lakes and mountains ("the River Ribble", "Lake Tana",
# "Mount Kenya", "Loch Ness"): such a name is a place whatever the model labelled it.
FEATURE_OPENERS = frozenset("river lake mount loch".split())

# An ordinal's adjectives that say its series runs unbroken, and narrow nothing ("second
# straight win" ranks the same wins as "third win").
UNBROKEN_SERIES = frozenset("straight consecutive successive running".split())
# Prepositions that give the span of time an ordinal counts within ("since 2022", "in two years").
SERIES_FRAMES = frozenset("since in this within over during".split())
# Nouns for a part of a people, which narrow what a count counts when they stand before its noun
# ("178 adult passengers" are some of "181 passengers"; "12 civilian deaths" some of the deaths).
# Words whose figures are the size of a change, not a level: "fell by 63%", "grow 0.9%", "growth of
# 1.1 per cent" state how much something moved; "fell to 3%" states where it stands.
CHANGE_WORDS = frozenset(
    "rise fall grow growth increase decrease drop decline cut slash reduce reduction climb jump surge "
    "soar plunge plummet tumble sink slide slip dip ease shrink contract expand raise lower lift boost "
    "hike trim widen swell weaken strengthen".split()
)
# Verbs of a quantity moving on its own, by the way it went: "the peso weakened 1.8%" and "the peso
# plunged 2.4%" tell one move (of one size, which two reports may give differently); "fell" and
# "rose" two. Only verbs whose subject is what moved, not "cut" or "raise", whose subject is who
# moved it.
MOVING_UP = frozenset("rise grow increase climb jump surge soar expand swell strengthen".split())
MOVING_DOWN = frozenset(
    "fall decrease drop decline plunge plummet tumble sink slide slip dip ease shrink contract weaken".split()
)
# Nouns whose "by" gives a margin ("a defeat by 230 votes"); after other nouns "by" gives who
# made the thing ("claims by 41 states").
MARGIN_NOUNS = frozenset("defeat win victory majority loss lead margin".split())
# Prepositions that put a figure as the one another is set against ("down from 1.2%", "against the
# $1.21 analysts expected", "well below the 1.8 per cent it projected"): a reference, not the news.
REFERENCE_PREPOSITIONS = frozenset("from against versus vs below above".split())
# Plain synonyms among counted nouns, to one word: "37 vessels" and "43 ships" count the same thing.
# Only words that name the same things in news use, never a kind and its sort ("vehicle", "truck").
COUNTED_SYNONYMS = {
    "vessel": "ship", "person": "people", "kid": "child", "firm": "company", "lorry": "truck",
}  # fmt: skip
# Nouns that count pieces of what follows their "of" ("14 items of evidence", "11 pieces of
# evidence"): the count is of the evidence.
PARTITIVE_NOUNS = frozenset("piece item bit fragment".split())
# A member of a body that acts as one, for the body, as a clause's subject: "the jurors, who had
# deliberated for about six hours" and "the jury deliberated for nine hours" tell one doing.
MEMBER_OF = {"juror": "jury"}
# Nouns for things waiting in a row: what "a queue of 1,200 lorries" counts is waiting, whatever
# the queue is said to do ("stretched 10 kilometres"), and so is what "queued" ("lorries queued
# at the border"): both tell what "2,100 trucks were waiting" tells.
QUEUE_NOUNS = frozenset("queue tailback backlog".split())
WAITING_VERBS = frozenset({"wait", "queue"})
NARROWING_PEOPLE = frozenset(
    "adult child infant baby civilian woman man teenager teen youth minor pensioner".split()
)
