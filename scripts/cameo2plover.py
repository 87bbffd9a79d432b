"""Convert the PLOVER project's CAMEO2PLOVER-2021.txt into src/bilat/resources/cameo2plover.yaml.

Usage: .venv/bin/python scripts/cameo2plover.py [SOURCE_TXT] [OUT_YAML]

The 2021 table predates the final PLOVER 2.0 mode and context lists, so a few of its
modes and contexts are renamed to the manual's (MODE_RENAMES, CONTEXT_RENAMES below);
the result is validated against plover.yaml before it is written.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from bilat.resources.ontology import CAMEO_FILE, PLOVER_FILE, Ontology

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO.parent / "shared" / "eval" / "plover" / "CAMEO2PLOVER-2021.txt"
OUT = REPO / "src" / "bilat" / "resources" / CAMEO_FILE

# (type, 2021 mode) -> PLOVER 2.0 mode, or None where the manual has no such mode.
MODE_RENAMES: dict[tuple[str, str], str | None] = {
    ("ASSAULT", "assassinate"): "targeted",  # "targeted" covers assassinations
    ("ASSAULT", "massacre"): "targeted",  # ... and deliberate mass killings
    ("ASSAULT", "seize"): "destroy",  # 1712 "Destroy property"
    ("ASSAULT", "cleansing"): None,  # commented out of the manual's mode table
    ("ASSAULT", "pro_autocracy"): None,  # a context written in the mode column
    ("RETREAT", "ease"): None,  # the source itself: "ease" is no longer a mode
    ("RETREAT", "return"): None,  # commented out of the manual's mode table
    ("THREATEN", "political"): "restrict",  # threatened curbs on freedoms
    ("THREATEN", "ban"): "restrict",  # "restrict" includes banning political activity
    ("COERCE", "ban"): "restrict",  # ditto
}
# 2021 modes that are really contexts move to the contexts column.
MODE_TO_CONTEXT = {("ASSAULT", "pro_autocracy"): "pro_autocracy"}
CONTEXT_RENAMES = {"humanitarian": "human_security", "democracy": "pro_democracy"}

HEADER = """\
# CAMEO event code -> PLOVER 2.0 (type, mode, contexts), read by bilat.resources.ontology.
#
# Converted by scripts/cameo2plover.py from CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8,
# 17-September-2021, edited by Philip Schrodt) of the Open Event Data Alliance's PLOVER
# project, https://github.com/openeventdata/PLOVER, licensed CC BY-SA 4.0. This file is a
# derived work under the same licence.
#
# Changes from the source, so that every mode and context is one the PLOVER 2.0 manual
# (plover.yaml) defines; a trailing comment gives the 2021 value where it changed:
# - modes renamed: ASSAULT assassinate/massacre -> targeted, ASSAULT seize -> destroy,
#   THREATEN political/ban -> restrict, COERCE ban -> restrict;
# - modes dropped: ASSAULT cleansing, RETREAT ease and return (no 2.0 equivalent);
#   ASSAULT pro_autocracy (175) is a context and moved to the contexts;
# - contexts renamed: humanitarian -> human_security, democracy -> pro_democracy;
# - two-digit root codes come from the section headings ("04: CONSULT", type only); 08
#   heads both CONCEDE and RETREAT sections and is CONCEDE, as its 080 is;
# - 175 is listed twice with the same coding and appears once.
# Lookups fall back to the nearest shorter prefix: 0415 -> 041, 089 -> 08.
"""


def parse(source: Path) -> dict[str, tuple[str, str | None, list[str], str, str]]:
    """code -> (type, mode, contexts, CAMEO description, note on changes)."""
    table: dict[str, tuple[str, str | None, list[str], str, str]] = {}
    for number, raw in enumerate(source.read_text("utf-8").splitlines(), 1):
        line, _, description = raw.partition("#")
        if not line.strip() or line.startswith("~"):
            continue
        code, _, coding = (part.strip() for part in line.partition(":"))
        fields = [f.strip() for f in coding.split(",")] + ["", ""]
        type_, mode_2021, context_text = fields[0], fields[1], fields[2]
        contexts_2021 = [c.strip() for c in context_text.split(";") if c.strip()]
        mode = MODE_RENAMES.get((type_, mode_2021), mode_2021) or None
        contexts = [CONTEXT_RENAMES.get(c, c) for c in contexts_2021]
        if (type_, mode_2021) in MODE_TO_CONTEXT:
            contexts.insert(0, MODE_TO_CONTEXT[type_, mode_2021])
        notes = []
        if (mode or "") != mode_2021:
            notes.append(f"mode {mode_2021}")
        if any(c in CONTEXT_RENAMES for c in contexts_2021):
            notes.append(f"contexts {', '.join(contexts_2021)}")
        # the editor's dated remarks ("21.09.17: ...") are not part of CAMEO's wording
        description = re.sub(r"\s\d\d\.\d\d\.\d\d:.*", "", description)
        entry = (type_, mode, contexts, " ".join(description.split()), "; ".join(notes))
        if code in table:
            if len(code) == 2 or table[code][:3] == entry[:3]:
                continue  # a repeated section heading (08) or a repeated line (175)
            sys.exit(f"{source}:{number}: {code} is coded twice, differently")
        table[code] = entry
    return table


def render(table: dict[str, tuple[str, str | None, list[str], str, str]]) -> str:
    lines = [HEADER, "codes:"]
    for code in sorted(table):
        type_, mode, contexts, description, note = table[code]
        if len(code) == 2 and code != min(table):
            lines.append("")
        fields = [
            f"type: {type_}",
            f"mode: {mode or 'null'}",
            f"contexts: [{', '.join(contexts)}]",
        ]
        if description:
            fields.append(f"description: {json.dumps(description)}")
        comment = f"  # 2021: {note}" if note else ""
        lines.append(f'  "{code}": {{{", ".join(fields)}}}{comment}')
    return "\n".join(lines) + "\n"


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    text = render(parse(source))
    plover = (out.parent / PLOVER_FILE).read_text("utf-8")
    ontology = Ontology.from_yaml_text(plover, PLOVER_FILE, text, str(out))  # validates
    out.write_text(text, "utf-8")
    print(f"{out}: {len(ontology.cameo_table)} CAMEO codes")


if __name__ == "__main__":
    main()
