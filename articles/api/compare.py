"""API endpoint for comparing two reports: GET /api/v1/compare?a=<id>&b=<id>."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from ..comparisons import UnreadableReport, build_comparison
from ..models import Article
from ..paths import is_db_id
from .schemas import BadRequest, NotFound, Unprocessable

router = Router(tags=["compare"])


class CompareParams(Schema):
    a: int = Field(..., ge=1, description="id of the first report")
    b: int = Field(..., ge=1, description="id of the second report")


class ReportRef(Schema):
    id: int
    title: str
    source: str = Field(..., description="the outlet's name")


class Row(Schema):
    kind: Literal["match", "only_a", "only_b"]
    level: Literal["same", "related"] | None = Field(
        None,
        description="for a match: 'same' when both sentences make the same claim, 'related' when they "
        "are about the same thing but do not (a related row does not count as a claim in both)",
    )
    a: str | None = Field(None, description="the first report's sentence(s); null for only_b")
    b: str | None = Field(None, description="the second report's sentence(s); null for only_a")
    score: float | None = Field(
        None,
        description="the model's probability that both sentences make one claim, 0..1; null when unmatched",
    )


class Mention(Schema):
    side: Literal["a", "b"]
    text: str = Field(
        ..., description="the words the report uses (a surname, a title-less name, a short form)"
    )
    sentence: str = Field(..., description="the sentence that names the entity there")


class EntityItem(Schema):
    name: str = Field(..., description="the canonical name: titles stripped, initials and suffixes kept")
    kind: Literal["person", "organisation", "place"]
    mentions: list[Mention]


class Entities(Schema):
    shared: list[EntityItem]
    only_a: list[EntityItem]
    only_b: list[EntityItem]


class QuoteItem(Schema):
    side: Literal["a", "b"]
    speaker: str | None = Field(
        ..., description="the canonical name of who said it; null when the text does not say"
    )
    text: str


class Conflict(Schema):
    a: list[str]
    b: list[str]


class KeyDifferences(Schema):
    conflicts: list[Conflict] = Field(
        ..., description="figures that disagree inside a claim both reports make"
    )
    only_a: list[str] = Field(..., description="the most central sentences only the first report has")
    only_b: list[str]
    quotes_only_a: list[QuoteItem] = Field(
        ..., description="quotes from speakers only the first report quotes"
    )
    quotes_only_b: list[QuoteItem]
    people_only_a: list[str] = Field(..., description="people only the first report names")
    people_only_b: list[str]


class NumberItem(Schema):
    side: Literal["a", "b"]
    text: str
    kind: str = Field(..., description="amount, percent, duration, date, year, count, ordinal or score")
    unit: str
    measure: str = Field(
        ...,
        description='what exactly it measures: the unit with the words that narrow it ("adult passenger"'
        ' of "178 adult passengers"); figures are set against each other only when this is the same',
    )
    value: float | str
    conflict: bool = Field(..., description="a matched claim of the other report gives another value")


class Comparison(Schema):
    a: ReportRef
    b: ReportRef
    similarity: float = Field(..., ge=0, le=1)
    rows: list[Row] = Field(
        ...,
        description="every sentence of both reports, in reading order; a sentence stands in two"
        " 'match' rows when it makes the claims of both (one report says in one sentence what the"
        " other says in two), and in one row otherwise",
    )
    key_differences: KeyDifferences
    entities: Entities
    quotes: list[QuoteItem]
    numbers: list[NumberItem]


def _mentions(entity: dict, sentences: dict) -> list[dict]:
    out = []
    for side in ("a", "b"):
        for mention in entity.get(f"mentions_{side}", []):
            out.append(
                {
                    "side": side,
                    "text": mention["text"],
                    "sentence": sentences[side][mention["sentence"]]["text"],
                }
            )
    return out


def _key_differences(comparison: dict) -> dict:
    found = comparison.get("key_differences") or {}
    result: dict = {"conflicts": [{"a": c["a"], "b": c["b"]} for c in found.get("conflicts", [])]}
    for side in ("a", "b"):
        result[f"only_{side}"] = [item["text"] for item in found.get(f"only_{side}", [])]
        result[f"quotes_only_{side}"] = [
            {"side": side, "speaker": q["speaker"], "text": q["text"]}
            for q in found.get(f"quotes_only_{side}", [])
        ]
        result[f"people_only_{side}"] = [p["name"] for p in found.get(f"people_only_{side}", [])]
    return result


def comparison_json(left: Article, right: Article, comparison: dict) -> dict:
    """The API shape of a comparison; moved-sentence links of the page are left out."""
    sentences = comparison["sentences"]

    def text(side: str, ids: list[int]) -> str | None:
        return " ".join(sentences[side][i]["text"] for i in ids) or None

    conflicted = {("a", i) for c in comparison["numbers"]["conflicts"] for i in c["a_sentences"]}
    conflicted |= {("b", j) for c in comparison["numbers"]["conflicts"] for j in c["b_sentences"]}
    conflict_texts = {("a", t) for c in comparison["numbers"]["conflicts"] for t in c["a"]}
    conflict_texts |= {("b", t) for c in comparison["numbers"]["conflicts"] for t in c["b"]}
    return {
        "a": {"id": left.pk, "title": left.title, "source": left.source.name},
        "b": {"id": right.pk, "title": right.title, "source": right.source.name},
        "similarity": comparison["similarity"],
        "rows": [
            {
                "kind": r["kind"],
                "level": r.get("level"),
                "a": text("a", r["a"]),
                "b": text("b", r["b"]),
                "score": r["score"],
            }
            for r in comparison["rows"]
            if r["kind"] != "moved_b"
        ],
        "key_differences": _key_differences(comparison),
        "entities": {
            group: [
                {"name": e["name"], "kind": e["kind"], "mentions": _mentions(e, sentences)}
                for e in comparison["entities"][group]
            ]
            for group in ("shared", "only_a", "only_b")
        },
        "quotes": [
            {"side": side, "speaker": q["speaker"], "text": q["text"]}
            for side in ("a", "b")
            for q in comparison["quotes"][side]
        ],
        "numbers": [
            {
                "side": side,
                "text": n["text"],
                "kind": n["kind"],
                "unit": n["unit"],
                # Readings stored before measures were read carry units alone.
                "measure": n.get("measure") or n["unit"],
                "value": n["value"],
                "conflict": (side, n["sentence"]) in conflicted and (side, n["text"]) in conflict_texts,
            }
            for side in ("a", "b")
            for n in comparison["numbers"][side]
        ],
    }


@router.get(
    "/compare",
    response={200: Comparison, 400: BadRequest, 404: NotFound, 422: Unprocessable},
    url_name="compare",
)
def compare(request: HttpRequest, params: Query[CompareParams]) -> Status:
    """Two reports lined up claim by claim, with entities, quotes and numbers of each side."""
    # An id no database can hold is a report that does not exist (SQLite would overflow).
    ids = [pk for pk in (params.a, params.b) if is_db_id(pk)]
    found = Article.objects.select_related("source").in_bulk(ids)
    missing = [str(i) for i in (params.a, params.b) if i not in found]
    if missing:
        return Status(404, {"detail": f"No report with id {', '.join(dict.fromkeys(missing))}."})
    left, right = found[params.a], found[params.b]
    try:
        comparison = build_comparison(left, right)
    except UnreadableReport as error:
        return Status(
            422, {"detail": f"Report {error.article.pk} could not be analysed, so it cannot be compared."}
        )
    return Status(200, comparison_json(left, right, comparison))
