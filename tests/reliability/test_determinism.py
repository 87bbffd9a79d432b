"""The same input gives the same events in every process (found by the crash test, #7.2).

Python salts string hashes per process (PYTHONHASHSEED), so anything that follows a
set's order differs between a run and its rerun: a rerun after a crash would then store
events unlike those of the first run.
"""

from __future__ import annotations

import subprocess
import sys

from reliability.conftest import child_env

# "The two sides" with the United States named twice in one sentence, once with a sector.
_MAIN_PAIR = """
import spacy
from bilat.nlp.sides import main_pair
from bilat.records import Actor, Mention
nlp = spacy.blank("en")
nlp.add_pipe("sentencizer")
text = "The US Treasury and the United States met Pakistan. The two sides agreed."
doc = nlp(text)
usa_gov = Actor("USA", "United States", "GOV")
usa = Actor("USA", "United States")
pak = Actor("PAK", "Pakistan")
mentions = [
    Mention("US Treasury", 4, 15, usa_gov),
    Mention("United States", 24, 37, usa),
    Mention("Pakistan", 43, 51, pak),
]
print(main_pair(doc, mentions))
"""


def test_the_main_pair_does_not_depend_on_the_hash_seed() -> None:
    answers = set()
    for seed in range(6):
        done = subprocess.run(
            [sys.executable, "-c", _MAIN_PAIR],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            env=child_env(PYTHONHASHSEED=str(seed)),
        )
        answers.add(done.stdout.strip())
    assert len(answers) == 1, answers
