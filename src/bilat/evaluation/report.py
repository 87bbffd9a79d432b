"""Render the figures of ``bilat eval all`` as EVAL.md.

``results`` maps a set's name, "<rule> <file>" (e.g. "classes class_train.tsv"),
to the ``as_dict()`` of its scorer. Each set gets a section with a table of its
headline figures, one table for its P/R/F1 groups and one per breakdown
(per class, per type); a confusion matrix is drawn as a matrix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

RULES = {
    "classes": (1, "Event type, sentence level (CAMEO pentaclass)"),
    "roles": (2, "Actor roles (source and target spans)"),
    "plover": (3, "PLOVER gold standard records"),
    "dates": (4, "Dates (TimeML DATE expressions)"),
    "boilerplate": (5, "Boilerplate removal (word 4-gram shingles)"),
    "events": (6, "Document events"),
    "noise": (7, "Noise on real news (pages not about politics)"),
}

Scalar = int | float | str | bool | None


def bilat_version() -> str:
    try:
        return version("bilat")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if value is None:
        return "—"
    return str(value).replace("|", "\\|")


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, int | float | str | bool)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _columns(groups: Mapping[str, Mapping[str, object]]) -> list[str]:
    return list(dict.fromkeys(k for group in groups.values() for k in group))


def _is_matrix(value: object) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(row, list) and len(row) == len(value) for row in value)
    )


def render_result(result: Mapping[str, object]) -> list[str]:
    """Markdown lines for one set's figures."""
    lines: list[str] = []
    scalars = [(k, v) for k, v in result.items() if _is_scalar(v)]
    if scalars:
        lines += _table(("figure", "value"), scalars)
    flat: dict[str, Mapping[str, object]] = {}
    nested: dict[str, Mapping[str, Mapping[str, object]]] = {}
    for key, value in result.items():
        if not isinstance(value, Mapping) or not value:
            continue
        if all(_is_scalar(v) for v in value.values()):
            flat[key] = value
        elif all(isinstance(v, Mapping) for v in value.values()):
            nested[key] = value
    if flat:
        columns = _columns(flat)
        lines += _table(
            ["", *columns], [[k, *(g.get(c) for c in columns)] for k, g in flat.items()]
        )
    for key, groups in nested.items():
        columns = _columns(groups)
        lines += [f"*{key}*", ""]
        lines += _table(
            [key, *columns], [[k, *(g.get(c) for c in columns)] for k, g in groups.items()]
        )
    for key, value in result.items():
        if _is_matrix(value) and isinstance(value, list):
            size = range(len(value))
            lines += [f"*{key}* (rows: gold, columns: predicted)", ""]
            lines += _table(["", *map(str, size)], [[str(i), *value[i]] for i in size])
    return lines


CAVEAT = (
    "These are development sets: the trigger lexicon and the rules were written while",
    "reading their errors, so figures on held-out data will be lower. The event model",
    "(`event_model` setting) trained on the training part of each dev set (the split is",
    "fixed in `bilat.nlp.learned.split`) and is scored here only on the part it never",
    "saw (`event_model` below says how much); its own figures are in",
    "`src/bilat/resources/models/MODEL_CARD.md`.",
)


def render_markdown(
    results: Mapping[str, Mapping[str, object]],
    *,
    data: Path | str | None = None,
    when: date | None = None,
    bilat: str | None = None,
) -> str:
    """EVAL.md as a string."""
    lines = [
        "# bilat evaluation",
        "",
        f"bilat {bilat or bilat_version()}, {(when or date.today()).isoformat()}.",
    ]
    if data is not None:
        lines.append(f"Data: `{data}`; scoring rules: `{data}/README.md`.")
    lines += ["", *CAVEAT, ""]
    for name, result in results.items():
        rule, _, dataset = name.partition(" ")
        number, title = RULES.get(rule, (None, rule))
        heading = f"Rule {number}: {title}" if number else title
        lines += [f"## {heading}", "", f"Data set: `{dataset or name}`", ""]
        lines += render_result(result)
    lines += render_calibration(results)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_calibration(results: Mapping[str, Mapping[str, object]]) -> list[str]:
    """Precision by confidence band over every rule 6 set, out of fold, and the confidence
    from which events are 70% and 80% right."""
    from bilat.evaluation.calibration import bands, merged, out_of_fold_pairs, threshold_for

    samples = [
        sample
        for r in results.values()
        if isinstance(r.get("calibration_samples"), list)
        for sample in r["calibration_samples"]  # type: ignore[attr-defined]
    ]
    if not samples:
        return []
    rows = merged([bands(out_of_fold_pairs(samples))])
    lines = ["## Calibration: is confidence a probability?", ""]
    lines += [
        "Predicted events of every rule 6 set above, by confidence band; an event is right",
        "when it matches a gold event (typed). Each event's confidence here is out of fold:",
        "the confidence model (resources/models/confidence.json) fitted again on the other",
        "four of five folds of documents (folds fixed by a hash of the document's name).",
        "",
    ]
    lines += _band_table(rows)
    for wanted in (0.7, 0.8):
        found = threshold_for(rows, wanted)
        said = "never" if found is None else f"from confidence {found:.1f}"
        lines += [f"Precision {wanted:.0%} is reached {said}.", ""]
    tables = [r["calibration"] for r in results.values() if isinstance(r.get("calibration"), list)]
    shipped = merged(tables)  # type: ignore[arg-type]
    high = [(n, right) for low, n, right in shipped if low >= 0.7]
    n_high, right_high = sum(n for n, _ in high), sum(r for _, r in high)
    if n_high:
        lines += [
            f"With the shipped fit (which saw these events): {right_high} of {n_high} events "
            f"at confidence 0.7 or more are right ({right_high / n_high:.3f}).",
            "",
        ]
    return lines


def _band_table(rows: Sequence[tuple[float, int, int]]) -> list[str]:
    table = []
    for i, (low, n, right) in enumerate(rows):
        n_above = sum(r[1] for r in rows[i:])
        right_above = sum(r[2] for r in rows[i:])
        table.append(
            [
                f">= {low:.1f}",
                n,
                right,
                right / n if n else None,
                right_above / n_above if n_above else None,
            ]
        )
    return _table(["confidence", "events", "right", "precision", "precision at or above"], table)


def write_markdown(
    results: Mapping[str, Mapping[str, object]],
    path: Path,
    *,
    data: Path | str | None = None,
    when: date | None = None,
) -> None:
    """Write EVAL.md (see ``render_markdown``) to ``path``."""
    path.write_text(render_markdown(results, data=data, when=when), encoding="utf-8")
