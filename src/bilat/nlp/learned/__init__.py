"""The learned event layer: a fine-tuned sentence encoder run with onnxruntime.

``split`` fixes which dev items the shipped model may train on; ``encoder`` runs the
exported model; ``layer`` lets its judgement overrule the rules where it measures better.
"""
