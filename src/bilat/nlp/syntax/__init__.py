"""The syntax stage: argument phrases of a trigger in the dependency parse.

``roles`` gives a trigger's arguments (subject, object, recipient, "between A and B"),
``role_spans`` where each phrase begins and ends, ``mention_phrases`` the phrase an
actor mention sits in, ``recipients`` which objects receive the act, ``antecedents``
what a pronoun stands for and ``conjuncts`` how coordinations are walked.
"""
