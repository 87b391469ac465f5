"""An event's comparison data for download: JSON, and CSV that spreadsheets cannot execute."""

from .models import Event

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """The value as CSV text, prefixed with an apostrophe when a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def fact_table_json(event: Event, table: dict) -> dict:
    reports = table["reports"]
    return {
        "event": {"id": event.pk, "title": event.title},
        "reports": reports,
        "claims": [
            {
                "text": claim["text"],
                "outlets": claim["outlets"],
                "carried_by": [
                    {
                        "report": reports[col]["id"],
                        "outlet": reports[col]["outlet"],
                        "sentence_ids": ids,
                        "text": text,
                        # The figures this report gives where they disagree with the claim's.
                        "figures_differ": (claim.get("differs") or [None] * len(reports))[col] or [],
                    }
                    for col, (ids, text) in enumerate(zip(claim["cells"], claim["texts"], strict=True))
                    if ids
                ],
            }
            for claim in table["claims"]
        ],
        "claims_total": table["claims_total"],
        "people": [
            {"name": p["name"], "reports": [reports[c]["id"] for c in p["columns"]]} for p in table["people"]
        ],
        "quotes": [
            {
                "speaker": s["speaker"],
                "quotes": [{"report": reports[q["column"]]["id"], "text": q["text"]} for q in s["quotes"]],
            }
            for s in table["quotes"]
        ],
    }


def fact_table_csv_rows(table: dict) -> list[list[str]]:
    """Header, then one row per claim: the claim, how many reports carry it, each report's sentence."""
    reports = table["reports"]
    header = ["claim", "reports carrying it"] + [f"{r['outlet']} (report {r['id']})" for r in reports]
    rows = [[safe_cell(h) for h in header]]
    for claim in table["claims"]:
        rows.append(
            [safe_cell(claim["text"]), str(claim["outlets"])] + [safe_cell(text) for text in claim["texts"]]
        )
    return rows
