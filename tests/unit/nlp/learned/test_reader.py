"""The event model's background reader: in a process of its own its readings are the
model's own and it ends with its caller; a worker of the local engine's pool reads in a
thread; a reader that fails says why to the caller."""

from __future__ import annotations

import io
import multiprocessing
import pickle
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from bilat import children
from bilat.errors import ModelReaderFailed
from bilat.nlp.learned import reader as reader_module
from bilat.nlp.learned.encoder import EventEncoder, SentenceReading
from bilat.nlp.learned.reader import ReadingProcess, SentenceReader

SENTENCES = [
    ["Russia", "and", "Pakistan", "held", "talks", "in", "Moscow", "."],
    ["China", "accused", "India", "of", "violating", "the", "border", "agreement", "."],
    ["The", "weather", "was", "fine", "."],
]


@pytest.fixture(scope="module")
def encoder() -> EventEncoder:
    return EventEncoder.load()


def test_readings_in_the_child_process_are_the_models_own(encoder: EventEncoder) -> None:
    reader = SentenceReader(encoder)
    try:
        assert reader.in_child
        first = reader.submit(SENTENCES[:2])
        second = reader.submit(SENTENCES[2:])
        got = first.result() + second.result()
    finally:
        reader.close()
    assert got == encoder.read(SENTENCES)


def test_a_worker_of_the_local_engines_pool_reads_in_a_thread(
    encoder: EventEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "in_worker_pool", lambda: True)
    reader = SentenceReader(encoder)
    try:
        assert not reader.in_child
        assert reader.submit(SENTENCES).result() == encoder.read(SENTENCES)
    finally:
        reader.close()


def test_a_failed_reading_in_the_thread_reaches_the_caller(
    encoder: EventEncoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "in_worker_pool", lambda: True)

    def broken(sentences: object) -> list[SentenceReading]:
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(encoder, "read", broken)
    reader = SentenceReader(encoder)
    try:
        with pytest.raises(RuntimeError, match="model file unreadable"):
            reader.submit(SENTENCES).result()
    finally:
        reader.close()


def test_a_reading_process_that_cannot_load_the_model_says_why(
    encoder: EventEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "event_model.onnx"
    broken.write_bytes(b"not an onnx model")
    monkeypatch.setattr(encoder, "model_path", broken)
    reader = SentenceReader(encoder)
    try:
        with pytest.raises(ModelReaderFailed, match=r"reading process stopped: .*(onnx|ONNX)"):
            reader.submit(SENTENCES).result(timeout=60)
        # and so does every later batch, at once
        with pytest.raises(ModelReaderFailed, match="reading process stopped"):
            reader.submit(SENTENCES).result(timeout=5)
    finally:
        reader.close()


def test_a_batch_the_model_fails_on_is_answered_and_the_next_is_read(tmp_path: Path) -> None:
    # The child's loop, in this process: a batch that is not sentences gets its reason,
    # the batch after it its readings.
    requests = io.BytesIO()
    pickle.dump([[1, 2]], requests)
    pickle.dump(SENTENCES, requests)
    requests.seek(0)
    answers = io.BytesIO()
    models = EventEncoder.load()
    reader_module.serve(models.model_path, models.tokenizer_path, requests, answers)
    answers.seek(0)
    first, second = pickle.load(answers), pickle.load(answers)
    assert isinstance(first, str) and "TypeError" in first
    assert second == models.read(SENTENCES)


def test_the_reading_process_ends_when_its_caller_is_killed(tmp_path: Path) -> None:
    script = tmp_path / "caller.py"
    script.write_text(
        "import os, time\n"
        "from bilat.nlp.learned.encoder import EventEncoder\n"
        "from bilat.nlp.learned.reader import SentenceReader\n"
        "reader = SentenceReader(EventEncoder.load())\n"
        "reader.submit([['Talks', '.']]).result()\n"
        "print(reader._child._process.pid, flush=True)\n"
        "time.sleep(120)\n",
        encoding="utf-8",
    )
    caller = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert caller.stdout is not None
    child = int(caller.stdout.readline())
    caller.kill()
    caller.wait()
    caller.stdout.close()
    for _ in range(100):
        if not Path(f"/proc/{child}").exists() or "zombie" in _state(child):
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"reading process {child} outlived its killed caller")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text(encoding="ascii").lower()
    except OSError:
        return "zombie"


# A stand-in child that answers each request at once with far more than a pipe holds.
_LOUD_CHILD = (
    "import pickle, sys\n"
    "while True:\n"
    "    try:\n"
    "        request = pickle.load(sys.stdin.buffer)\n"
    "    except EOFError:\n"
    "        break\n"
    "    pickle.dump([len(request)] * 50_000, sys.stdout.buffer)\n"
    "    sys.stdout.buffer.flush()\n"
)


def test_big_requests_and_big_answers_at_once_do_not_block_each_other() -> None:
    # Requests that fill the child's stdin while its answers fill its stdout: the
    # collector must take answers while a request is being written.
    child = ReadingProcess([sys.executable, "-c", _LOUD_CHILD])
    request = [["word"] * 200 for _ in range(100)]  # about 80 KB pickled
    futures: list[Future[list[SentenceReading]]] = []
    writer = threading.Thread(
        target=lambda: futures.extend(child.submit(request) for _ in range(8))
    )
    writer.start()
    writer.join(timeout=60)
    try:
        assert not writer.is_alive(), "writing requests blocked"
        assert [len(f.result(timeout=60)) for f in futures] == [50_000] * 8
    finally:
        if writer.is_alive():  # end the child, so the blocked write fails and close returns
            child._process.kill()
        child.close()


def test_a_pool_worker_knows_it_is_one_and_this_process_is_not() -> None:
    assert not children.in_worker_pool()
    context = multiprocessing.get_context(children.start_method())
    with context.Pool(1) as pool:
        assert pool.apply(children.in_worker_pool) is True
