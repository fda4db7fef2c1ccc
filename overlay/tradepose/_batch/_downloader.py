"""Downloads of the batch engine: a finished task's results, written atomically, hashed as written.

A backtest wants both frames, so it asks the ZIP route (`GET /tasks/{id}/result`, one request). A gateway
that does not serve that route (405/501, or a 404 for a task whose Parquet routes then do serve it, see
`zip_route_answer`) is asked the Parquet routes for the rest of the run, logged once. Each result file is
published (fsync, rename) and then every file of the period is recorded with its digest and the period
marked done in one journal transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from pathlib import Path

from .._client._result_files import zip_route_answer
from .._errors import JournalError, ResultWriteError, TradePoseError
from ._journal import Journal, publish_file
from ._run_state import RunState, describe, logger

__all__ = ["Downloads"]

Digests = Mapping[str, tuple[str, int]]


def _record_and_finish(journal: Journal, key: str, files: Mapping[str, tuple[Path, tuple[str, int]]]) -> None:
    """Record every result of `key` with its digest, then mark it done (one transaction in a group)."""
    for name, (path, digest) in files.items():
        journal.record_result(key, name, path, digest=digest)
    journal.mark_done(key)


class Downloads(RunState):
    """The download half of `BatchRun`."""

    def _start_download(self, key: str, task_id: str) -> None:
        self._spawn(self._download(key, task_id), self._downloads)

    async def _download(self, key: str, task_id: str) -> None:
        async with self._download_sem:
            try:
                row = await self._read(partial(self._journal.row, key))
                recorded = {r.name for r in row.results}
                missing = [name for name in self._kind.results if name not in recorded]
                files = await self._fetch(key, task_id, missing) if missing else {}
                await self._commit(partial(_record_and_finish, self._journal, key, files))
            except JournalError:
                raise  # the journal itself cannot be written: that ends the run (one typed error), not a period
            except TradePoseError as exc:
                logger.warning("downloading %s of task %s failed: %s", key, task_id, describe(exc))
                await self._commit(partial(self._journal.mark_failed, key, describe(exc), "download"))
            finally:
                self._wake.set()

    async def _fetch(self, key: str, task_id: str, names: list[str]) -> dict[str, tuple[Path, tuple[str, int]]]:
        finals = {name: self._journal.result_path(key, self._kind.filename(name)) for name in names}
        parts = {name: final.with_name(final.name + ".part") for name, final in finals.items()}
        folder = next(iter(finals.values())).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            digests = await self._fetch_parts(task_id, folder, parts)
            for name, part in parts.items():
                await self._clock.offload(partial(publish_file, part, finals[name]))
        except OSError as exc:  # disk full, unwritable path: this period fails, the batch goes on
            raise ResultWriteError(
                f"cannot write the results of {key} to {str(folder)!r} ({exc.strerror or exc}): free disk "
                f"space or fix the path's permissions, then resume the batch",
                path=str(folder),
            ) from exc
        finally:
            for part in parts.values():
                part.unlink(missing_ok=True)
        return {name: (finals[name], digests[name]) for name in names}

    async def _fetch_parts(self, task_id: str, folder: Path, parts: Mapping[str, Path]) -> Digests:
        bundle = self._kind.bundle
        if bundle is None or not self._zip_route or parts.keys() != self._kind.results.keys():
            return await self._fetch_each(task_id, parts)
        await self._pace()
        try:
            return await bundle(self._client, task_id, folder / "result.zip.part", parts)
        except TradePoseError as exc:
            answer = zip_route_answer(exc)
            if answer == "other":
                raise
            # Not served, or a 404 that is either that or an unknown task: the Parquet routes decide.
            digests = await self._fetch_each(task_id, parts)
            if self._zip_route:
                self._zip_route = False
                logger.info(
                    "the gateway does not serve the backtest ZIP route (%s); downloading each result "
                    "separately for the rest of this run",
                    describe(exc),
                )
            return digests

    async def _fetch_each(self, task_id: str, parts: Mapping[str, Path]) -> Digests:
        digests: dict[str, tuple[str, int]] = {}
        for name, part in parts.items():
            await self._pace()
            digests[name] = await self._kind.results[name](self._client, task_id, part)
        return digests
