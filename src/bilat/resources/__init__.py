"""bilat's data files (YAML) and the PLOVER ontology read from them."""

from bilat.resources.ontology import CameoMapping, Mode, Ontology, TypeInfo, load_ontology

__all__ = ["CameoMapping", "Mode", "Ontology", "TypeInfo", "load_ontology"]
