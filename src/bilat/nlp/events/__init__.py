"""The events stage: which words of a sentence state which PLOVER events, and how.

``triggers`` finds trigger words (senses from ``lexicon``, words from
resources/triggers.yaml; ``trigger_context`` says where a trigger states no event),
``dominance`` and ``reportable`` decide which triggers the sentence reports, ``modality``
whether each happened, ``dating`` when, ``contexts`` its PLOVER contexts and ``money``
the amounts in the text.
"""
