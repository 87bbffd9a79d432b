"""Where the event model reads while spaCy parses: a process of its own, or a thread.

``LearnedComponent.pipe`` hands each document's sentences to a reader and parses the
next documents while the model reads them. In a thread, the reading had to win the GIL
back from spaCy's components after every sentence, up to one switch interval (5 ms) a
time, about as long as the sentence's reading itself; the model fell behind the parse
and the pipeline waited for it. A child process has a GIL of its own: on 2 cores the
synthetic bench corpus went from 8.6 to 6.9 s per 100 articles, readings identical.

The child is ``python -m bilat.nlp.learned.reader``: it reads pickled batches of
sentences on its stdin and answers each on its stdout, in order, with one onnxruntime
thread (the parse keeps the other core busy; two threads measured slower). A plain
subprocess, not multiprocessing: it never re-imports the caller's main module (a user's
script needs no ``if __name__ == "__main__"``), and when the caller dies, even killed,
its stdin closes and it ends. A worker of the local engine's pool reads in a thread: the
pool's processes already keep every core busy.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
import threading
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO

from bilat.children import in_worker_pool
from bilat.errors import ModelReaderFailed
from bilat.nlp.learned.encoder import EventEncoder, SentenceReading

Words = Sequence[Sequence[str]]
Readings = list[SentenceReading]


class SentenceReader:
    """Reads batches of sentences in the background, each batch as ``encoder.read``
    would: in a child process, or in a thread in a worker of the local engine's pool."""

    def __init__(self, encoder: EventEncoder) -> None:
        self._encoder = encoder
        self._child: ReadingProcess | None = None
        self._thread: ThreadPoolExecutor | None = None
        if in_worker_pool():
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bilat-model")
        else:
            model, tokenizer = str(encoder.model_path), str(encoder.tokenizer_path)
            self._child = ReadingProcess([sys.executable, "-m", __name__, model, tokenizer])

    @property
    def in_child(self) -> bool:
        """Whether the reader reads in a child process (else in a thread)."""
        return self._child is not None

    @property
    def alive(self) -> bool:
        """Whether the reader can still read (its process has not ended)."""
        return self._child is None or self._child.alive

    def submit(self, sentences: Words) -> Future[Readings]:
        """The readings of ``sentences``, once the reader gets to them."""
        if self._child is not None:
            return self._child.submit(sentences)
        assert self._thread is not None
        return self._thread.submit(self._encoder.read, sentences)

    def close(self) -> None:
        """Stop the reader, after the readings under way."""
        if self._child is not None:
            self._child.close()
        if self._thread is not None:
            self._thread.shutdown(wait=True, cancel_futures=True)


class ReadingProcess:
    """A child that answers pickled requests on its stdin in order on its stdout (``python
    -m bilat.nlp.learned.reader``), and the answers it owes, oldest first."""

    def __init__(self, command: list[str]) -> None:
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as the child
        # the child imports this very bilat, wherever it was imported from
        here = str(Path(__file__).resolve().parents[3])
        paths = [here, *filter(None, [os.environ.get("PYTHONPATH")])]
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)},
        )
        self._owed: deque[Future[Readings]] = deque()
        # Two locks: writing a request may wait for the child to read, which may wait for
        # the collector to take its last answer, which must then not wait for the writer.
        self._lock = threading.Lock()  # the deque
        self._writing = threading.Lock()  # requests in the order of their futures
        self._collector = threading.Thread(
            target=self._collect, name="bilat-model-answers", daemon=True
        )
        self._collector.start()

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def submit(self, sentences: Words) -> Future[Readings]:
        future: Future[Readings] = Future()
        request = pickle.dumps([list(words) for words in sentences])
        with self._writing:
            with self._lock:
                stdin = self._process.stdin
                if stdin is None or stdin.closed or not self.alive:
                    future.set_exception(self._failure())
                    return future
                self._owed.append(future)
            try:
                stdin.write(request)
                stdin.flush()
            except (BrokenPipeError, ValueError):
                pass  # the collector fails every reading owed when it sees the end
        return future

    def close(self) -> None:
        """Close the child's stdin, so it ends once it has answered; wait for it."""
        with self._writing:
            if self._process.stdin is not None and not self._process.stdin.closed:
                self._process.stdin.close()
        self._process.wait()
        self._collector.join()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._errors.close()

    def _collect(self) -> None:
        """Hand each answer to the reading owed longest: the child answers in order."""
        stdout = self._process.stdout
        assert stdout is not None
        while True:
            try:
                answer = pickle.load(stdout)
            except (EOFError, pickle.UnpicklingError, OSError):
                break
            with self._lock:
                future = self._owed.popleft()
            if isinstance(answer, str):
                future.set_exception(ModelReaderFailed(f"the event model failed: {answer}"))
            else:
                future.set_result(answer)
        self._process.wait()
        with self._lock:
            while self._owed:
                self._owed.popleft().set_exception(self._failure())

    def _failure(self) -> ModelReaderFailed:
        """Why the child ended: the last line it wrote to stderr."""
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", errors="replace").strip().splitlines()
        reason = said[-1] if said else f"exit status {self._process.returncode}"
        return ModelReaderFailed(f"the event model's reading process stopped: {reason}")


def serve(model_path: Path, tokenizer_path: Path, requests: IO[bytes], answers: IO[bytes]) -> None:
    """The child's loop: read each batch of ``requests`` and answer it, until EOF. A
    batch the model fails on is answered with the reason, and the loop goes on."""
    encoder = EventEncoder(model_path, tokenizer_path, threads=1)
    while True:
        try:
            sentences = pickle.load(requests)
        except EOFError:
            return
        try:
            answer: Readings | str = encoder.read(sentences)
        except Exception as exc:  # noqa: BLE001 - the caller gets the reason with its batch
            answer = f"{type(exc).__name__}: {exc}"
        pickle.dump(answer, answers)
        answers.flush()


if __name__ == "__main__":
    serve(Path(sys.argv[1]), Path(sys.argv[2]), sys.stdin.buffer, sys.stdout.buffer)
