"""The order in which one import's reports are grouped: a function of the import, not the file.

Grouping decides each report against the events formed before it, so the order matters, and a
file's order is arbitrary (by outlet, by section, shuffled). So an import is first clustered as a
whole, and grouping then takes it cluster by cluster:
- Dated reports go oldest first, as they came off the wire: a happening's event forms before its
  follow-ups arrive. Only reports of the same time are ordered as below.
- Undated reports are clustered by their words: each is tied to the reports it is most alike
  (idf-weighted word cosine at least CLUSTER_COSINE, within the import), and the connected
  groups are taken one after another, each from its most central report (the one most alike
  the rest of its group), then always the report most alike one already taken. Reports of one story then arrive together, seeded by the report most
  like the others, as the wire would bring them; a story's later angle joins a formed event.
- Ties go by a digest of the text.
Nothing here depends on the input order, so any order of the same reports gives the same order
here, and so the same events. The clusters only order the import: the grouping decisions are
still engine.decide's.

Plain Python; no Django.
"""

import hashlib
import heapq
import math
from collections.abc import Sequence
from datetime import datetime

from .features import extract_features

# Two undated reports are tied when their idf-weighted word vectors have at least this cosine.
CLUSTER_COSINE = 0.1
# Each report is compared with the reports sharing one of its heaviest words (an inverted
# index), at most MAX_POSTINGS of them a word, so clustering stays linear in the import's size.
INDEX_WORDS = 15
MAX_POSTINGS = 50


def grouping_order(reports: Sequence[tuple[str, str, datetime | None]]) -> list[int]:
    """Indices of (title, body, published_at) in the order to group them."""
    digests = [hashlib.blake2b(f"{t}\n{b}".encode(), digest_size=8).hexdigest() for t, b, _ in reports]
    undated = [k for k, (_, _, when) in enumerate(reports) if when is None]
    rank = _cluster_rank([(reports[k][0], reports[k][1]) for k in undated], [digests[k] for k in undated])
    position = {k: rank[n] for n, k in enumerate(undated)}

    def key(index: int) -> tuple:
        published_at = reports[index][2]
        if published_at is not None:
            return False, published_at.timestamp(), (), digests[index]
        return True, 0.0, position[index], digests[index]

    return sorted(range(len(reports)), key=key)


def _cluster_rank(texts: list[tuple[str, str]], digests: list[str]) -> list[tuple]:
    """A sort key per text: its cluster's place, then its place within the cluster."""
    vectors = _unit_vectors(texts)
    edges = _ties(vectors)
    parent = list(range(len(texts)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for (a, b), _ in sorted(edges.items()):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    centrality = [0.0] * len(texts)
    for (a, b), cosine in edges.items():
        centrality[a] += cosine
        centrality[b] += cosine
    clusters: dict[int, list[int]] = {}
    for k in range(len(texts)):
        clusters.setdefault(root(k), []).append(k)
    # Bigger clusters first (a story many outlets told forms before its small neighbours),
    # then by the smallest digest of their members: independent of the input's order.
    ordered = sorted(clusters.values(), key=lambda members: (-len(members), min(digests[k] for k in members)))
    neighbours: dict[int, list[tuple[float, int]]] = {}
    for (a, b), cosine in edges.items():
        neighbours.setdefault(a, []).append((cosine, b))
        neighbours.setdefault(b, []).append((cosine, a))
    rank: list[tuple] = [()] * len(texts)
    for place, members in enumerate(ordered):
        start = min(members, key=lambda k: (-round(centrality[k], 9), digests[k]))
        for step, k in enumerate(_strongest_first(start, neighbours, digests)):
            rank[k] = (place, step)
    return rank


def _strongest_first(
    start: int, neighbours: dict[int, list[tuple[float, int]]], digests: list[str]
) -> list[int]:
    """The cluster from `start`, each next report the one most alike a report already taken
    (Prim's order over the ties): a story within a chain of stories is taken whole before the
    chain moves on to the next."""
    taken = [start]
    seen = {start}
    frontier = [(-cosine, digests[k], k) for cosine, k in neighbours.get(start, [])]
    heapq.heapify(frontier)
    while frontier:
        _, _, k = heapq.heappop(frontier)
        if k in seen:
            continue
        seen.add(k)
        taken.append(k)
        for cosine, other in neighbours.get(k, []):
            if other not in seen:
                heapq.heappush(frontier, (-cosine, digests[other], other))
    return taken


def _ties(vectors: list[dict[str, float]]) -> dict[tuple[int, int], float]:
    """(a, b) with a < b -> cosine, for the pairs at least CLUSTER_COSINE alike.

    Two reports are compared when one's heaviest words are in the other, unless more than
    MAX_POSTINGS reports of the import have that word among their heaviest: such a word tells
    no story apart, and comparing everyone who has it made the clustering quadratic.
    """
    tops = [sorted(vector, key=lambda w: (-vector[w], w))[:INDEX_WORDS] for vector in vectors]
    postings: dict[str, list[int]] = {}
    for k, words in enumerate(tops):
        for word in words:
            postings.setdefault(word, []).append(k)
    edges: dict[tuple[int, int], float] = {}
    for k, vector in enumerate(vectors):
        # Both ways round: a pair is compared when either one's heaviest words are in the other.
        for word in vector:
            others = postings.get(word, ())
            if len(others) > MAX_POSTINGS:
                continue
            for other in others:
                pair = (min(k, other), max(k, other))
                if other == k or pair in edges:
                    continue
                first, second = vectors[pair[0]], vectors[pair[1]]
                # Summed in word order, so the value is the same whichever report comes first.
                edges[pair] = round(
                    sum(first[w] * second[w] for w in sorted(first.keys() & second.keys())), 9
                )
    return {pair: cosine for pair, cosine in edges.items() if cosine >= CLUSTER_COSINE}


def _unit_vectors(texts: list[tuple[str, str]]) -> list[dict[str, float]]:
    """Each text's single words, weighted by the import's idf, as unit vectors."""
    terms = [
        {t: w for t, w in extract_features(title, body).terms.items() if " " not in t}
        for title, body in texts
    ]
    frequencies: dict[str, int] = {}
    for report in terms:
        for term in report:
            frequencies[term] = frequencies.get(term, 0) + 1
    count = len(terms)
    vectors = []
    for report in terms:
        vector = {t: w * math.log(1 + count / frequencies[t]) for t, w in report.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({t: w / norm for t, w in vector.items()})
    return vectors
