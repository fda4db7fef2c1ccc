"""Case 6: batches of many periods – client CPU, wall time, memory and requests per period.

One strategy (examples/strategies/ma_cross.json, one blueprint, 20 trades a period), one task per
one-day period, near-zero task durations (0–50 ms), the enterprise plan's 50 concurrent tasks with its
rate limit lifted. LocalGateway runs in this process; each client runs in a fresh child process, so it
never shares a GIL with the server, and reports:

- client CPU: user + system time of the whole child process (every thread: event loop, journal,
  downloads), from just before the tester is built until `wait()` returns with every result on disk –
  interpreter start and imports are left out, they do not grow with the batch;
- wall time over the same span;
- peak RSS of the child (`ru_maxrss`, imports included);
- requests per period: every request the gateway saw during the run, divided by the periods.

Batches of 5,000 periods or more run once (the row says "1 run"), to keep `make bench` bounded; the
others run `scale_runs` times. `python -m bench.scale [--quick]` runs this case alone.

Our `BatchTester` runs with its defaults. The public tradepose-client 1.5.0 `BatchTester`
(bench/ref_scale.py, in .venv-ref) runs on the same workload with its default 2 s poll interval,
measured the same way until its cache holds every period's trades and performance.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time

from bench._common import REF_PYTHON, ROOT, Row, Spread, emit, peak_rss, run_child, table
from bench.polling import periods

STRATEGY = ROOT / "examples" / "strategies" / "ma_cross.json"
PLAN = "enterprise"
TASK_DURATION = (0.0, 0.05)
TRADES = 20  # per period (one strategy with one blueprint)
RSS_LIMIT_MB = 300.0
RSS_TARGET_SIZE = 10_000  # the RSS target is stated for this batch size
CHILD_TIMEOUT = 3_600.0


def cpu_seconds() -> float:
    """User + system CPU time of this process, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(url: str, api_key: str, n_text: str) -> None:
    from tradepose import BatchTester, Period

    n = int(n_text)
    strategy = json.loads(STRATEGY.read_text())
    spans = [Period(s, e) for s, e in periods(n)]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as workdir:
        cpu, wall = cpu_seconds(), time.perf_counter()
        with BatchTester(api_key=api_key, server_url=url, env_file=None) as tester:
            batch = tester.submit([strategy], spans, workdir=workdir)
            batch.wait(progress=False)
            cpu, wall = cpu_seconds() - cpu, time.perf_counter() - wall
            status = batch.status
    emit({"cpu": cpu, "wall": wall, "rss": peak_rss(), "completed": status.get("completed", 0)})


def one_run(client: str, n: int, seed: int) -> dict[str, float]:
    """One client over `n` periods: CPU ms per period, wall s, peak RSS MB, requests per period."""
    from tradepose.testing import LocalGateway, ResultOptions

    with LocalGateway(plan=PLAN, task_duration=TASK_DURATION, requests_per_minute=10**9, seed=seed,
                      results=ResultOptions(trades_per_blueprint=TRADES)) as gw:  # fmt: skip
        if client == "reference":
            out = run_child("ref_scale", str(ROOT / "bench" / "ref_scale.py"), gw.url, gw.api_key, str(n),
                            python=REF_PYTHON, timeout=CHILD_TIMEOUT)  # fmt: skip
        else:
            out = run_child("scale", "child", gw.url, gw.api_key, str(n), timeout=CHILD_TIMEOUT)
        total = sum(sum(by_status.values()) for by_status in gw.stats.requests.values())
    if out["completed"] != n:
        raise RuntimeError(f"{client}: only {out['completed']} of {n} periods completed")
    return {"cpu_ms": out["cpu"] * 1000 / n, "wall": out["wall"], "rss_mb": out["rss"] / 2**20,
            "requests": total / n}  # fmt: skip


def bench(*, sizes: tuple[int, ...], reference_size: int, runs: int, large_runs: int = 1) -> list[Row]:
    """`sizes` ascending; batches of 5,000 periods or more run `large_runs` times, the others `runs` times."""
    ours: dict[int, list[dict[str, float]]] = {}
    for n in sizes:
        ours[n] = [one_run("batchtester", n, seed) for seed in range(large_runs if n >= 5_000 else runs)]
    ref = [one_run("reference", reference_size, seed) for seed in range(runs)]

    def spread(results: list[dict[str, float]], key: str) -> Spread:
        return Spread.of([r[key] for r in results])

    rows: list[Row] = []
    for n in sizes:
        once = " (1 run)" if len(ours[n]) == 1 else ""
        case = f"6. batch of {n:,} periods{once}, 1 strategy, {TRADES} trades each, tasks 0–50 ms"
        vs_ref = n == reference_size
        base_label = "tradepose-client 1.5.0" if vs_ref else "–"

        def base(key: str, vs_ref: bool = vs_ref) -> Spread | None:
            return spread(ref, key) if vs_ref else None

        cpu = spread(ours[n], "cpu_ms")
        cpu_target = "≤ 0.33× tradepose-client" if vs_ref else "–"
        cpu_met = cpu.median <= 0.33 * spread(ref, "cpu_ms").median if vs_ref else None
        rss = spread(ours[n], "rss_mb")
        rss_target = f"≤ {RSS_LIMIT_MB:.0f} MB" if n >= RSS_TARGET_SIZE else "–"
        rss_met = rss.median <= RSS_LIMIT_MB if n >= RSS_TARGET_SIZE else None
        rows += [
            Row(case, "client CPU ms per period", "BatchTester", cpu, base_label, base("cpu_ms"), ".1f",
                cpu_target, cpu_met),
            Row(case, "wall seconds", "BatchTester", spread(ours[n], "wall"), base_label, base("wall"), ".1f",
                "–", None),
            Row(case, "peak RSS, MB", "BatchTester", rss, base_label, base("rss_mb"), ".0f", rss_target, rss_met),
            Row(case, "requests per period", "BatchTester", spread(ours[n], "requests"), base_label,
                base("requests"), ".1f", "–", None),
        ]  # fmt: skip
    small, large = sizes[0], sizes[-1]
    growth_large, growth_small = spread(ours[large], "cpu_ms"), spread(ours[small], "cpu_ms")
    once = " (1 run)" if len(ours[large]) == 1 else ""
    rows.append(
        Row(f"6. CPU per period, {large:,}{once} vs {small:,} periods", "client CPU ms per period",
            f"{large:,} periods", growth_large, f"{small:,} periods", growth_small, ".1f", "≤ 1.25×",
            growth_large.median <= 1.25 * growth_small.median)
    )  # fmt: skip
    return rows


def main(argv: list[str]) -> None:
    """`python -m bench.scale [--quick]`: this case alone, its table printed (RESULTS.md is left alone)."""
    from bench.run import FULL, QUICK

    sizes = QUICK if "--quick" in argv else FULL
    print(table(bench(sizes=sizes.periods, reference_size=sizes.reference_periods, runs=sizes.scale_runs)))


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(*sys.argv[2:5])
    else:
        main(sys.argv[1:])
