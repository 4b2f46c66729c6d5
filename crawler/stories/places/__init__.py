"""Parties and places: a state is a party to a story only when the text shows it acting, speaking
or being acted on as a state; named any other way (a market, an origin, a destination, a venue, a
team, the home of a company or a tourist) it is a place, and must not make a trade or tourism
figure look like foreign relations.

Each mention of a state is read in its sentence, and counts as a party on evidence of agency:
  - an office or person of the state (a role phrase, a named leader) - found before this module;
  - an official body after the name ("the Thai government", "Chinese officials", "Japan's foreign
    ministry", "the Philippine coast guard") or before it ("the president of Indonesia");
  - the name as the subject of a verb of state action or speech ("China hails", "Vietnam and Japan
    agreed", "Malaysia will host"), or the object of one ("urged Myanmar", "talks with Russia");
  - a relation it is a side of ("Vietnam-Japan relations", "Russia's stance", "between Laos and
    Thailand" with a word of relation).
A list of states ("Brunei, Cambodia and Laos") shares the evidence around it. A demonym needs an
official body after it ("Chinese officials", not "Chinese buyers"); a people ("Filipinos") and a
state inside another name ("JTI Philippines") are never parties, a state's own body ("Statistics
Indonesia") always. A sentence about a match is sport: its nations are teams. An official body
acting unnamed ("the police said") makes the home state (the dateline's, else the agency's) a
party when the text names it. A state with no evidence in the whole article is a place.
"""

from crawler.stories.places.context import LEAD
from crawler.stories.places.home import demonym_form
from crawler.stories.places.parties import WEAK_EVIDENCE, place_actors

__all__ = ["LEAD", "WEAK_EVIDENCE", "demonym_form", "place_actors"]
