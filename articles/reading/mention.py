"""A name's mention in a report and the entity its mentions make: what the entity reading
produces (collecting.py finds the mentions, linking.py links them)."""

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    sentence: int
    titled: bool = False  # came after a title or honorific ("Mr.", "Sen.")
    acts: bool = False  # the subject or possessor, not first in its sentence ("..., Obama said")
    entity: int = -1
    honorific: str = ""  # "mr" or "ms" when one stands before the name: tells "he" from "she"
    long_form: str = ""  # the body's full name a short name was given after ("Korail", "Fiocruz")
    relative: bool = False  # introduced as someone's relative ("his mother, Bernice Saunders")


@dataclass(slots=True)
class Entity:
    key: str
    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)

    def as_dict(self) -> dict:
        variants: list[str] = []
        for mention in self.mentions:
            if mention.text not in variants:
                variants.append(mention.text)
        return {
            "key": self.key,
            "name": self.name,
            "kind": self.kind,
            "variants": variants,
            "sentences": sorted({m.sentence for m in self.mentions}),
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "sentence": m.sentence}
                for m in self.mentions
            ],
        }
