"""Rule 3: PLOVER gold standard records (v0.5 labels mapped to PLOVER 2.0).

For each record bilat runs on the record's ``text`` alone. The sentence's
predicted type is the type of its event with the highest absolute intensity
(the first on a tie), or none when bilat finds no event.

* Type accuracy: share of records whose predicted type equals the gold type.
* Country accuracy: over *gold actor slots* — each source or target actor of a
  record whose code is a country code (ISO 3166-1 alpha-3, or a historical
  state such as SUN, after mapping the GSR's CAMEO-style JAP, ITL and VTN to
  JPN, ITA and VNM; IGO, NGO, IMG, ISM and the like are not countries). A slot
  is correct when its code is among the same-role codes of the predicted events
  of the predicted type (several events, because bilat splits compound actors
  into one event each). Events marked ``symmetric``, and records whose markup
  tags actors ``SRC/TAR`` (reciprocal), count a code in either role. A record
  with no predicted event gets every slot wrong.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.errors import ResourceInvalid
from bilat.evaluation.classes import SentencePredictor, lead_event, predict_all
from bilat.evaluation.metrics import ratio
from bilat.records import Event, EventType

# v0.5 label -> (PLOVER 2.0 type, mode it implies)
LABEL_MAP: dict[str, tuple[EventType, str | None]] = {
    "DEMAND": (EventType.REQUEST, None),
    "DISAPPROVE": (EventType.ACCUSE, "disapprove"),
    "INVESTIGATE": (EventType.ACCUSE, "investigate"),
    "FIGHT": (EventType.ASSAULT, None),
}

# CAMEO-era codes in the GSR that name ISO countries differently.
CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

_ISO3 = """
ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD
BGR BHR BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR
COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH
ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL
GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR
JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR
MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL
NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL PRI PRK PRT PRY
PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP
SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA
UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE
"""
# Historical states and Kosovo's user-assigned code.
_EXTRA = "SUN YUG CSK DDR SCG XKX"
COUNTRY_CODES = frozenset(_ISO3.split()) | frozenset(_EXTRA.split())


def country_code(code: str | None) -> str | None:
    """The ISO country code a gold code stands for, or None when it names no country."""
    if not code:
        return None
    code = CODE_ALIASES.get(code.strip().upper(), code.strip().upper())
    return code if code in COUNTRY_CODES else None


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One gold record: sentence, PLOVER 2.0 type, actors, mode and context."""

    id: str
    text: str
    type: EventType
    source: tuple[GoldActor, ...]
    target: tuple[GoldActor, ...]
    mode: str | None = None
    context: str | None = None
    reciprocal: bool = False


def _actors(raw: object) -> tuple[GoldActor, ...]:
    # The GSR writes "no target" as null, "" or (once) a stray context word.
    if not isinstance(raw, list):
        return ()
    return tuple(
        GoldActor(str(a.get("actorText", "")), str(a.get("code", "")), a.get("sector"))
        for a in raw
        if isinstance(a, dict)
    )


def record_from_json(raw: dict[str, Any]) -> PloverRecord:
    """Map one GSR record to PLOVER 2.0; raises KeyError/ValueError on an unknown label."""
    label = str(raw["event"]).strip().upper()
    type_, implied_mode = LABEL_MAP.get(label, (None, None))
    type_ = type_ or EventType(label)
    info = raw.get("textInfo")
    markup = str(info.get("markup", "")) if isinstance(info, dict) else ""
    return PloverRecord(
        id=str(raw.get("id", "")),
        text=str(raw["text"]),
        type=type_,
        source=_actors(raw.get("source")),
        target=_actors(raw.get("target")),
        mode=implied_mode or str(raw.get("mode") or "") or None,
        context=str(raw.get("context") or "") or None,
        reciprocal="SRC/TAR" in markup,
    )


def load_plover(path: Path) -> list[PloverRecord]:
    """Read the GSR JSON list, dropping DOCUMENT records."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ResourceInvalid(f"{path}: expected a JSON list of records")
    records: list[PloverRecord] = []
    for raw in data:
        if not isinstance(raw, dict) or str(raw.get("event", "")).upper() == "DOCUMENT":
            continue
        try:
            records.append(record_from_json(raw))
        except (KeyError, ValueError) as exc:
            raise ResourceInvalid(f"{path}: record {raw.get('id')}: {exc}") from exc
    return records


def _role_codes(events: Sequence[Event]) -> tuple[set[str], set[str]]:
    sources: set[str] = set()
    targets: set[str] = set()
    for event in events:
        src = event.source.code
        tgt = event.target.code if event.target else None
        for code, role, other in ((src, sources, targets), (tgt, targets, sources)):
            if code:
                role.add(code.upper())
                if event.symmetric:
                    other.add(code.upper())
    return sources, targets


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """How one record fared: type right, and (right, total) country slots."""

    type: EventType
    predicted: EventType | None
    countries_right: int
    countries_total: int


def score_record(record: PloverRecord, events: Sequence[Event]) -> RecordOutcome:
    lead = lead_event(events)
    predicted = lead.type if lead else None
    same_type = [e for e in events if e.type is predicted]
    sources, targets = _role_codes(same_type)
    right = total = 0
    for gold_actors, role_codes in ((record.source, sources), (record.target, targets)):
        allowed = sources | targets if record.reciprocal else role_codes
        for actor in gold_actors:
            code = country_code(actor.code)
            if code is not None:
                total += 1
                right += code in allowed
    return RecordOutcome(record.type, predicted, right, total)


@dataclass(frozen=True, slots=True)
class PloverResult:
    """Figures of rule 3."""

    outcomes: tuple[RecordOutcome, ...]

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def type_accuracy(self) -> float:
        return ratio(sum(o.type is o.predicted for o in self.outcomes), self.n)

    @property
    def country_slots(self) -> int:
        return sum(o.countries_total for o in self.outcomes)

    @property
    def country_accuracy(self) -> float:
        return ratio(sum(o.countries_right for o in self.outcomes), self.country_slots)

    def as_dict(self) -> dict[str, Any]:
        per_type: dict[str, dict[str, float | int]] = {}
        for type_ in EventType:
            mine = [o for o in self.outcomes if o.type is type_]
            if mine:
                right = sum(o.type is o.predicted for o in mine)
                per_type[type_.value] = {"n": len(mine), "accuracy": ratio(right, len(mine))}
        return {
            "n": self.n,
            "type_accuracy": self.type_accuracy,
            "country_accuracy": self.country_accuracy,
            "country_slots": self.country_slots,
            "per_type": per_type,
        }


def score_plover(records: Sequence[PloverRecord], predict: SentencePredictor) -> PloverResult:
    """Score ``predict`` on ``records`` (one call with every record text)."""
    found = predict_all(predict, [r.text for r in records])
    return PloverResult(
        tuple(score_record(r, events) for r, events in zip(records, found, strict=True))
    )
