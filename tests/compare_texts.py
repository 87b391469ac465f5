"""Report pairs written for the comparison tests (not taken from any outlet)."""

FLOOD_A = """Heavy rain flooded the centre of Riverton on Tuesday, forcing 2,000 residents to leave their homes.

The mayor, Anna Kowalski, declared a state of emergency on Tuesday evening. "We have never seen water rise this fast," she said.

Emergency crews rescued 14 people from rooftops overnight, the fire service said.

The river peaked at 6.2 metres early on Wednesday, the highest level since 1998.

Forecasters expect more rain at the weekend."""

# The same event told with other words, paragraphs in another order, a different count of
# evacuees, the mayor's name spelled another way, and the quote's speaker named before it.
FLOOD_B = """The river reached a peak of 6.2 metres on Wednesday morning, its highest since 1998.

Heavy downpours flooded central Riverton on Tuesday and about 3,000 residents were forced out of their houses.

Mayor Anna Kovalski said: "We have never seen water rise this fast." She declared a state of emergency on Tuesday night.

Local shops reported damage running into millions of pounds.

Firefighters pulled 14 people off rooftops during the night."""

WIRE_A = """LONDON (Newswire) - The Bank of England raised interest rates by a quarter of a percentage point to 5.25 per cent on Thursday, its fourteenth increase in a row.

The Monetary Policy Committee voted 6-3 for the rise. Two members wanted a larger increase, and one voted to hold rates.

Governor Andrew Bailey said inflation was still too high. "We need to see the job through," he told reporters.

Economists had expected the move. Markets now price in one more rise before the end of the year."""

# The wire copy republished with small edits by another outlet.
WIRE_B = """The Bank of England raised interest rates by a quarter of a percentage point to 5.25 percent on Thursday, its 14th increase in a row.

The Monetary Policy Committee voted 6-3 for the rise. Two members wanted a bigger increase and one voted to hold.

Bank governor Andrew Bailey said inflation remained too high. "We need to see the job through," he told reporters in London.

Economists had widely expected the decision. Markets now price in one more rise before the end of the year."""

UNRELATED = """A rare orchid has been found growing in a disused quarry in the north of Scotland, botanists said.

The plant, last recorded in the area in 1952, was spotted by a volunteer surveying butterflies.

Conservation groups have asked visitors not to disturb the site while seeds are collected."""

QUOTES = """The talks ended without agreement, according to Maria Lopez, the union's negotiator.

"We are further apart than when we started," said Maria Lopez, who leads the union side.

Company chief executive Tom Reed said the offer was "fair and final".

"There is no more money," Reed said. "The board has been clear."

He added that the company would reopen talks in March.

Peter Hall, a labour economist at Northfield University, said: "Both sides will pay for a long strike."

"Nobody wins this," he said."""
