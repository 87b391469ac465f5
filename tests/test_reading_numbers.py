"""Figures the small English model splits: a currency symbol or a scale stuck to the digits."""

from articles.reading import read_report


def figures(text: str) -> list[tuple]:
    return [(n["text"], n["kind"], n["unit"], n["value"]) for n in read_report("", text)["numbers"]]


def test_a_scale_stuck_to_a_figure_scales_it_and_keeps_its_currency():
    found = figures("Vance, who paid $44bn for the site, says it is losing $4m a day. The club paid £2.5m.")
    assert ("$44bn", "amount", "USD", 44e9) in found
    assert ("$4m", "amount", "USD", 4e6) in found
    assert ("£2.5m", "amount", "GBP", 2.5e6) in found


def test_abbreviated_and_spelt_out_amounts_have_one_value():
    short = figures("The company is losing $4m a day.")
    spelt = figures("The company is losing $4 million a day.")
    assert [(kind, unit, value) for _, kind, unit, value in short] == [
        (kind, unit, value) for _, kind, unit, value in spelt
    ]


def test_a_count_with_a_stuck_scale_counts_the_noun_after_it():
    assert ("About 40m people", "count", "people", 40e6) in figures("About 40m people watched the final.")


def test_a_figure_offset_covers_the_symbol_and_the_scale():
    text = "Investors lost $44bn on Friday."
    number = read_report("", text)["numbers"][0]
    assert text[number["start"] : number["end"]] == "$44bn"
