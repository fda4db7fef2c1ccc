"""Property test of the batch engine on virtual time: random gateway answers, crashes and resumes.

A hypothesis state machine drives one journal through passes of the engine against a scripted gateway
whose every answer is drawn (2xx, 2xx undecodable, 429, 503, 500, a lost answer, 404 on status, a task
FAILED), cut short by crashes (the journal closed and reopened mid-run). Invariants after every step:
no period has two live tasks on the gateway unless it is flagged `duplicate_risk` (a task the gateway
reported FAILED is not live: replacing it is the documented exception), and a completed period stays
completed under the same task id with its results on disk.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tests.overlay._overlay_support import API_KEY, BASE_URL
from tests.overlay.batch._virtual import FakeGateway, VirtualClock, new_journal
from tradepose._batch._engine import BatchRun, RunLimits
from tradepose._batch._journal import Journal
from tradepose._client._async_client import AsyncTradePoseClient
from tradepose._http._config import ClientConfig

POST_ANSWERS = ["ok", "undecodable", "429", "503", "500", "lost"]
STATUS_ANSWERS = ["ok", "429", "503", "404", "lost", "failed"]
PERIODS = 2


class ScriptedGateway(FakeGateway):
    """FakeGateway whose next answers come from a drawn script; records each period's tasks."""

    def __init__(self, clock: VirtualClock) -> None:
        super().__init__(clock, duration=1.0)
        self.script: list[str] = []
        self.by_period: dict[bytes, list[str]] = defaultdict(list)
        self.failed: set[str] = set()

    def handler(self, request: httpx.Request) -> httpx.Response:
        answer = self.script.pop(0) if self.script else "ok"
        path = request.url.path
        if request.method == "POST" and path.endswith("/export"):
            if answer in ("429", "503"):  # provably no task
                return httpx.Response(int(answer), json={"detail": "busy"}, headers={"Retry-After": "1"})
            response = super().handler(request)
            task_id = json.loads(response.content)["task_id"]
            self.by_period[request.content].append(task_id)
            if answer == "undecodable":
                return httpx.Response(202, json={"queued": True})
            if answer == "500":
                return httpx.Response(500, json={"detail": "oops"})
            if answer == "lost":
                raise httpx.ReadError("connection reset", request=request)
            return response
        parts = path.split("/")
        task_id = parts[4] if len(parts) > 4 else ""
        is_status = request.method == "GET" and path.count("/") == 4 and "/tasks/" in path
        if is_status and (task_id in self.failed or (answer == "failed" and task_id in self.tasks)):
            self.failed.add(task_id)
            body = {"task_id": task_id, "user_id": "6f1c2a3e-0000-4000-8000-0000000000aa", "export_type": 0,
                    "created_at": "2024-01-01T00:00:00", "status": 3, "error_message": "boom"}  # fmt: skip
            return httpx.Response(200, json=body)
        if is_status and answer in ("429", "503", "404"):
            return httpx.Response(int(answer), json={"detail": "later"}, headers={"Retry-After": "1"})
        if is_status and answer == "lost":
            raise httpx.ReadError("connection reset", request=request)
        return super().handler(request)


async def one_pass(gateway: ScriptedGateway, journal: Journal, *, crash_after: float | None, retry: bool) -> None:
    """One engine pass; with `crash_after`, it is cut off after that much virtual time (a crash)."""
    clock = gateway.clock
    config = ClientConfig.resolve(api_key=API_KEY, server_url=BASE_URL, env={}, env_file=None, max_retries=1)
    client = AsyncTradePoseClient(config=config, transport=httpx.MockTransport(gateway.handler), clock=clock)
    run = BatchRun(client, journal, limits=RunLimits(poll_timeout=60.0), clock=clock)
    task = asyncio.ensure_future(run.run(resubmit_failed=retry, ambiguous=retry))

    async def until_done() -> None:
        await asyncio.wait({task})

    try:
        await clock.drive(until_done(), limit=86_400.0 if crash_after is None else crash_after)
        task.result()
    except AssertionError:  # the virtual time limit: the process "dies" here
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    finally:
        await client.aclose()


class BatchMachine(RuleBasedStateMachine):
    """Passes, crashes and resumes of one batch against a gateway answering at random."""

    def __init__(self) -> None:
        super().__init__()
        self._dir = TemporaryDirectory()
        self.workdir = Path(self._dir.name) / "b"
        self.clock = VirtualClock()
        self.gateway = ScriptedGateway(self.clock)
        self.journal = new_journal(self.workdir, PERIODS, self.clock)
        self.completed: dict[str, str] = {}  # period key -> task id, once done

    def teardown(self) -> None:
        self.journal.close()
        self._dir.cleanup()

    @rule(
        posts=st.lists(st.sampled_from(POST_ANSWERS), max_size=6),
        checks=st.lists(st.sampled_from(STATUS_ANSWERS), max_size=8),
        crash_after=st.none() | st.floats(min_value=0.0, max_value=30.0),
        retry=st.booleans(),
    )
    def run_pass(self, posts: list[str], checks: list[str], crash_after: float | None, retry: bool) -> None:
        """A pass (resume, or retry_failed) with drawn answers, maybe cut off by a crash."""
        self.gateway.script = [a for pair in zip(posts, checks, strict=False) for a in pair] + posts[len(checks) :]
        asyncio.run(one_pass(self.gateway, self.journal, crash_after=crash_after, retry=retry))

    @rule()
    def crash_and_reopen(self) -> None:
        """The process dies between passes: the journal is closed and opened again."""
        self.journal.close()
        self.journal = Journal.open(self.workdir, clock=self.clock)

    @rule()
    def heal_and_finish(self) -> None:
        """A healthy gateway and retry_failed(ambiguous=True): every period ends done."""
        self.gateway.script = []
        asyncio.run(one_pass(self.gateway, self.journal, crash_after=None, retry=True))
        rows = self.journal.summary_rows()
        assert all(r.state == "done" or (r.state == "failed" and r.error_stage == "task") for r in rows), rows

    @invariant()
    def no_unflagged_second_task(self) -> None:
        """Two live tasks for a period only when the journal flags it."""
        rows = {r.key: r for r in self.journal.summary_rows()}
        for body, task_ids in self.gateway.by_period.items():
            live = [t for t in task_ids if t not in self.gateway.failed]
            if len(live) > 1:
                start = json.loads(body)["start_date"]
                flagged = [r for r in rows.values() if r.period.to_wire()[0] == start]
                assert flagged and flagged[0].duplicate_risk, (start, task_ids)

    @invariant()
    def completed_results_are_never_lost(self) -> None:
        """A period once done stays done, under the same task id, with its result files on disk."""
        for row in self.journal.summary_rows():
            if row.key in self.completed:
                assert (row.state, row.task_id) == ("done", self.completed[row.key])
            if row.state == "done":
                self.completed[row.key] = str(row.task_id)
                assert row.results and all(f.path.is_file() for f in row.results)


BatchMachine.TestCase.settings = settings(
    max_examples=30, stateful_step_count=6, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
TestBatchMachine = BatchMachine.TestCase
