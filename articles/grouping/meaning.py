"""What a report means, for grouping: its headline and lead, and its whole text, as vectors.

Two reports of one event told from different angles share few words ("Trump says Mattis will
retire in February" / "Defense Secretary to leave as of January 1") but their leads mean much the
same. The reading layer stores a meaning vector per sentence and one for the headline
(articles.reading.vectors); grouping keeps two unit vectors per report, built from those:
- lead: the headline with the first LEAD_SENTENCES sentences (the news, inverted pyramid);
- text: every sentence, for what the whole report is about.
An event keeps the sum of its members' unit vectors, so the mean cosine with its members
(average linkage, as for terms and names) is one dot product divided by the count.

Plain Python with numpy; no Django.
"""

import base64
from dataclasses import dataclass

import numpy as np

from ..reading.vectors import unpack

# The headline and this many opening sentences make the lead.
LEAD_SENTENCES = 3
# The headline weighs as much as this many lead sentences: it is the story in one line.
HEADLINE_WEIGHT = 2.0


@dataclass(slots=True)
class Meaning:
    """A report's unit meaning vectors (float32, the encoder's dimension)."""

    lead: np.ndarray
    text: np.ndarray
    # The headline's vector as the reading stores it (vectors.pack): the event title is picked
    # with it (summaries.py), in regroup as on import.
    headline: dict | None = None

    def headline_vector(self) -> np.ndarray | None:
        matrix = unpack(self.headline)
        return None if matrix is None else matrix[0]

    def to_json(self) -> dict:
        return {"lead": _pack(self.lead), "text": _pack(self.text), "headline": self.headline}

    @classmethod
    def from_json(cls, data: dict | None) -> "Meaning | None":
        if not data:
            return None
        return cls(_unpack(data["lead"]), _unpack(data["text"]), data.get("headline"))


def meaning_of(reading: dict | None, title: str) -> Meaning | None:
    """The report's meaning from its stored reading, or None when it has no vectors yet (not
    read, or read of another headline than the one it has now: staff may have edited it)."""
    if not reading or reading.get("title") != title:
        return None
    headline = unpack(reading.get("title_vector"))
    sentences = unpack(reading.get("vectors"))
    if headline is None and sentences is None:
        return None
    parts = []
    if headline is not None:
        parts.append(headline[0] * HEADLINE_WEIGHT)
    if sentences is not None:
        parts.extend(sentences[:LEAD_SENTENCES])
    lead = _unit(np.sum(parts, axis=0))
    text = _unit(sentences.mean(axis=0)) if sentences is not None else lead
    # As stored: a report scored when it arrives and again from its stored features (regroup)
    # must score alike.
    return Meaning.from_json(Meaning(lead, text, reading.get("title_vector")).to_json())


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return (vector / norm if norm else vector).astype(np.float32)


def _pack(vector: np.ndarray) -> str:
    """Unit vector -> int8 (x127) in base64: cosines stay within about 0.01 of float32's."""
    return base64.b64encode(np.clip(np.rint(vector * 127), -127, 127).astype(np.int8).tobytes()).decode()


def _unpack(text: str) -> np.ndarray:
    return _unit(np.frombuffer(base64.b64decode(text), dtype=np.int8).astype(np.float32))


@dataclass(slots=True)
class MeaningSum:
    """The sum of a group's members' unit vectors, and how many members have vectors."""

    lead: np.ndarray | None = None
    text: np.ndarray | None = None
    count: int = 0

    def add(self, meaning: Meaning | None, sign: float = 1.0) -> None:
        if meaning is None:
            return
        if self.lead is None or self.text is None:
            self.lead = np.zeros(meaning.lead.shape)
            self.text = np.zeros(meaning.text.shape)
        if self.lead.shape != meaning.lead.shape:
            return  # another encoder's vectors: not comparable
        # Rounded as stored (to_json), so a sum read back from the database and one kept in
        # memory (regroup) score alike to the last digit.
        self.lead = np.round(self.lead + sign * meaning.lead, 4)
        self.text = np.round(self.text + sign * meaning.text, 4)
        self.count += 1 if sign > 0 else -1

    def cosines(
        self, meaning: Meaning | None, *, without: Meaning | None = None
    ) -> tuple[float, float] | None:
        """Mean cosine of the lead and of the text with the members' (leaving `without` out),
        or None when either side has no vectors."""
        count = self.count - (without is not None)
        if meaning is None or self.lead is None or self.text is None or count <= 0:
            return None
        if self.lead.shape != meaning.lead.shape:
            return None
        lead, text = self.lead, self.text
        if without is not None:
            lead, text = lead - without.lead, text - without.text
        return float(meaning.lead @ lead) / count, float(meaning.text @ text) / count

    def to_json(self) -> dict | None:
        if self.lead is None or self.text is None or self.count <= 0:
            return None
        return {
            "lead": self.lead.tolist(),
            "text": self.text.tolist(),
            "count": self.count,
        }

    @classmethod
    def from_json(cls, data: dict | None) -> "MeaningSum":
        if not data:
            return cls()
        return cls(
            np.asarray(data["lead"], dtype=np.float64),
            np.asarray(data["text"], dtype=np.float64),
            data["count"],
        )
