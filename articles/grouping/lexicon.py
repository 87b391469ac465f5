"""Word lists for grouping: stopwords, news boilerplate, titles, organisation words, places.

General English and news-writing vocabulary, not taken from any corpus here.
"""

STOPWORDS = frozenset(
    """
a about above according across add added adds advertisement afp after afterwards again against
agency all almost alone along already also although always am among amongst an and another any
anyhow anyone anything anyway anywhere ap apr april are around as ask asked at aug august back bbc
be became because become becomes becoming been before beforehand behind being below beside besides
between beyond both but by call called calls came can can't cannot cent click cnn come comes
copyright correspondent could couldn day days dec december did didn do does doesn doing don done
down dr due during each earlier early eight either else elsewhere enough etc even ever every
everyone everything everywhere except expect expected expects feb february few first five for former
formerly four friday from further get go goes going got had has have having he he's hence her here
hereafter hereby herein hers herself him himself his how however i i'm if in include included
includes including indeed into is isn it it's its itself jan january jul july jun june just known
last late later latest latter least less like lot lots made make many mar march may me meanwhile
might mine monday month months more moreover most mostly mr mrs ms much must my myself namely
neither never nevertheless new news next nine no nobody none noone nor not nothing nov november now
nowhere number numbers oct october of off often on once one only onto or other others otherwise our
ours ourselves out over own part parts people per percent perhaps please press published put rather
re read really recent recently report reported reporter reporters reporting reports reserved reuters
rights s said same saturday say saying says second see seem seemed seeming seems sep sept september
seven several share she she's should shouldn since six so some somehow someone something sometime
sometimes somewhere stated statement still such sunday t take taken tell tells ten than that that's
the their theirs them themselves then thence there thereafter thereby therefore therein thereupon
these they they're thing things third this those though three through throughout thursday thus time
times to today together told tomorrow too took toward towards tuesday two under until up update
updated upon us use used using very via want wanted was wasn way ways we we're wednesday week weeks
well went were weren what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within
without won won't would wouldn year years yesterday yet you your yours yourself yourselves
""".split()  # noqa: SIM905  (a word list reads best as text)
)

# Day names: a report without a publication date still says on which day its news
# happened ("voted on Tuesday"); see features.day_cues.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Words that often start a capitalised run but are not names.
NOT_NAMES = frozenset(
    """
a advertisement after also an and april as at august before breaking but by comment comments
december dr exclusive february follow for friday friend from getty he her here his however i if
image images in it its january july june leave live march may meanwhile monday more mr mrs ms
newsletter no not november october of on or our photo read related reply saturday send september
share she sir so still subscribe sunday that the their then there these they this those thursday to
tuesday update updated video watch we wednesday when while with yes yet you
""".split()  # noqa: SIM905  (a word list reads best as text)
)

# Words before a name that say it is a person's name ("President Trump").
PERSON_TITLES = frozenset(
    """
ambassador ayatollah bishop capt captain ceo chair chairman chairwoman chancellor chief col colonel
director dr emir envoy gen general gov governor judge justice king leader mayor minister mr mrs ms
officer pope premier president prime prince princess prof professor queen rep representative
secretary sen senator sheikh spokesman spokesperson spokeswoman
""".split()  # noqa: SIM905  (a word list reads best as text)
)

ORGANISATION_WORDS = frozenset(
    """
administration agency airlines airways alliance army assembly association authority bank board
cabinet center centre club coalition commission committee company congress corp corporation council
court department exchange fc federal federation force forces foundation front fund government group
hospital house inc institute institution league llc ltd ministry movement nations navy network news
office organisation organization parliament party police post press radio reserve school senate
service services television times union university
""".split()  # noqa: SIM905  (a word list reads best as text)
)

NAME_CONNECTORS = frozenset(["al", "bin", "da", "de", "del", "der", "for", "la", "le", "of", "van", "von"])

# Countries, regions and large cities: enough to label common places in explanations.
PLACES = frozenset(
    """
afghanistan africa albania algeria america americas amsterdam angola ankara antarctica arabia arctic
argentina armenia asia athens australia austria azerbaijan baghdad bahrain bangkok bangladesh
beijing beirut belarus belgium berlin bogota bolivia bosnia boston brazil britain brussels budapest
bulgaria cairo california cambodia cameroon canada caracas chad chicago chile china colombia congo
copenhagen croatia cuba cyprus czechia damascus delhi denmark doha dubai dublin ecuador edinburgh
egypt england eritrea estonia ethiopia europe finland florida france gaza geneva georgia germany
ghana greece guatemala haiti hanoi havana helsinki honduras hungary iceland india indonesia iran
iraq ireland islamabad israel istanbul italy jakarta japan jerusalem johannesburg jordan kabul
karachi kazakhstan kenya kiev korea kosovo kuwait kyiv lagos laos latvia lebanon libya lima lisbon
lithuania london luxembourg madagascar madrid malaysia mali malta manila melbourne mexico michigan
minsk moldova mongolia montenegro morocco moscow mozambique mumbai myanmar nairobi namibia nepal
netherlands nicaragua niger nigeria norway ohio oman oslo ottawa pakistan palestine panama paraguay
paris peru philippines poland portugal prague pyongyang qatar riyadh romania rome russia rwanda
santiago scotland senegal seoul serbia shanghai singapore slovakia slovenia somalia spain stockholm
sudan sweden switzerland sydney syria taipei taiwan tajikistan tanzania tehran texas thailand tokyo
toronto tunisia turkey uganda ukraine uruguay uzbekistan venezuela vienna vietnam virginia wales
warsaw washington yemen york zambia zimbabwe
""".split()  # noqa: SIM905
) | frozenset(
    [
        "hong kong",
        "latin america",
        "los angeles",
        "middle east",
        "new york",
        "new zealand",
        "north korea",
        "saudi arabia",
        "south africa",
        "south korea",
        "sri lanka",
        "united kingdom",
        "united states",
        "west bank",
        "white house",
    ]
)
