"""Hand-written reports for the grouping tests: invented events, real places.

Each case is a near miss or a hard match that a grouping engine gets wrong easily.
"""

from datetime import UTC, datetime


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


FIRST_SUMMIT_WIRE = (
    "Presidents meet in Lisbon for first summit, agree fisheries pact",
    "LISBON (Northwire) - Portuguese President Inês Carvalho and Ghanaian President Kwabena Mensah-Otu "
    "held their first summit in Lisbon on Monday and signed a fisheries agreement that opens Ghanaian "
    "waters to 40 Portuguese trawlers in exchange for a 120 million euro port upgrade in Takoradi.\n\n"
    "The two leaders also agreed to launch direct flights between Lisbon and Accra next spring. "
    "Carvalho called the talks 'the start of a long friendship'. Mensah-Otu said the port money would "
    "create 3,000 jobs. Critics in Ghana's parliament said the trawler quota was too generous.",
)
FIRST_SUMMIT_BROADCASTER = (
    "Carvalho and Mensah-Otu sign trawler-for-port deal at Lisbon talks",
    "The presidents of Portugal and Ghana, Inês Carvalho and Kwabena Mensah-Otu, used their first "
    "face-to-face summit to trade fishing access for investment. Under the deal signed at the Belém "
    "palace, 40 Portuguese trawlers may fish Ghanaian waters, and Portugal will finance a 120 million "
    "euro upgrade of the port of Takoradi.\n\nDirect Lisbon-Accra flights are to start next year. "
    "Opposition MPs in Accra warned the fisheries pact could hurt local canoe fishermen.",
)
SECOND_SUMMIT_MONTHS_LATER = (
    "Carvalho and Mensah-Otu meet again, this time in Accra, to talk solar power",
    "ACCRA (Northwire) - Portuguese President Inês Carvalho and Ghanaian President Kwabena Mensah-Otu "
    "held a second summit in Accra on Tuesday, six months after their first meeting in Lisbon, and "
    "launched a solar partnership under which Portuguese utility firms will build 500 megawatts of "
    "panels in northern Ghana.\n\nThe leaders reviewed the fisheries pact signed in Lisbon and the "
    "Takoradi port upgrade, which Mensah-Otu said was ahead of schedule. Carvalho invited Ghanaian "
    "engineers to train in Portugal. The solar plan still needs approval from Ghana's parliament.",
)

COMMITTEE_VOTE = (
    "Kenyan MPs' committee backs plastic bag levy bill",
    "NAIROBI - A Kenyan parliamentary committee voted 14-5 on Wednesday to back the Plastic Packaging "
    "Levy Bill, which would charge shoppers 10 shillings for every plastic carrier bag and fund river "
    "clean-ups in Nairobi and Mombasa.\n\nThe environment committee added an exemption for bags used "
    "to carry medicine. The bill now goes to the full National Assembly, where its sponsor, MP Wanjiru "
    "Kamau, said she expected a vote within weeks. Retailers' groups oppose the levy.",
)
COMMITTEE_VOTE_OTHER_OUTLET = (
    "Plastic bag levy clears committee stage with medicine exemption",
    "The Plastic Packaging Levy Bill cleared its committee stage in Kenya's parliament after members "
    "voted 14 to 5 in favour. Sponsor Wanjiru Kamau welcomed the result and an amendment exempting "
    "pharmacy bags.\n\nThe levy of 10 shillings a bag would pay for river clean-ups. Supermarket "
    "owners told the committee the charge would be passed on to customers. The full National Assembly "
    "is expected to debate the bill next.",
)
FINAL_VOTE_WEEKS_LATER = (
    "Kenya's National Assembly passes plastic bag levy",
    "NAIROBI - Kenya's National Assembly passed the Plastic Packaging Levy Bill by 201 votes to 88 on "
    "Thursday, three weeks after a committee backed it, making shoppers pay 10 shillings for each "
    "plastic carrier bag from January.\n\nSponsor Wanjiru Kamau said the vote was a victory for "
    "Kenya's rivers. The bill, which keeps the committee's exemption for medicine bags, now goes to "
    "the president for signature. Retailers said they would challenge the levy in court.",
)

QUAKE_WIRE = (
    "Magnitude 6.1 earthquake strikes off Izmir, Turkey; buildings damaged",
    "ISTANBUL (Northwire) - A magnitude 6.1 earthquake struck off the Aegean coast near Izmir on "
    "Sunday morning, damaging at least 40 buildings and injuring 112 people, Turkey's disaster agency "
    "AFAD said.\n\nThe quake's epicentre was 17 km offshore at a depth of 10 km. Aftershocks "
    "continued for hours. Schools in Izmir province will stay closed on Monday while engineers "
    "inspect them.",
)
# Same quake, told through residents and schools rather than magnitudes and agencies.
QUAKE_LOCAL_ANGLE = (
    "Izmir families sleep in parks after strong tremor cracks apartment blocks",
    "Thousands of families in Izmir spent the night in parks and car parks after Sunday's tremor "
    "left cracks in apartment blocks across the city's Bayrakli and Karsiyaka districts.\n\n"
    "Volunteers handed out blankets and soup. 'We felt the floor move like a wave,' said Ayse "
    "Demir, a teacher. The governor's office said 112 people were treated in hospital and that "
    "schools would stay shut on Monday for safety checks. The shock, measured at 6.1, was centred "
    "in the sea west of the city.",
)

FERRY_FIRST_DAY = (
    "Ferry capsizes off Sulawesi, dozens missing",
    "MAKASSAR, Indonesia - A passenger ferry carrying 164 people capsized in heavy seas off the coast "
    "of South Sulawesi on Friday night, leaving at least 38 people missing, Indonesia's search and "
    "rescue agency Basarnas said.\n\nThe KM Bahari Jaya was sailing from Makassar to Selayar island "
    "when it was hit by waves up to four metres high. Rescuers pulled 126 survivors from the water.",
)
FERRY_NEXT_DAY = (
    "Sulawesi ferry disaster: death toll rises to 21 as search goes on",
    "The number of people confirmed dead after the KM Bahari Jaya ferry capsized off South Sulawesi "
    "rose to 21 on Saturday, Basarnas said, with 17 passengers still missing.\n\nDivers reached the "
    "overturned hull near Selayar island. Survivors said the ferry had been overloaded with "
    "motorbikes. Indonesia's transport ministry ordered an inquiry into why the ship left Makassar "
    "despite a weather warning.",
)

# Two recalls by one company a week apart: same company, same regulator, same kind of
# fault, different product. Each outlet files one report per recall.
KETTLE_RECALL_WIRE = (
    "Valdora Home recalls 210,000 electric kettles over scalding risk",
    "MILAN (Northwire) - Italian appliance maker Valdora Home said on Monday it was recalling "
    "210,000 electric kettles sold in Italy, France and Spain after reports that the lids can spring "
    "open while the water is boiling.\n\nThe company said 14 customers had suffered minor scalds. "
    "Chief executive Marta Bellandi apologised and said owners of the Aria kettle, sold since 2024, "
    "would get a full refund. Italy's consumer safety authority said it was reviewing the lid latch "
    "design. Valdora shares fell 4% in Milan.",
)
KETTLE_RECALL_PAPER = (
    "Aria kettle lids can burst open: Valdora pulls 210,000 from shops",
    "Valdora Home, the Milan appliance group, is taking back 210,000 Aria electric kettles because "
    "their lids may pop open mid-boil, after 14 people reported scalds. Marta Bellandi, the chief "
    "executive, said every buyer would be refunded in full.\n\nThe kettles were sold in Italy, France "
    "and Spain. The national consumer safety authority is examining the latch, and the shares dropped "
    "4% on the news.",
)
HEATER_RECALL_WIRE = (
    "Valdora Home recalls 35,000 fan heaters, its second recall in a week",
    "MILAN (Northwire) - Valdora Home said on Tuesday it was recalling 35,000 Brezza fan heaters "
    "because a faulty thermostat can let them overheat, a week after the Italian appliance maker "
    "pulled its Aria kettles.\n\nNo injuries have been reported, but two heaters melted in customers' "
    "homes, the company said. Chief executive Marta Bellandi said the thermostat supplier had been "
    "replaced. Italy's consumer safety authority said it would audit Valdora's quality controls. "
    "The shares slid another 6%.",
)
HEATER_RECALL_PAPER = (
    "Brezza heaters can overheat: Valdora takes back 35,000 as thermostat fault emerges",
    "Valdora Home is recalling 35,000 Brezza fan heaters whose thermostat can fail and let them "
    "overheat; two units melted in homes, though nobody was hurt. It is the Milan company's second "
    "recall in a week, after the Aria kettles.\n\nMarta Bellandi, the chief executive, said a new "
    "thermostat supplier had been found. The consumer safety authority plans an audit of Valdora's "
    "quality controls, and the shares lost another 6%.",
)
# The same outlet updating its own report of one happening: it must still join.
KETTLE_RECALL_WIRE_UPDATE = (
    "UPDATE 1-Valdora Home recalls 210,000 electric kettles over scalding risk",
    "MILAN (Northwire) - Italian appliance maker Valdora Home said on Monday it was recalling "
    "210,000 Aria electric kettles sold in Italy, France and Spain after reports that the lids can "
    "spring open while the water is boiling, and the number of reported scalds rose to 17.\n\nChief "
    "executive Marta Bellandi apologised and said owners would get a full refund. Italy's consumer "
    "safety authority said it was reviewing the lid latch design. Valdora shares closed 5% lower in "
    "Milan.",
)
