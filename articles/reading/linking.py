"""One canonical entity per person, organisation and place of a report, every mention linked
to it: a surname to the full name, a short form to the body it spells, spelling variants
merged. Which names are one entity is identity.py's to say."""

from collections import defaultdict
from types import ModuleType

from .gazetteer import is_place_name
from .identity import (
    ORGANISATION,
    PERSON,
    PLACE,
    SUFFIXES,
    core_tokens,
    generation,
    initials,
    name_parts,
    org_key,
    person_key,
    place_key,
    same_entity,
    same_generation,
    same_person,
    spanish_given_and_surnames,
)
from .mention import Entity, Mention
from .names import name_key


def link_mentions(mentions: list[Mention], lang: ModuleType) -> list[Entity]:
    """Canonical entities of a report's mentions; each mention's .entity is set."""
    entities: list[Entity] = []
    by_key: dict[str, int] = {}

    def add(mention: Mention, key: str, name: str, kind: str) -> None:
        index = by_key.get(key)
        if index is None:
            index = len(entities)
            by_key[key] = index
            entities.append(Entity(key, name, kind))
        mention.entity = index
        entities[index].mentions.append(mention)

    people = [m for m in mentions if m.kind == PERSON]
    full = [m for m in people if len(name_parts(m.text)) >= 2]
    # People named in full: one entity per first + last name; the fullest spelling names it.
    for mention in full:
        tokens = core_tokens(mention.text)
        known = next(
            (
                e
                for e in entities
                if (
                    same_person(tokens, core_tokens(e.name)) or _one_more_surname(tokens, core_tokens(e.name))
                )
                and same_generation(mention.text, e.name)
            ),
            None,
        )
        key = known.key if known else person_key(mention.text)
        add(mention, key, mention.text, PERSON)
    for entity in entities:
        # The first spelling names the person, unless a later one adds to it ("Jesse Jackson
        # Jr." after "Jesse Jackson"); a variant spelling is not an addition.
        for mention in entity.mentions[1:]:
            # "Carlos Ghosn Bichara", his name in official records, adds a surname he is not
            # known by: the name the report goes on using stays.
            added_surname = mention.text.startswith(entity.name + " ") and generation(mention.text) == ""
            if set(entity.name.split()) < set(mention.text.split()) and not added_surname:
                entity.name = mention.text
    last_names: dict[str, list[Mention]] = defaultdict(list)
    first_names: dict[str, list[Mention]] = defaultdict(list)
    # "Alejandro Ruelas Montiel" ... "Mr Ruelas": a Spanish name of three words carries the
    # father's surname second and the mother's last, and a report goes on with the father's.
    fathers_surnames: dict[str, list[Mention]] = defaultdict(list)
    for mention in full:
        core = name_parts(mention.text)
        last_names[name_key(core[-1])].append(mention)
        first_names[name_key(core[0])].append(mention)
        if len(core) == 3:
            fathers_surnames[name_key(core[1])].append(mention)
        elif len(core) == 4 and spanish_given_and_surnames(mention.text):
            # "Julio César Quispe Huamán ... Quispe said": two given names, then the two surnames
            fathers_surnames[name_key(core[2])].append(mention)
    for mention in people:
        if mention.entity >= 0:
            continue
        core = name_parts(mention.text)
        if not core:
            continue
        # The surname of one person named in full (else, East Asian order, the family name of
        # one); the person named last before it when several are, and nobody when the text
        # cannot tell ("Kim" beside Kim Jong-un and Kim Yong-chol).
        word = name_key(core[-1])
        candidates = last_names.get(word) or first_names.get(word) or []
        if not candidates and len(core) == 1:
            candidates = fathers_surnames.get(word, [])
        keys = {entities[m.entity].key for m in candidates}
        if len(keys) > 1 and len({core_tokens(m.text) for m in candidates}) > 1:
            # "Callum Ashby-Reid ... Ashby-Reid said ... his mum, Karen Ashby-Reid": before the
            # second is named, the surname can only be the first's
            before = [m for m in candidates if m.start < mention.start]
            if len({entities[m.entity].key for m in before}) > 1:
                # "Saunders ... his mother, Bernice Saunders, ... Saunders told reporters": one
                # brought in as the other's relative is called otherwise; the surname stays the
                # other's
                introduced = {entities[m.entity].key for m in before if m.relative}
                before = [m for m in before if entities[m.entity].key not in introduced] or before
            if len({entities[m.entity].key for m in before}) != 1:
                continue
            candidates = before
            keys = {entities[m.entity].key for m in before}
        # A father and son of one name ("Jr."/"Sr."): the surname alone is the one named first.
        if keys:
            target = entities[candidates[0].entity]
            add(mention, target.key, target.name, PERSON)
        else:
            add(mention, person_key(mention.text), mention.text, PERSON)
    # A lone word the model calls a person, never titled, named in full or seen acting as a
    # person ("..., Obama said") is as often a place, a firm, a cause or an ordinary word
    # ("central Riverton", "Turnout was", "deliver Brexit", "the Maidan revolution"), however
    # often it is written: left out.
    for entity in entities:
        lone = entity.kind == PERSON and all(len(name_parts(m.text)) < 2 for m in entity.mentions)
        if lone and not any(m.titled or m.acts for m in entity.mentions):
            entity.kind = ""
        elif lone and not any(m.titled for m in entity.mentions) and is_place_name(entity.name):
            # "how stuck Westminster is", "what Chartres did", "Ajax looked crushed": a town's
            # name acting is its council, club or church as often as a person; only a title
            # ("Mr Jackson") makes it someone. Left out, not made a place: it is often a club.
            entity.kind = ""
    organisations = [m for m in mentions if m.kind == ORGANISATION]
    long_names = {
        letters: m
        for m in organisations
        if len(m.text.split()) >= 2
        for letters in (initials(m.text, lang, hyphen_parts=False), initials(m.text, lang))
    }
    by_text = {m.text: m for m in organisations}
    for mention in organisations:
        short = mention.text.replace(".", "")
        target = long_names.get(short.lower()) if short.isupper() and len(short) >= 2 else None
        source = target or by_text.get(mention.long_form) or mention
        add(mention, org_key(source.text, lang), source.text, ORGANISATION)
    # "B.C." beside "British Columbia": a place written as dotted capitals is the place of two or
    # more words whose initials they spell, when the report names it.
    places = [m for m in mentions if m.kind == PLACE]
    long_places = {initials(m.text, lang): m for m in places if len(m.text.split()) >= 2}
    for mention in places:
        target = long_places.get(mention.text.replace(".", "").lower()) if _dotted(mention.text) else None
        source = target or mention
        add(mention, place_key(source.text, lang), source.text, PLACE)
    entities = _merged([e for e in entities if e.kind], lang)
    for entity in entities:
        if entity.kind == PERSON and _shouted(entity.name):
            entity.name = _person_cased(entity.name, entity.mentions)
        elif entity.kind == PLACE and _shouted(entity.name):
            # "HANOI (Paxwire) —" then "in Hanoi": named as the report writes it in its sentences
            entity.name = next(
                (
                    m.text
                    for m in entity.mentions
                    if m.text.casefold() == entity.name.casefold() and not _shouted(m.text)
                ),
                entity.name,
            )
        elif entity.kind == PLACE and entity.name.lower() in lang.STATE_ABBREVIATIONS:
            # "Sen. Ann Lee (D-Md.)" then "in Maryland": named by the state's full name
            entity.name = next(
                (m.text for m in entity.mentions if m.text.lower() not in lang.STATE_ABBREVIATIONS),
                entity.name,
            )
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: e.mentions[0].start)
    for index, entity in enumerate(entities):
        for mention in entity.mentions:
            mention.entity = index
    return entities


def _dotted(text: str) -> bool:
    """ "B.C.", "N.S.W.": capitals each followed by a full stop."""
    return len(text) >= 4 and all(ch.isupper() for ch in text[0::2]) and set(text[1::2]) == {"."}


def _one_more_surname(tokens: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Whether one full name is the other with one more word at its end ("Carlos Ghosn" /
    "Carlos Ghosn Bichara", his name in official records). Within one report only: across
    reports "Kwabena Asante" may be someone else than "Kwabena Asante Mensah"."""
    short, long = sorted((tokens, other), key=len)
    return len(short) >= 2 and len(long) == len(short) + 1 and long[: len(short)] == short


def _shouted_word(word: str) -> bool:
    # A generational suffix ("III", "IV") is written in capitals; it is not shouting.
    return len(word) > 2 and word.isupper() and word.lower() not in SUFFIXES


def _shouted(name: str) -> bool:
    return any(_shouted_word(word) for word in name.split())


def _person_cased(name: str, mentions: list[Mention]) -> str:
    """A person's name as a reader expects it, not as a tabloid shouts its first words
    ("DONALD Trump"): the same name written in ordinary case elsewhere, else each shouted word
    capitalised."""
    for mention in mentions:
        if mention.text.casefold() == name.casefold() and not _shouted(mention.text):
            return mention.text
    return " ".join(word.capitalize() if _shouted_word(word) else word for word in name.split())


def _merged(entities: list[Entity], lang: ModuleType) -> list[Entity]:
    """Entities of one report that same_entity takes as one ("Chugach Electric Association" and
    "Chugach Electric"; a full name typed once as a person and once as an organisation) merged
    into the one named first; a person absorbs an organisation, not the other way round."""
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.kind != PERSON, e.mentions[0].start)):
        if entity.kind == PERSON and len(core_tokens(entity.name)) < 2:
            kept.append(entity)  # bare surnames were linked already, by position
            continue
        target = next(
            (
                k
                for k in kept
                if same_entity(
                    {"name": k.name, "kind": k.kind}, {"name": entity.name, "kind": entity.kind}, lang
                )
            ),
            None,
        )
        if target is None:
            kept.append(entity)
        else:
            target.mentions.extend(entity.mentions)
    return kept
