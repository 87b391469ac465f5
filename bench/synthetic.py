"""Made-up but newsroom-shaped rows for benchmarks and screenshots: outlets, events, reports.

Deterministic (seeded), fast, and bulk-inserted. Never used by the product or its tests.
"""

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

OUTLET_FIRST = [
    "Northern",
    "Capital",
    "Evening",
    "Harbour",
    "Daily",
    "Continental",
    "Metro",
    "Valley",
    "Pacific",
    "Atlantic",
    "Central",
    "Coastal",
    "National",
    "Independent",
    "Morning",
]
OUTLET_SECOND = [
    "Courier",
    "Ledger",
    "Herald",
    "Dispatch",
    "Observer",
    "Gazette",
    "Wire",
    "Tribune",
    "Post",
    "Report",
]
PEOPLE = [
    "Kim Yong-chol",
    "Sarah Sanders",
    "Moon Jae-in",
    "Angela Ruiz",
    "Tomas Novak",
    "Amara Okafor",
    "Li Wei",
    "Hannah Berg",
    "Rafael Costa",
    "Ingrid Holm",
    "Yusuf Demir",
    "Priya Raman",
    "Omar Haddad",
    "Elena Petrova",
    "James Whitfield",
    "Aiko Tanaka",
    "Pierre Lambert",
    "Grace Mensah",
]
PLACES = [
    "Hanoi",
    "Geneva",
    "Nairobi",
    "Oslo",
    "Lisbon",
    "Seoul",
    "Brussels",
    "Lagos",
    "Jakarta",
    "Santiago",
    "Warsaw",
    "Cairo",
    "Toronto",
    "Manila",
    "Vienna",
    "Lima",
    "Accra",
    "Helsinki",
]
ORGS = [
    "the central bank",
    "the health ministry",
    "the port authority",
    "the electoral commission",
    "the transport union",
    "the energy regulator",
    "the supreme court",
    "the UN refugee agency",
]
TOPICS = [
    ("{p1} and {p2} agree to a second summit in {place}", "summit"),
    ("{org} raises interest rates to {n} percent", "rates"),
    ("Floods in {place} force {n},000 people from their homes", "floods"),
    ("{p1} resigns after inquiry into {org}", "resignation"),
    ("Strike by {org} halts trains across {place}", "strike"),
    ("{place} votes in tight election as {p1} claims lead", "election"),
    ("Wildfire near {place} burns {n},000 hectares", "wildfire"),
    ("{org} approves {n} billion plan for new power lines", "energy"),
    ("Talks between {p1} and {p2} collapse in {place}", "talks"),
    ("Court in {place} overturns ruling on {org}", "court"),
]
SENTENCES = [
    "{p1} told reporters in {place} that the decision had been taken after weeks of discussion.",
    "Officials at {org} said {n} people had been involved in the preparations.",
    "\u201cWe expect progress, but nothing is settled yet,\u201d {p2} said on {weekday}.",
    "The announcement came a day after {p1} met envoys from {place2}.",
    "Analysts said the move would test relations between {place} and {place2}.",
    "According to {org}, the figures will be published in full next month.",
    "{p2} declined to say whether a date had been agreed.",
    "Critics accused {p1} of acting without consulting {org}.",
    "The previous meeting, in {place2}, ended without a joint statement.",
    "Markets in {place} rose {n} percent after the news.",
    "A spokesperson for {org} said the plan had broad support.",
    "Residents described long queues and confusion on {weekday} morning.",
    "{p1} is expected to travel to {place2} later this week.",
    "The government has not commented on reports that {n} officials were dismissed.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEADLINE_STYLES = [
    "{title}",
    "{title}, officials say",
    "Breaking: {title}",
    "{title} \u2014 what we know",
    "Analysis: {title}",
]


@dataclass(frozen=True)
class EventSeed:
    title: str
    facts: dict[str, str]
    start: dt.datetime


def outlet_names(count: int) -> list[str]:
    names = [f"{a} {b}" for a in OUTLET_FIRST for b in OUTLET_SECOND]
    random.Random(7).shuffle(names)
    return names[:count]


def make_events(count: int, *, rng: random.Random, now: dt.datetime, span_days: int) -> list[EventSeed]:
    events = []
    for i in range(count):
        template, _ = TOPICS[i % len(TOPICS)]
        p1, p2 = rng.sample(PEOPLE, 2)
        place, place2 = rng.sample(PLACES, 2)
        facts = {
            "p1": p1,
            "p2": p2,
            "place": place,
            "place2": place2,
            "org": rng.choice(ORGS),
            "n": str(rng.randint(2, 95)),
            "weekday": rng.choice(WEEKDAYS),
        }
        title = template.format(**facts)
        title = title[0].upper() + title[1:]
        start = now - dt.timedelta(days=span_days * (count - i) / count, minutes=rng.randint(0, 600))
        events.append(EventSeed(title=title, facts=facts, start=start))
    return events


def report_text(event: EventSeed, rng: random.Random, sentences: int) -> str:
    chosen = [rng.choice(SENTENCES).format(**event.facts) for _ in range(sentences)]
    paragraphs = [" ".join(chosen[i : i + 3]) for i in range(0, len(chosen), 3)]
    return "\n\n".join(paragraphs)


def reports_for(
    event: EventSeed, outlets: list[int], rng: random.Random, *, sentences: tuple[int, int]
) -> Iterator[dict[str, object]]:
    """One report per chosen outlet, published within a day and a half of the event's start."""
    for source_id in outlets:
        body = report_text(event, rng, rng.randint(*sentences))
        title = rng.choice(HEADLINE_STYLES).format(title=event.title)
        yield {
            "source_id": source_id,
            "title": title,
            "body_text": body,
            "published_at": event.start + dt.timedelta(minutes=rng.randint(0, 36 * 60)),
            "word_count": len(body.split()),
            "content_hash": hashlib.sha256(f"{source_id}|{title}|{body}".encode()).hexdigest(),
            "byline": f"By {rng.choice(PEOPLE).split()[-1]} staff",
        }
