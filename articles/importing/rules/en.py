"""English page-furniture rules: what a news page puts around the story.

Each entry is a regular expression matched against one whole line (stripped,
case-insensitive). Keep them general: they describe kinds of furniture seen across
many sites (comment forms, share widgets, newsletter and cookie prompts, link lists),
not the wording of one page.
"""

LANGUAGE = "en"

# Words that make up section labels and breadcrumbs ("International News", "World › Asia").
SECTION_WORDS = """
news world international national local regional politics political business economy economics
markets finance money opinion opinions analysis comment commentary editorial editorials
asia asia-pacific pacific europe european americas america us u.s. uk britain africa
middle east latin australia china india japan korea
sport sports technology tech science health entertainment culture arts lifestyle life style
home latest breaking top stories story live video videos audio podcast podcasts exclusive
features feature environment climate education travel weather investigations world-news
more section sections topics topic the and & of in
""".split()  # noqa: SIM905  (a word list reads better as text)

FURNITURE_LINES = [
    # Comment forms and prompts (WordPress and friends).
    r"leave a (reply|comment)( cancel reply)?",
    r"(cancel|post) (reply|comment)",
    r"your email address will not be published\.?.*",
    r"required fields are marked.*",
    r"(name|email|website|comment)\s*\*?",
    r"save my name,? email,? and website.*",
    r"notify me of (follow-up comments|new posts|new comments).*",
    r"you must be logged in to post a comment.*",
    r"(log|sign) ?in to (comment|reply|post).*",
    r"(be the first to comment|join the (conversation|discussion)|post a comment|add a comment).*",
    r"(view|show|hide|read|see|load) (all )?(\d+ )?comments?.*",
    r"\(?\d+\)? comments?",
    r"comments? \(\d+\)",
    # Share and send widgets.
    r"send this to a friend",
    r"(send|email) (this|to a friend)",
    r"share (this|the)\b.{0,60}",
    r"like this:?",
    r"share( on| via)?( facebook| twitter| x| linkedin| whatsapp| email| reddit)?:?",
    r"((shares|share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|"
    r"messenger|facebook messenger|flipboard|copy link|copy this link|copy|save|bookmark|gift (this )?article)"
    r"[\s,|·•/]*){1,10}",
    r"these are external links and will open in a new window",
    r"(opens|open) in a new (window|tab)",
    r"(print|email|save) this (article|story|page)",
    r"save (article|for later|story)",
    r"(follow|like) (us|\w+) on (facebook|twitter|x|instagram|linkedin|threads|bluesky|telegram|whatsapp).*",
    # Newsletters, subscriptions, sign-in.
    r"(our |the |free |daily |weekly )*newsletters?\s*:?",
    r"(sign up|subscribe|get|receive|join|want).{0,60}\bnewsletters?\b.{0,100}",
    r".{0,60}\bnewsletters?\b.{0,40}\b(sign up|subscribe|inbox|email address|delivered)\b.{0,80}",
    r"(sign up|subscribe|register)( now| today| here| for free)?[.!]?",
    r"(subscribe|sign up) (to|for) .{0,60}",
    r"(already a subscriber|already have an account)\??.*",
    r"(sign|log) ?in( or (sign up|register|subscribe))?",
    r"(create|manage) (an |your )?account",
    r"you have \d+ free (articles?|stories|reads?) (left|remaining).{0,40}",
    r"(subscribe|sign up|log in|register) to (continue|keep) reading.{0,60}",
    r".{0,80}\b(delivered|straight|direct) (straight )?to your inbox\b.{0,80}",
    r"our standards\s*:.{0,100}",
    r"reuse this content",
    r"\d[\d,.]*[km]?",
    r"skip to (main )?(content|navigation|article).*",
    r"(menu|search|close|open menu|toggle navigation|main menu)",
    # Cookies and consent.
    r".{0,80}\b(we|this (site|website)|our (site|website)) uses? cookies\b.{0,200}",
    r".{0,80}\bcookies?\b.{0,60}\b(accept|consent|settings|preferences|policy|browsing experience|agree)\b.{0,120}",
    r"(accept|reject|manage) (all|preferences|settings|choices)( cookies)?",
    r"(privacy|cookie) (policy|settings|notice|preferences).{0,40}",
    r"(terms of (use|service)|privacy policy|contact us|about us|advertise with us)([\s|·•]+.*)?",
    # Advertising.
    r"advertisements?",
    r"advertisement\s*[-–—:]?\s*(scroll|continue|story).*",
    r"(sponsored( content)?|paid (post|content)|promoted( content)?|ad|ads)",
    r"(story|article) continues (below|after).*",
    r"continue reading( below| the (main )?story| after the (ad|advertisement))?\.?",
    r"scroll (down )?to continue.*",
    # Reading aids and timing.
    r"\d+\s*(min|mins|minutes?)\s*read",
    r"(reading time|listen to (this|the) (article|story)).*",
    r"(media playback is (unsupported|not supported) on your device|this video can not be played).*",
    r"(please )?enable javascript.*",
    r"(updated|posted|published)?\s*\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago",
    r"this article is (more than|over) \d+ \w+ old",
    # Photo and video credits, captions.
    r"(image|photo|picture|photograph|video|graphic|illustration)s?\s*[:|/©]\s*.{0,150}",
    r"(image|photo|picture|photograph|video|graphic|illustration)s? (source|credit|copyright|caption)s?\b.{0,150}",
    r".{0,200}[.)]\s+(photo|picture|image|file photo)s?\s*:\s*[\w .,/&'-]{2,80}",
    r"(image|photo|picture)s? (by|courtesy of) .{0,100}",
    r".{0,200}\((photo|picture|image|video|file photo)s?( by|:|\s*credit)[^)]*\)",
    r"(file )?(photo|picture)\s*/\s*.{0,80}",
    r"(getty images|afp|ap|ap photo|reuters|epa|epa-efe|shutterstock|alamy|pa|pa media|ani|xinhua)"
    r"( via getty images)?( ?/ ?[\w .-]+)?",
    # Copyright notices: the mark, or the word with a year, a mark, a colon or "rights
    # reserved"; not any line starting with the word ("Copyright holders protested on Monday.").
    r"(©|\(c\))\s*.{0,150}",
    r"copyright\s*(©|\(c\)|:|by\b|(19|20)\d\d\b|\.?$).{0,150}",
    r"copyright\b.{0,100}\brights reserved\b.{0,100}",
    r"all rights reserved\.?.*",
    r".{0,300}\s(reuters|afp|ap|epa|epa-efe|getty images|bloomberg|xinhua|yonhap|kcna)\s?/\s?[\w .'-]{2,40}(/file( photo)?)?",
    r"this material may not be published.{0,120}",
    # Staff roles printed under a byline, social handles.
    r"([\w'-]+ ){0,3}(correspondent|reporter|editor|writer|journalist|columnist|contributor|analyst)s?"
    r"( (at|for|in) [\w .'-]{1,40})?",
    r"@\w{1,30}",
    # Navigation between stories.
    r"(show|load|see|view) more( stories| articles| news)?",
    r"(watch|video|listen)\s*:\s*.{1,120}",
    r"(next|previous|prev) (article|story|post)\s*:?.*",
    r"(back to top|top of page|go to top|return to top)",
    r"(tags|topics|filed under|categories|category|related topics)\s*:.*",
    # Wire trailers: "(Reporting by Ann Example in Lima; editing by Bo Example)". Only names
    # may follow, so "Reporting by the Guardian found that..." stays in the story.
    r"\(?(reporting|writing|editing|additional reporting|compiled|produced|graphics) by "
    r"(?:(?:(?-i:[A-Z])[\w'’.-]*|and|in|from|by|editing|additional|reporting|writing|with)[,;]?\s?)+\)?\.?",
    r"(related|see also|read also|also on \w+)( articles?| stories| story| coverage| content)?\s*:\s*.{1,150}",
    r"click (here|to).{0,120}",
    r"tap (here|to).{0,120}",
    r"(watch|listen)\s*:?\s*(now|live|video)?",
]

# Headers of link lists: the header goes, and so do the short headline-like lines under it.
BLOCK_STARTERS = [
    r"leave a (reply|comment)( cancel reply)?",
    r"(\d+ )?(comments?|responses?|replies|discussion)( \(\d+\))?\s*:?",
    r"(join the (conversation|discussion)|what do you think\?|have your say)",
    r"(related|recommended|suggested|popular|latest|top|more)( articles| stories| news| content| coverage| reads| posts| reading)?\s*:?",
    r"(read|see) (more|also|next)\s*:?.{0,150}",
    r"(also read|also see|further reading|you (may|might) (also )?(like|be interested in)|don't miss|must read)\s*:?.{0,150}",
    r"more (from|on|in|about) .{1,60}",
    r"more on this (story|topic)\s*:?",
    r"(topics|tags|related topics|explore more on these topics|more about)\s*:?",
    r"(most (read|popular|viewed|shared|emailed)|trending( now| stories)?|editor'?s? picks?|top stories)\s*:?",
    r"(in other news|elsewhere|around the web|from our partners|promoted stories)\s*:?",
]

# A line of names only ("Jane Doe, John Roe", "Julian Borger in Washington", "Jane Doe in
# Brussels and Tom Hale in London"), read as the byline when it follows the headline.
_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
_PLACE = r"(?: in [A-Z][\w'’.-]+(?: (?:[A-Z][\w'’.-]+|de|da|do|del|la|le|of|upon|am|on|sur)){0,3})?"
NAMES_LINE = (
    rf"^(?P<names>{_NAME}{_PLACE}(?:(?:,| and|,? &) {_NAME}{_PLACE})*)"
    r"(?: in [A-Z][\w .'’-]{1,40})?$"  # a last place of any shape ("in Washington and London")
)
# Lower-case words allowed inside a byline of names ("Ann Example and Bo de la Cruz").
NAME_PARTICLES = [
    "and",
    "&",
    "de",
    "del",
    "della",
    "da",
    "di",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "du",
    "al",
    "el",
    "bin",
    "ibn",
    "y",
]

BYLINE = r"^(?:by|written by|words by|story by|reported by|reporting by)\s*:?\s+(?P<rest>.{2,160})$"
# Inside a byline, between its separators (",", "|", ";"): what joins two reporters
# ("Jane Doe and Carlos Ruiz"), where a reporter files from ("in London": a place, not a
# name), whom they write for ("for The Lantern Review"), and credits for further reporting
# ("with additional reporting by Carlos Ruiz"), whose names are kept. Case-sensitive: a
# place starts with a capital.
NAMES_AND = r"\s+(?:and|&)\s+"
NAMES_AND_WORD = "and"  # how the stored byline joins the last two names
BYLINE_PLACE = r"\s+in\s+(?=[A-Z])"
BYLINE_FOR = r"\s+for\s+"
BYLINE_CREDIT = (
    r"^(?:(?:with\s+)?(?:additional\s+|further\s+)?(?:reporting|research|contributions?|writing)\s+(?:by|from)"
    r"|with|and|&)\s+"
)
OUTLET_PREFIX = (
    r"^(?:source|via|from|courtesy(?: of)?|originally published (?:by|in|on|at))\s*:?\s+(?P<rest>.{2,80})$"
)
DATE_PREFIX = (
    r"^(?:(?:first |last )?(?:published|updated|posted|modified|last modified|date|dated|on)"
    r"(?:\s+(?:on|at))?\s*:?\s*)+"
)

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?,?"

# Common abbreviations on news pages; ambiguous ones (IST, CST) take the newsroom reading.
TIMEZONES = {
    "utc": 0, "gmt": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "ist": 330, "sgt": 480, "hkt": 480, "kst": 540, "jst": 540, "aest": 600, "aedt": 660,
    "et": -300, "est": -300, "edt": -240, "ct": -360, "cst": -360, "cdt": -300, "mt": -420,
    "mst": -420, "mdt": -360, "pt": -480, "pst": -480, "pdt": -420,
}  # fmt: skip

# Words that make a short capitalised line a publication's name even when we do not know the
# outlet ("The Lantern Review", "Gulf Standard"); people's names seldom contain them.
OUTLET_WORDS = """
news times post herald daily review journal tribune broadcasting broadcaster press wire gazette
observer standard telegraph courier ledger chronicle express mail star mirror weekly magazine tv
radio network media agency bulletin monitor insider inquirer edition online dispatch sentinel
independent globe today reporter examiner register record newsroom bureau channel
""".split()  # noqa: SIM905  (a word list reads better as text)

# A copyright notice at the foot of a page names the outlet that holds it ("Copyright 2019 The
# Klaxon. All rights reserved.", "© 2019 Paxwire Ltd", "(c) The Lantern Review 2019"). Only
# a line that starts with the mark counts: "Image copyright Reuters" credits a picture.
COPYRIGHT_LINE = r"^(?:(?:©|\(c\)|copyright)\s*:?\s*)+(?P<holder>.{2,200})$"
# What surrounds the holder's name in such a line: taken out before the name is read.
COPYRIGHT_NOISE = [
    r"all rights reserved\b.*",
    r"\b(?:19|20)\d\d(?:\s*[-–—/]\s*(?:19|20)?\d\d)?\b",
    r"\b(?:ltd|limited|inc|incorporated|llc|plc|group|corp|corporation|gmbh)\b\.?",
]

# "SEOUL (Reuters) -", "WASHINGTON, Jan 18 (AP) —": the wire service that filed the story.
WIRE_DATELINE = r"^[A-Z][A-Za-z .,'/-]{1,60}?\s*\((?P<outlet>[A-Za-z][A-Za-z .&'-]{1,40})\)\s*[-–—:]"
