"""People, organisations and places of one report, each mention linked to one canonical entity.

spaCy finds and types the names; collecting.py cleans what the statistical model gets wrong in
news text, with the modules it names, and linking.py links the mentions:
- titles and offices are not part of a name ("House Speaker Nancy Pelosi" -> "Nancy Pelosi"),
  middle initials and suffixes are ("Jesse L. Jackson Jr.");
- a name the report also uses as a place or organisation, or that ends like one ("... Act",
  "... County"), is not a person; a name cut at an initial is no name at all;
- a bare surname or "Mr. X" is the person with that surname named earlier (else later);
- a short form ("CPAC") is the organisation whose initials it spells.
Which names are one entity (keys, spellings, short forms) is identity.py's to say.
"""

from .collecting import collect_mentions
from .linking import link_mentions
from .mention import Entity, Mention

__all__ = ["Entity", "Mention", "collect_mentions", "link_mentions"]
