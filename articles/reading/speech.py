"""The verbs that report speech: a quote's speaker is their subject, and a name that is their
subject speaks (so it is a person or a body, not a place)."""

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
