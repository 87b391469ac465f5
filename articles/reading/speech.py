"""The verbs that report speech: a quote's speaker is their subject, and a name that is their
subject speaks (so it is a person or a body, not a place)."""

from types import ModuleType

SPEECH_LEMMAS = frozenset(
    """say tell add ask state declare write note explain argue insist warn claim reply respond
    announce continue recall suggest acknowledge admit conclude predict tweet post remark observe
    comment urge caution confirm deny vow pledge promise complain testify quip concede boast
    scoff shout tout lament call describe dub brand label hail slam blast sob cry scream yell
    whisper exclaim plead beg joke sigh fume snap gush rail blame accuse dismiss shrug laugh
    chuckle smile grin rage storm thunder bellow growl roar mutter murmur stress emphasise
    emphasize retort counter assert maintain contend reveal recount brag gloat sneer rant""".split()
)

# Offices one person holds in a story: "the president said" is the one person the report names
# with that title ("President Donald Trump"), when it names only one so.
ROLE_NOUNS = frozenset(
    """president premier chancellor governor mayor pope king queen senator congressman
    congresswoman chairman chairwoman judge sheriff coach manager ambassador envoy commissioner
    minister""".split()
)
# Lower-case nouns for someone who speaks for another ("A spokesman for the European Council
# President, Donald Tusk, said ..."): as the subject near a named person, "he said" after it
# may be either of them.
PROXY_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson aide adviser advisor official representative lawyer source".split()
)


def short_family_name(doc, i: int, lang: ModuleType) -> bool:
    """Whether token i is a Korean or Chinese family name of two or three letters that is also
    an English word to the tagger ("Go", "Do", "No", "Oh", "An"), where a speaker is named:
    capitalised in mid-sentence, outside any entity, right after a verb of speech or "according
    to" ("said Go Myong-hyun", "according to Do Hyun-min"). No title ("Mr", "Dr") and no date
    ("Sunday": an entity) passes."""
    if i < 1 or i >= len(doc) - 1:
        return False
    word, before = doc[i], doc[i - 1]
    speaker_slot = (before.pos_ == "VERB" and before.lemma_.lower() in SPEECH_LEMMAS) or (
        before.lower_ == "to" and i >= 2 and doc[i - 2].lower_ == "according"
    )
    return (
        speaker_slot
        and 2 <= len(word.text) <= 3
        and word.is_alpha
        and word.is_title
        and not word.is_sent_start
        and word.whitespace_ == " "
        and word.ent_type_ == ""
        and word.lower_ not in lang.TITLES
    )
