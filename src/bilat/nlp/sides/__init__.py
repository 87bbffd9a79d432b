"""The sides stage: which actor is the source of an event and which its target.

``ParticipantFinder.find`` (``finder``) reads a trigger's arguments as mentions
(``reading``, through ``phrases``) and tries the side rules in order (``rules``, the last
of them in ``subject_object``); the first that decides gives the sides, its confidence and
its name (``Participants``). ``pair_sides`` reads the article's main pair ("the two
sides"), ``one_country`` the unnamed sides of a sentence that names one country, and
``partners`` the other side of an act read as done by a country to itself.
"""

from bilat.nlp.sides.finder import ParticipantFinder
from bilat.nlp.sides.pair_sides import main_pair
from bilat.nlp.sides.participants import Participants

__all__ = ["ParticipantFinder", "Participants", "main_pair"]
