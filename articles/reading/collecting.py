"""The typed mentions of one report's names: spaCy's entities cleaned, retyped and completed.

The statistical model's spans are cut to the name inside them (spans.py), dropped when they
name nothing a reader would list (not_names.py), retyped from what the text says around them
(people.py, place_cues.py, body_cues.py, kinds.py), completed with the names the model left
untagged (places.py, speaking_names.py, surnames.py, short_forms.py), and the report as a
whole votes on each name's kind. Plain Python, no Django.
"""

import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from types import ModuleType

from .body_cues import (
    before_its_members,
    generic_body,
    names_a_business,
    names_a_party,
    names_bodies,
    portfolio_before_country,
    told_the,
    two_bodies,
    with_mixed_initials,
    with_untagged_organisations,
    with_untagged_parties,
)
from .currencies import is_currency_code
from .gazetteer import is_place_name
from .identity import (
    ORGANISATION,
    PERSON,
    PLACE,
    POSSESSIVE,
    is_first_name,
    known_place,
    name_parts,
    spanish_given_and_surnames,
    spells_initials,
)
from .kin import RELATIVE_WORDS, honorific_before, introduced_as_relative, owns_a_relative
from .kinds import (
    company_stem,
    described_kind,
    kind_by_shape,
    marked_as_a_body,
    retyped,
    spatial_before,
)
from .mention import Mention
from .not_names import (
    DESCRIBING,
    LETTERED_SUM,
    RANKING,
    a_peoples_word,
    after_a_measure,
    benchmarks_named,
    counts_a_group,
    inside_title,
    listed_with_peoples,
    measures_named,
    model_number,
    named_before,
    names_a_day_or_an_office,
    names_a_portfolio,
    names_a_race,
    names_a_series,
    names_premises,
    opening_word,
    opens_a_quote,
    opens_with_a_feature,
    owned_thing,
    party_nickname_as_adjective,
    vessels_named,
    without_index_word,
)
from .organisations import (
    body_possessor,
    joined_entities,
    person_possessor,
    place_owner,
    untagged_lead,
    venue_start,
    without_possessor,
)
from .people import (
    after_a_title,
    gaelic_name,
    names_a_group,
    names_no_one,
    opens_with_a_common_word,
    opens_with_a_country,
    person_is_plausible,
    rank_after_initials,
    someones_name,
    title_inside_a_body,
    titled_name,
    vietnamese_name_after_a_body,
    with_judicial_styles,
    without_epithets,
)
from .place_cues import (
    based_in,
    end_of_a_voyage,
    known_place_not_person,
    landmark_after_the,
    locative_before,
    lone_place_word,
    people_word_as_place,
    places_in_apposition,
    range_end_of,
    site_or_river,
    town_gone_to,
    town_of_its_people,
    town_set_beside_a_place_noun,
)
from .places import (
    colon_dateline,
    hometowns_after_an_age,
    hyphenated_places,
    is_dateline,
    listed_places,
    party_state_tags,
    place_then_someone,
    places_by_conjunction,
    untagged_dateline,
    untagged_divisions,
    untagged_places_after_in,
    with_countries,
)
from .short_forms import made_of_the_words, short_form_after, short_name_after, with_short_name_mentions
from .spans import (
    LEADING,
    article_in_the_name,
    before_a_title,
    extended_end,
    first_name_start,
    hyphenated_end,
    name_end,
    owned_name_end,
    particle_start,
    strip_span,
    without_possessive,
)
from .speaking_names import with_untagged_aged_names, with_untagged_speakers
from .speech import SPEECH_LEMMAS
from .surnames import surnames_of, with_surname_mentions

LABELS = {
    "PERSON": PERSON,
    "ORG": ORGANISATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
}

_ACTING = frozenset({"nsubj", "nsubjpass", "agent"})


def speaks_though_no_known_place(doc, start: int, end: int, lang: ModuleType) -> bool:
    """Whether a one-word name the model calls a place is the subject of a speech verb and no
    place the gazetteer or the lists know: a town that speaks is its council or its government
    ("Beijing said"), and those are known places; an unknown one is a body ("Earthjustice
    called the cancellation ...")."""
    root = doc[start:end].root
    if end - start != 1 or root.dep_ not in ("nsubj", "nsubjpass") or doc[start].is_upper:
        return False
    verb = root.head
    word = doc[start].text
    unaccented = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
    if is_first_name(word) or is_first_name(unaccented):
        return False  # 'said Amélia, a domestic worker from Beira': someone named by her first name
    described = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if any(c.lower_ not in lang.BODY_NOUNS for c in described):
        return False  # "X, a domestic worker, said": someone, whatever the name
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in SPEECH_LEMMAS
        and not is_place_name(word)
        and not known_place(word, lang)
    )


def collect_mentions(doc, sentence_starts: list[int], lang: ModuleType) -> list[Mention]:
    """Cleaned, typed mentions of doc (a spaCy Doc of the report's body), in text order."""
    raw: list[tuple[int, int, str, bool]] = []
    lowercase_words = {t.text for t in doc if t.is_lower}
    joined = joined_entities(doc, lang)
    # Names the model tags on their own somewhere in the report ("Nissan"), without an article;
    # not a piece the joins above found to be part of a longer name ("South African Transport").
    pieces = {(ent.start, ent.end) for ent in doc.ents} - {(s, e) for s, e, _ in joined}
    named_alone = {
        (ent[1:] if ent[0].lower_ in LEADING else ent).text
        for ent in doc.ents
        if ent.label_ in LABELS
        and not (
            (ent.start, ent.end) in pieces
            and any(s <= ent.start + (ent[0].lower_ in LEADING) and ent.end <= e for s, e, _ in joined)
        )
    }
    # "Hurricane Delphine" once makes every "Delphine" of the report the storm.
    not_people = set()
    # "737 Max" once makes every "Max" of the report the jet, tagged there or not.
    not_people.update(t.text for t in doc[1:] if model_number(doc[t.i - 1].text) and t.text[:1].isupper())
    # "Cyclone Shapla" left untagged still makes a later "Shapla weakened" the storm.
    not_people.update(
        t.text
        for t in doc[1:]
        if doc[t.i - 1].lower_ in lang.NOT_PERSON_BEFORE and t.text[:1].isupper() and t.ent_iob_ == "O"
    )
    for ent in doc.ents:
        if ent.start > 0 and doc[ent.start - 1].lower_ in lang.NOT_PERSON_BEFORE:
            not_people.add(ent.text)
        elif len(ent) > 1 and ent[0].lower_ in lang.NOT_PERSON_BEFORE:
            # the model took "Hurricane Delphine" (or "Cyclone Kenneth's") whole
            named = without_possessive(ent)
            not_people.update((named.text, named[1:].text))

    # "Brent crude", "the Hang Seng Index" once make every "Brent", "Hang Seng" of the report a
    # benchmark: an index or a grade, which no reader lists as a body.
    benchmarks = benchmarks_named(doc, lang)
    # "the Nipah virus", "Lassa fever" once make every "Nipah", "Lassa" of the report the illness,
    # whatever the model called it there (a body, a town, someone).
    illnesses = named_before(doc, lang.DISEASE_NOUNS)
    # "the Monetary Policy Rate (MPR)", "the cash reserve ratio (CRR)": measures and common terms
    measures = measures_named(doc, lang)
    vessels = vessels_named(doc, lang)  # "the tanker Coral Meridian": a ship
    taken_until = 0  # a span an earlier name ran on through ("... and Monuments") is taken
    plural_names: set[str] = set()  # "Spurs" written once as a plural: a team wherever it stands
    for ent_start, ent_end, label in joined:
        if (
            ent_end - ent_start >= 3
            and doc[ent_end - 1].lower_ in ("%", "percent")
            and doc[ent_end - 2].like_num
            and doc[ent_end - 3].text[:1].isupper()
        ):
            # "voters gave Thibodeaux 58% of the vote": a name, then a share the model ran into it
            ent_end -= 2
        ent = doc[ent_start:ent_end]
        kind = LABELS.get(label)
        if (
            kind is None
            and label in ("PRODUCT", "WORK_OF_ART", "NORP")
            and (label != "NORP" or ent.root.tag_ == "NNP")
            and told_the(doc, ent_start, ent_end)
        ):
            # "sources told the Courier", "she told the Dispatch": a paper, whatever the model
            # called it (a people is told as "the Americans", a plural)
            kind = ORGANISATION
        party = names_a_party(doc, ent_start, ent_end, lang)
        if party:
            kind = ORGANISATION  # "the Liberal Democrats", "Nationals leader ...": a people or an event to the model
        if lang.ROAD_SHORT_FORM.fullmatch(ent.text):
            kind = PLACE  # "I-75": an interstate, a product to the model
        if (
            kind is None
            and label in ("LAW", "WORK_OF_ART", "PRODUCT", "EVENT")
            and opens_with_a_feature(ent, lang)
        ):
            kind = PLACE  # "the River Ribble", "Lake Tana": a river or a lake, a law to the model
        if (
            kind is None
            and label in ("WORK_OF_ART", "PRODUCT", "EVENT")
            and len(ent) >= 2
            and ent[-1].lower_ in lang.PLACE_SUFFIXES
        ):
            kind = PLACE  # "SaxaVord Spaceport", "Mohammed V Airport": a product to the model
        if kind is None and label == "NORP" and people_word_as_place(doc, ent, lowercase_words, lang):
            kind = PLACE  # "inspections are weak in Punjab", "Islanders in South Uist": somewhere
        if (
            kind is None
            and label in ("DATE", "PRODUCT", "WORK_OF_ART", "EVENT")
            and is_place_name(ent.text)
            # "in March", "in Spring": the month or the season, not the town
            and ent.text.lower()
            not in {*lang.MONTHS, *lang.WEEKDAYS, "spring", "summer", "autumn", "winter", "fall"}
            and (
                people_word_as_place(doc, ent, lowercase_words, lang)
                or town_set_beside_a_place_noun(doc, ent, lang)
            )
        ):
            kind = PLACE  # "a news conference in Montevideo": a date to the model
        if kind is not None and any(unicodedata.category(ch) == "Sc" for ch in ent.text):
            continue  # "GH¢180 million": a sum of money, a body to the model
        if kind == PLACE and a_peoples_word(doc, ent):
            continue  # "a 58-year-old Ukrainian citizen": a people's word, a place to the model
        if kind is not None and party_nickname_as_adjective(ent, lang):
            continue  # "one GOP moderate said": a party's nickname as an adjective, no body
        if kind is None or ent_start < taken_until:
            continue
        if places := hyphenated_places(doc, ent.start, ent.end, lang):
            raw.extend(places)  # "the Aranyaprathet-Poipet border crossing": two towns, one body to the model
            taken_until = ent.end
            continue
        if names_a_race(ent, lang):
            continue  # "the Tour of Flanders": a race, a building to the model
        if without_possessive(ent).text in not_people and kind != PLACE:
            continue  # "Hurricane Delphine", "Operation Sandstorm", "737 Max": a storm, a plan, a jet
        after = [t.lower_ for t in doc[ent.end : ent.end + 2] if t.is_title]
        if kind == PLACE and (" ".join(after) in lang.COURT_TITLE_PHRASES or after[:1] == ["courthouse"]):
            continue  # "U.S. District Judge Adaeze Holloway": the place of a court's title, not listed
        if len(ent) == 1 and is_currency_code(ent.text) and ent.end < len(doc) and doc[ent.end].like_num:
            continue  # "NOK 3.9 billion": a currency's code before its figure, a body to the model
        if without_possessive(ent).text.lower().removeprefix("the ") in lang.INDUSTRY_NICKNAMES:
            continue  # "Big Pharma sells it for a fortune": an industry, no body
        if len(ent) == 1 and ent.text.lower().strip(".") in lang.NOT_ACRONYMS:
            continue  # "GMT", "CEO": units, time zones and roles
        if after_a_measure(doc, ent.start, lang):
            continue  # "116 degrees Fahrenheit": a scale, no body
        if counts_a_group(ent):
            continue  # "the seven Britons": how many of a people, no name
        described = ent[0].lower_ in DESCRIBING or (ent.start > 0 and doc[ent.start - 1].lower_ in DESCRIBING)
        if len(ent) == 1 and (kind == PERSON or (kind == ORGANISATION and ent.text.isupper())):
            # "a no-deal Brexit could cause", "a real-estate PAC": the article the parse hangs on
            # the word (not "a Republican Senate", which is still the Senate)
            described = described or any(
                c.dep_ == "det" and c.lower_ in DESCRIBING and c.i < ent.start for c in ent.root.children
            )
        if (
            len(ent) == 1
            and kind == ORGANISATION
            and ent[0].is_title
            and (ent[0].pos_ == "NOUN" or ent.root.dep_ in ("conj", "attr", "appos"))
        ):
            # "a former sheriff and a retired Marine": one member, a common noun to the parse or
            # said of someone, with an article and lower-case words (not "a Republican Senate",
            # whose capitalised word names a party, nor "a new Congress met", a body acting)
            article = [c for c in ent.root.children if c.dep_ == "det" and c.i < ent.start]
            described = described or (
                bool(article)
                and article[0].lower_ in ("a", "an")
                and ent.start - article[0].i >= 2
                and all(t.is_lower and t.pos_ in ("ADJ", "VERB") for t in doc[article[0].i + 1 : ent.start])
            )
        names_next = ent.end < len(doc) and doc[ent.end].pos_ in ("NOUN", "PROPN")
        # "the first Latina to lead the university": one of a kind described, no name
        described = described or (
            len(ent) == 1
            and ent.start >= 2
            and doc[ent.start - 1].lower_ in RANKING
            and doc[ent.start - 2].lower_ == "the"
        )
        if described and not names_next and (kind == PERSON or len(ent) == 1):
            # "a Tory Brexiteer said", "A State may not": a description or a common noun (names
            # take no indefinite article), unless the name describes what follows ("a Bruno
            # Ferreira da Silva penalty", "a Duluth mayor").
            continue
        if kind == PLACE and (lead := portfolio_before_country(doc, ent, lang)) is not None:
            # "Environment Canada", "Statistics Canada": a government department, not the country
            raw.append((lead, ent.end, ORGANISATION, False))
            taken_until = ent.end
            continue
        if kind == PERSON and (rank := rank_after_initials(ent, lang)) is not None:
            # "RCMP Cpl. Dana Whitford": the force's initials, then a rank; the name follows
            raw.append((ent.start, rank, ORGANISATION, False))
            taken_until = ent.end
            continue
        if kind is not None and (comma := place_then_someone(doc, ent, lang)) is not None:
            # "in Junin, Julio Quispe, said": the place, then the person set beside it
            raw.append((ent.start + (doc[ent.start].lower_ in LEADING), comma, PLACE, False))
            ent_start, ent, kind = comma + 1, doc[comma + 1 : ent_end], PERSON
        if kind == ORGANISATION and (title := title_inside_a_body(ent, lang)) is not None:
            # "Central Bank of Chile President Verónica Echeñique Larraín": the body, then the
            # person who holds the title, in one span to the model
            raw.append((ent.start + (doc[ent.start].lower_ in LEADING), title, ORGANISATION, False))
            ent_start, ent, kind = title, doc[title:ent_end], PERSON
        if kind == ORGANISATION and (named := vietnamese_name_after_a_body(ent, lang)) is not None:
            # "the Bắc Ninh Provincial People’s Committee Nguyễn Văn Thành": the body, then its head
            raw.append((ent.start + (doc[ent.start].lower_ in LEADING), named, ORGANISATION, False))
            ent_start, ent, kind = named, doc[named:ent_end], PERSON
        if kind == ORGANISATION and (titled_name(ent, lang) or after_a_title(doc, ent, lang)):
            kind = PERSON  # "General Brent Dufresne", "Governor [Laurent Desrochers]": an organisation to the model
        marked = kind == ORGANISATION and someones_name(doc, ent, lang)
        if marked:
            kind = PERSON  # "Marcus Hale's sister", "Marcus Hale, 34,": an organisation to the model
        end = hyphenated_end(doc, ent.start, extended_end(doc, ent.start, ent.end, kind, lang))
        if kind == ORGANISATION:
            start = without_possessor(doc, untagged_lead(doc, ent.start, end, lang), end, lang)
        else:
            start = first_name_start(doc, ent.start, kind, lang)
            if kind != ORGANISATION and doc[end - 1].lower_ in lang.PLACE_SUFFIXES and doc[end - 1].is_title:
                # "the Elvis Presley Birthplace", "the Governor's Mansion": a venue named after
                # someone or an office, which the model starts late
                start = venue_start(doc, untagged_lead(doc, start, end, lang), end, lang)
            if kind == PERSON and (particle := particle_start(doc, start, lang)) < start:
                # "[Marc-Andre] ter [Stegen]": one name, whatever the model made of its parts
                start = particle
                raw = [r for r in raw if r[1] <= start or r[0] >= end]
        saint = doc[start].text.rstrip(".") in ("St", "Saint")  # "St Sebastian's Church": no owner
        owner_end = person_possessor(doc, start, end, lang) if kind == ORGANISATION and not saint else None
        if owner_end is not None:
            # "Theresa May's Brexit": her name first; "Saudi Aramco's Abqaiq plant": a body's
            owner = [t.text for t in doc[start:owner_end]]
            raw.append((start, owner_end, ORGANISATION if opens_with_a_country(owner) else PERSON, False))
            start = owner_end + 1
        elif kind == ORGANISATION and (owner_end := body_possessor(doc, start, end, lang)) is not None:
            # "the Central Bank of Nigeria's Monetary Policy Committee": two bodies, each named
            raw.append((start + (doc[start].lower_ in LEADING), owner_end, ORGANISATION, False))
            start = owner_end + 1
        elif kind == ORGANISATION and (owner_end := place_owner(doc, start, end, lang)) is not None:
            # "Christie’s King Street saleroom": the body, then the street it stands in
            raw.append((start + (doc[start].lower_ in LEADING), owner_end, ORGANISATION, False))
            start, kind = owner_end + 1, PLACE
        if kind != PERSON:
            end = name_end(doc, start, end, lang)  # "CARACAS (Paxwire) -", "Pangkal Pinang on Bangka"
        if kind == ORGANISATION and end - start >= 3 and end < len(doc) and model_number(doc[end].text):
            # "An Ethiopian Airlines Boeing 737 MAX": the operator, then the maker of the model
            operator = start + (doc[start].lower_ in LEADING)  # "The Lion Air Boeing 737"
            raw.append((operator, end - 1, ORGANISATION, False))
            start = end - 1
        if (
            kind == ORGANISATION
            and end - start == 1
            and end < len(doc)
            and doc[end].lower_ in ("family", "families", "clan", "dynasty")
            and doc[end - 1].head.i == end
        ):
            continue  # "The Isaksen family, which owns Arktisk": a family by its surname, no body
        if kind == ORGANISATION and owned_thing(doc, start, end):
            continue  # "her Honda was struck": a car she owned, named by its maker
        if kind == ORGANISATION and before_its_members(doc, end):
            continue  # "House Republicans", "Senate Democrats": a group of members, not the body
        if kind == ORGANISATION and names_a_series(doc, start, end):
            continue  # "the FTSE 100", "the Boeing 787": an index, a product, not the body itself
        if kind == ORGANISATION and end - start >= 2 and model_number(doc[end - 1].text):
            end -= 1  # "a Lion Air 737": the operator, without its plane's model
        if (
            kind == PERSON
            and end - start >= 2
            and doc[end - 1].is_lower
            and doc[end - 1].lower_ in lang.PLACE_SUFFIXES
        ):
            kind = PLACE  # "Mohammed V airport": a place named after someone
        start, end, titled = strip_span(doc, start, end, kind, lang)
        if kind != PERSON and without_index_word(doc[start:end]) in benchmarks:
            continue  # "Brent crude", "Hang Seng Index"
        if without_possessive(doc[start:end]).text.removeprefix("the ") in illnesses:
            continue  # "the Nipah virus", "Nipah, which bats carry": an illness
        if kind != PERSON and (
            doc[start:end].text in measures or LETTERED_SUM.fullmatch(doc[start:end].text)
        ):
            continue  # "the Monetary Policy Rate", "the cash reserve ratio (CRR)", "N1,482": no body
        if doc[start:end].text in vessels or (
            kind != PERSON and not party and listed_with_peoples(doc, start, end)
        ):
            continue  # "the tanker Coral Meridian", "Americans, Italians, Britons": a ship, a people
        if (
            kind == ORGANISATION
            and end - start == 1
            and ent.end > end
            and doc[end].lower_ in POSSESSIVE
            and not (end + 1 < len(doc) and doc[end + 1].pos_ in ("NOUN", "PROPN", "ADJ", "NUM"))
        ):
            end += 1  # "underwriters at Lloyd's have": the "'s" is the name's, it owns nothing
        if kind != PERSON:
            end = before_a_title(doc, start, end, lang)  # "Wabasha County Sheriff Marcus Delahoussaye"
        titled = titled or marked  # a person's marks weigh as a title does against the model's label
        if start >= end or inside_title(doc, start, end, lang):
            continue
        words = [t.text for t in doc[start:end] if not t.is_space]
        if not words or not any(ch.isupper() for ch in "".join(words)):
            continue
        if (
            len(words) == 1
            and words[0].isupper()
            and len(words[0]) > 4
            and words[0].lower() in lowercase_words
        ):
            continue  # a shouted word ("GREEDY") that the text also uses as an ordinary word
        kind = kind_by_shape(words, kind, lang)
        if (
            len(words) >= 2
            and words[0] in lang.FOREIGN_BODY_OPENERS
            and words[-1].lower() not in lang.PLACE_SUFFIXES
        ):
            kind = ORGANISATION  # "Frente Amplio", "Banco de Portugal": a body's name left in its language
        if kind != ORGANISATION and names_a_business(doc, start, end, words, lang):
            kind = ORGANISATION
        if kind != PERSON and gaelic_name(words, lang):
            kind = PERSON  # "Seán Óg Kearney", "Ó Floinn's goal": an organisation to the model
        if kind != PLACE and words[-1].lower() in lang.LAW_WORDS:
            continue  # "the Renters' Reform Bill", "British Museum Act": a law, no one
        # "Dutch rider Sem Kuipers": a job or a title before the name says it is someone's,
        # though the tagger reads a surname ending in -s as a plural
        someone = titled or (len(words) >= 2 and described_kind(doc, start, lang) == PERSON)
        if kind == PERSON and doc[end - 1].tag_ in ("NNPS", "NNS") and not someone:
            plural_names.add(doc[start:end].text)
        if kind != ORGANISATION and told_the(doc, start, end):
            kind = ORGANISATION  # "Abernathy told the Siren": a paper or a body, not someone or somewhere
        if kind == PERSON and not someone and landmark_after_the(doc, start, end):
            kind = PLACE  # "crashed on the Koppenberg": a climb, no one
        if kind == PERSON and not someone and names_no_one(doc, start, end):
            continue  # "Spurs", "the Houthis", "Sri Lankan police": a team, a group, a people
        if kind == PERSON and names_premises(doc, start, end, lang):
            continue  # "the Cinnamon Grand hotel", "the group's Al Masirah television": no one
        if kind == PERSON and saint:
            kind, end = PLACE, owned_name_end(doc, end)  # "St Anthony's Shrine": a church
        elif kind == PERSON and opens_with_a_country(words):
            continue  # "Saudi Aramco", "United Airlines": a country's word opens no one's name
        if kind == ORGANISATION and len(words) == 1 and generic_body(words[0], lang):
            continue  # "Council races", "Police said": a kind of body, not one named
        if kind != PERSON and names_a_day_or_an_office(doc, start, end, lang):
            continue  # "Easter Sunday", "the Archbishop of Colombo": a day, an office
        if kind == PLACE and (listed := listed_places(doc, start, end, lang)):
            raw.extend((s, e, PLACE, False) for s, e in listed)  # "Blackheath and Mount Victoria"
        elif kind == ORGANISATION and (pair := two_bodies(doc, start, end, named_alone, lang)):
            raw.extend(pair)  # "Renault, Nissan and Mitsubishi Motors", "Indonesia and Ethiopian Airlines"
        else:
            raw.append((start, end, kind, titled))
        taken_until = end
    if (dateline := untagged_dateline(doc, raw)) is not None:
        raw.insert(0, (*dateline, PLACE, False))  # "ABUJA (Equatorial Wire) —": where it was filed
    raw = with_untagged_organisations(doc, raw, lang)
    raw = with_untagged_parties(doc, raw, lang)  # "after Nationals MP Graham Peters resigned"
    raw = with_mixed_initials(doc, raw, lang)  # "The DfE said"
    raw = sorted(raw + untagged_places_after_in(doc, raw, lang))  # "the centre in Salmon Arm"
    raw = sorted(raw + untagged_divisions(doc, raw, lang))  # "Yurihonjo, Akita Prefecture"
    raw = party_state_tags(doc, raw, lang)  # "Sen. Cole Whitaker (R-Texas)": the state he serves
    raw = hometowns_after_an_age(doc, raw, lang)  # "DeShawn Barksdale, 34, of Whitehall,"
    raw = with_judicial_styles(doc, raw)  # "Lord Justice Pemberton-Hale said"
    # "to Niue" (a person to the model), an untagged "Tuvalu": countries' names are places
    raw = with_countries(doc, raw, surnames_of(doc[s:e].text for s, e, k, _ in raw if k == PERSON), lang)
    raw = with_untagged_speakers(doc, raw, lang)
    raw = with_untagged_aged_names(doc, raw, lang)  # "Anwen Price-Jenkins, 29,": someone
    marked_places, appositive_places = places_in_apposition(doc, raw, lang)
    raw = sorted(raw + appositive_places)  # "in Oia, the village famous for its sunsets"
    # "sail to Crete", "berth at Lochboisdale": a port or an island wherever it stands untitled
    marked_places.update(
        doc[start:end].text.lower()
        for start, end, kind, titled in raw
        if kind != PLACE and not titled and end_of_a_voyage(doc, start, end, lang)
    )
    model_kinds = {(start, end): kind for start, end, kind, _ in raw}
    raw = retyped(doc, raw, lang)  # "the regulator Ofgem", "Mrs May and Jean-Claude Juncker"
    # The model may call one name a person in one sentence and a place in another; the report
    # as a whole decides, and a tie goes to what is not a person (precision first).
    body_names = [
        [t.text for t in doc[start:end] if t.lower_ not in LEADING]
        for start, end, kind, _ in raw
        if kind == ORGANISATION and end - start >= 2
    ]
    full_names = [
        doc[start:end].text
        for start, end, kind, titled in raw
        if kind == PERSON
        and person_is_plausible(doc[start:end].text.split(), lang)
        and (titled or not names_bodies(doc, start, end, body_names))
    ]
    surnames = surnames_of(full_names)
    # "Julio César Quispe Huamán ... Quispe said": the father's surname of a Spanish name of four
    surnames |= {
        core[2]
        for name in full_names
        if len(core := name_parts(name)) == 4 and spanish_given_and_surnames(name)
    }
    given_names = {core[0] for core in map(name_parts, full_names) if len(core) >= 2}
    raw = without_epithets(doc, raw, full_names, lang)
    # Family names written first ("Choe" of "Choe Son Hui", "Ri" of "Ri Yong Ho"): the first
    # word of one full name shaped as Korean and Chinese names are in English (three parts, or
    # a hyphenated given name), when no other full name starts with it ("Kim" beside Kim
    # Jong-un and Kim Yong-chol) and it is no place. Two-part names are left alone: the model
    # takes "Tottenham Hotspur" for a person, and "Tottenham" is the place.
    firsts = Counter(
        core[0]
        for core in map(name_parts, full_names)
        if len(core) >= 3 or (len(core) == 2 and "-" in core[1])
    )
    family_first = {word for word, n in firsts.items() if n == 1 and not known_place(word, lang)}
    # "Twitter" beside "Twitter Inc", "Castellan" beside "Castellan Biosciences", "Luanshya Deep
    # Copper" beside "Luanshya Deep Copper Limited": the name without its company words is the
    # company, not a person (but "Duluth" beside "Duluth Entertainment Convention Center" is
    # not the centre).
    org_words = {
        stem
        for start, end, kind, _ in raw
        if kind == ORGANISATION and (stem := company_stem(doc[start:end], lang))
    }
    # "the drug-buying agency Pharmac" once makes every "Pharmac" of the report the body, however
    # often the model calls it someone elsewhere ("Pharmac refused").
    marked_bodies = {
        doc[start:end].text.lower()
        for start, end, kind, titled in raw
        if kind == ORGANISATION and not titled and marked_as_a_body(doc, start, end, lang)
    }
    # "The International Maritime Bureau (IMB)": the capitals in brackets after a body's name that
    # they spell are that body, whatever the model called them.
    marked_bodies.update(
        short.lower()
        for start, end, kind, _ in raw
        if kind == ORGANISATION
        and (short := short_form_after(doc, end))
        and spells_initials(short.lower(), doc[start:end].text, lang)
    )
    # "Korea Railroad Corp. (Korail)", "the Oswaldo Cruz Foundation, known as Fiocruz": a word
    # made of the name's words given right after it is that body's short name, wherever it
    # stands and whatever the model called it.
    short_names = {
        short: doc[start:end].text
        for start, end, kind, _ in raw
        if kind == ORGANISATION
        and (short := short_name_after(doc, end))
        and made_of_the_words(short, doc[start:end].text, lang)
    }
    # "the Colombian Petroleum and Gas Association (ACP)", "the Finnish Environment Institute
    # (SYKE)": capitals in brackets right after a body's name of two words or more are its short
    # name though they spell it in its own language, not in English.
    short_names.update(
        (short, doc[start:end].text)
        for start, end, kind, _ in raw
        if kind == ORGANISATION
        and end - start >= 2
        and (short := short_form_after(doc, end))
        and short.isalpha()
        and 2 <= len(short) <= 6
        and short.lower() not in lang.NOT_ACRONYMS
        and not known_place(short, lang)
        and short not in short_names
    )
    # "The Water Services Regulation Authority (Ofwat)", "the Federal Commission for the
    # Protection against Sanitary Risks (Cofepris)": a word in title case in brackets right
    # after a body's name with a body's word in it is its short name, however it is made.
    short_names.update(
        (short, doc[start:end].text)
        for start, end, kind, _ in raw
        if kind == ORGANISATION
        and end - start >= 2
        and any(t.lower_ in lang.ORG_SUFFIXES for t in doc[start:end])
        and (short := short_name_after(doc, end))
        and doc[end].text == "("
        and not known_place(short, lang)
        and not is_place_name(short)
        and short not in short_names
    )
    marked_bodies.update(short.lower() for short in short_names)
    place_at = {k for start, end, kind, _ in raw if kind == PLACE for k in range(start, end)}
    # first words of bodies' names ("River" of "River Plate")
    body_openers = {
        doc[start].text for start, end, kind, _ in raw if kind == ORGANISATION and end - start >= 2
    }
    votes: dict[str, Counter] = defaultdict(Counter)
    # "Viborg said" after "Henrik Viborg": someone, whatever the report's other "Viborg"s are
    said_by_surname: set[tuple[int, int]] = set()
    for k, (start, end, kind, titled) in enumerate(raw):
        if kind == PERSON and not titled and start > 0 and locative_before(doc, start, end, lang):
            kind = PLACE  # "in Riverton", "near Fort Lauderdale": somewhere, not someone
        elif kind != PLACE and is_dateline(doc, start, end):
            kind = PLACE  # "FRANKFURT (Reuters) —", "SHANNON, Ireland —": where the report is filed
        elif kind != PLACE and not titled and based_in(doc, end):
            kind = PLACE  # "the Lodz-based company": where a body is based
        elif kind == ORGANISATION and site_or_river(doc, start, end, lang):
            kind = PLACE  # "the Abqaiq plant", "the banks of the Seine": somewhere, not a body
        elif kind == ORGANISATION and town_of_its_people(doc, start, end, lang):
            kind = PLACE  # "hard-pressed Edinburgh households": the town they live in
        elif kind == ORGANISATION and lone_place_word(doc, start, end, lang):
            kind = PLACE  # "flooding in Shrewsbury": a town the small model took for a body
        elif (
            kind == PERSON
            and not titled
            and town_gone_to(doc, start, end)
            and doc[start].text not in surnames
            and not is_first_name(doc[start].text)
        ):
            kind = PLACE  # "drive visitors to Glasgow", "sailed to Lomé": the model's person
        elif (
            kind == PERSON
            and not titled
            and range_end_of(doc, start, end, place_at)
            and doc[start].text not in surnames
        ):
            kind = PLACE  # "from Venda Nova in the north ... to Barreiro": one end of an area
        elif kind == PERSON and not titled and known_place_not_person(doc, start, end):
            kind = PLACE  # "Sri Lanka's police chief", "Cabo Delgado province": the model's person
        elif (
            kind != PERSON
            and (doc[start:end].text in surnames or doc[start:end].text in family_first)
            and not (kind == PLACE and spatial_before(doc, start, end))
        ):
            # "Trump said": the surname of someone the report names in full; but "a forest near
            # Viborg" beside "Chief Inspector Henrik Viborg" is a town ("a story in Origi" is
            # not: only a preposition that takes nothing but somewhere tells)
            kind = PERSON
            if doc[start:end].root.dep_ in _ACTING:
                said_by_surname.add((start, end))
        elif kind != PERSON and doc[start:end].text in given_names and owns_a_relative(doc, end):
            kind = PERSON  # "Cian's younger brother": the first name of someone named in full
        elif kind == PERSON and doc[start:end].text in org_words:
            kind = ORGANISATION
        elif kind == PLACE and speaks_though_no_known_place(doc, start, end, lang):
            kind = ORGANISATION  # "Earthjustice, which sued ..., called the cancellation ...": a place to the model
        elif (
            kind == PLACE
            and doc[start:end].text in org_words
            and not is_place_name(doc[start:end].text)
            and not known_place(doc[start:end].text, lang)
        ):
            kind = ORGANISATION  # "Kestrix" beside "Kestrix Robotics Inc.": a place to the model
        elif (
            kind == PLACE
            and end - start == 1
            and doc[start].lower_ in lang.PLACE_SUFFIXES
            and doc[start].text in body_openers
        ):
            kind = ORGANISATION  # "River" beside "River Plate": a word that alone names no place
        elif kind == PERSON and not titled and names_bodies(doc, start, end, body_names):
            kind = ORGANISATION  # "doctors at Korle Bu" (Teaching Hospital); "Sahara Noor" of two firms
        raw[k] = (start, end, kind, titled)
    raw = places_by_conjunction(doc, raw, surnames, lang)
    # Lone words the model called a person that the words around one of their mentions make a
    # place ("to Rosslyn", "at Rosslyn", "the Rosslyn station"); not the model's own "place"
    # label on a mention, which it gives "Brexit" too.
    placed_by_words = {
        doc[start:end].text.lower()
        for start, end, kind, _ in raw
        if kind == PLACE and end - start == 1 and model_kinds.get((start, end)) == PERSON
    }
    # A name written once as a group's is a group's wherever it stands, and so is a longer
    # "person's" name built on it ("Ajax Amsterdam" beside "Ajax ... were seeking").
    groups = {
        doc[start:end].text.lower()
        for start, end, kind, titled in raw
        if kind == PERSON and not titled and names_a_group(doc, start, end)
    }
    # A name the tagger reads once as a plural ("joined Spurs", "a big deal for Spurs") is the
    # team's where it reads it as one word too ("Spurs started hitting long balls"), unless it is
    # the surname of someone the report names in full.
    plurals = {name.lower() for name in plural_names if name not in surnames}
    for start, end, kind, _ in raw:
        votes[doc[start:end].text.lower()][kind] += 1
    # Names written as names at least once: the model also tags a sentence's capitalised opening
    # word that it parses as a common word, and such a word alone is no name.
    named_somewhere = {
        doc[start:end].text.lower()
        for start, end, _, _ in raw
        if not opening_word(doc, start, end)
        or colon_dateline(doc, start, end)
        or names_a_party(doc, start, end, lang)
    }
    if dateline is not None:
        named_somewhere.add(doc[dateline[0] : dateline[1]].text.lower())  # "Hyderabad:" opens no sentence
    # A lone word called a person but never titled nor acting as one anywhere is no one to list
    # (linking.py leaves it out); where the model also typed it as a body ("made by Lodz-based
    # Bociek") and it opens a sentence as the subject ("Bociek blamed ..."), it is that body.
    # Not a word the model only ever types as a place or an object ("deliver Brexit").
    marked_people = {
        doc[start:end].text.lower()
        for start, end, kind, titled in raw
        if titled or (doc[start:end].root.dep_ in _ACTING and not doc[start].is_sent_start)
    }
    unmarked_people = {
        doc[start:end].text.lower()
        for start, end, kind, _ in raw
        if kind == PERSON and end - start == 1 and doc[start].text not in surnames | given_names
    } - marked_people
    # "to Rosslyn", "at Rosslyn", "the Rosslyn station" beside the model's person "Rosslyn": a lone
    # word some mention's surroundings make a place, and no one's title, full name or acts make
    # someone, is that place wherever it stands.
    placed_alone = placed_by_words & unmarked_people
    opening_subjects = {
        doc[start:end].text.lower()
        for start, end, _, _ in raw
        if doc[start].is_sent_start and doc[start:end].root.dep_ in ("nsubj", "nsubjpass")
    }
    mentions = []
    for start, end, kind, titled in raw:
        span = doc[start:end]
        counts = votes[span.text.lower()]
        best = max(counts.values())
        winners = [k for k, n in counts.items() if n == best]
        if len(winners) > 1:
            winners = [k for k in winners if k != PERSON] or winners
        if len(winners) > 1 and PLACE in winners:
            # As often "in Frankwell" as the model's organisation "Frankwell": the small model
            # takes towns for bodies far more often than a body stands where places stand.
            winners = [PLACE]
        someones = titled or (start, end) in said_by_surname
        kind = PERSON if someones and PERSON in counts else sorted(winners)[0]
        if kind == PERSON and not titled and span.text.lower() in placed_alone:
            kind = PLACE
        if (
            kind == PERSON
            and ORGANISATION in counts
            and span.text.lower() in unmarked_people & opening_subjects
        ):
            kind = ORGANISATION
        if not titled and span.text.lower() in marked_bodies:
            kind = ORGANISATION
        elif not titled and span.text.lower() in marked_places:
            kind = PLACE  # "Uliastai, the capital of Zavkhan" once: a town wherever it stands
        written = span.text.lower()
        words = span.text.split()
        grouped = {span.text.lower(), *(w.lower() for w in words)} & groups or span.text.lower() in plurals
        if kind == PERSON and not titled and grouped:
            kind = ORGANISATION
        if (
            kind == PERSON
            and not titled
            and len(words) >= 3
            and (
                (opens_with_a_common_word(words, lowercase_words) and is_first_name(words[1]))
                or words[0].lower() in RELATIVE_WORDS
            )
        ):
            # "Neighbour Sharon Doyle said" beside "one neighbour said", "Grandad Bent Mikkelsen,
            # 78,": a word for who she is (capitalised as the sentence's first), then the name
            start += 1
            span, words = doc[start:end], words[1:]
        if kind == PERSON and not titled and len(words) == 1 and words[0].lower() in RELATIVE_WORDS:
            continue  # '"Mum has been a shadow of herself"': what a family calls her, no name
        if kind == PERSON and not titled and opens_with_a_common_word(words, lowercase_words):
            continue  # "Vote Leave", "Norwegian [Air Shuttle]": a campaign's or a firm's words
        if kind == PERSON and not person_is_plausible(words, lang):
            continue
        if names_a_portfolio(doc, start, end, lang):
            continue  # "Transport Secretary Imogen Ashdown-Reeve": an office, not a body
        if written not in named_somewhere:
            continue  # "Heartbroken fans...", "Groups of...": an opening word, not a name
        if kind == PLACE and sum(counts.values()) == 1 and opens_a_quote(doc, start, end, lang):
            continue  # '"Scale is everything," he said': a quote's capitalised first word
        if kind == ORGANISATION and article_in_the_name(doc, start):
            span = doc[
                start - 1 : end
            ]  # "published in The Lancet Respiratory Medicine": the title's own "The"
        char_start, char_end = span.start_char, span.end_char
        sentence = max(bisect_right(sentence_starts, char_start) - 1, 0)
        # A capitalised first word of a sentence is as often an ordinary word ("Turnout was").
        acts = span.root.dep_ in _ACTING and not doc[start].is_sent_start
        mention = Mention(char_start, char_end, span.text, kind, sentence, titled, acts)
        mention.honorific = honorific_before(doc, start)
        mention.relative = kind == PERSON and introduced_as_relative(doc, start)
        if kind == ORGANISATION:
            mention.long_form = short_names.get(span.text, "")
        mentions.append(mention)
    # Looked for alone in the text ("Han said") only where the full name is shaped as a Korean
    # one: a family name of four letters at most, then a given name hyphenated or in two short
    # syllables; "Abdulaziz" of "Abdulaziz bin Salman" is a given name.
    korean_family = {
        core[0]
        for core in map(name_parts, full_names)
        if core[0] in family_first
        and len(core[0]) <= 4
        and (
            (len(core) == 2 and "-" in core[1])
            or (len(core) == 3 and all(len(part) <= 5 and part.isalpha() for part in core[1:]))
        )
    }
    mentions = with_surname_mentions(doc, mentions, sentence_starts, korean_family)
    return with_short_name_mentions(doc, mentions, sentence_starts, lang, short_names)
