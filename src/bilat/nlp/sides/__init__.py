"""The sides stage: which actor is the source of an event and which its target.

``participants.ParticipantFinder`` resolves a trigger's arguments to sides;
``pair_sides`` reads the article's main pair ("the two sides"), ``one_country`` the
unnamed sides of a sentence that names one country, and ``partners`` the other side of
an act read as done by a country to itself.
"""
