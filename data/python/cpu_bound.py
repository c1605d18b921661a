#!/usr/bin/env python3
"""CPU-bound work in Python: serially, on a thread pool and on a process pool.

The workload is the one notebook 08 runs in C#: count the primes below --limit by trial
division, split into --chunks equal ranges (later ranges cost more, since each candidate
needs more divisions). It runs as a plain loop, on a ThreadPoolExecutor and on a
ProcessPoolExecutor with each count of --workers, timed in --repeats interleaved rounds;
the best time of each case is kept. Two small side checks follow: tasks that only wait
(time.sleep releases the GIL) and C code that releases the GIL itself (hashlib on large
buffers).

The result is one JSON object on stdout; nothing else is printed there.

    python3 cpu_bound.py --limit 80000 --chunks 8 --workers 1,2,4 --repeats 3
"""
import argparse
import concurrent.futures as cf
import hashlib
import json
import multiprocessing
import os
import platform
import sys
import sysconfig
import time


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def count_primes(bounds):
    """Primes in [start, stop): the unit of work handed to a worker."""
    start, stop = bounds
    return sum(1 for n in range(start, stop) if is_prime(n))


def split(limit, chunks):
    edges = [limit * i // chunks for i in range(chunks + 1)]
    return list(zip(edges[:-1], edges[1:]))


def timed(run):
    """Runs run() once; returns (seconds, result)."""
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def best_of(repeats, run):
    """The best time of `repeats` runs of run(), in seconds."""
    return min(timed(run)[0] for _ in range(repeats))


def on_threads(workers, function, items):
    with cf.ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def wait_a_little(seconds):
    time.sleep(seconds)  # the interpreter lets go of the GIL while sleeping
    return seconds


def digest(data):
    # CPython's hashlib releases the GIL while hashing buffers larger than a couple of KiB.
    return hashlib.sha256(data).hexdigest()


def gil_state():
    """True/False when the interpreter can tell (3.13+), None when it cannot (then it has a GIL)."""
    check = getattr(sys, "_is_gil_enabled", None)
    return check() if check else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=80_000, help="count primes below this number")
    parser.add_argument("--chunks", type=int, default=8, help="how many equal ranges the work is split into")
    parser.add_argument("--workers", default=None,
                        help="comma-separated worker counts, e.g. 1,2,4 (default: 1 up to the CPU count)")
    parser.add_argument("--repeats", type=int, default=3, help="timed rounds over all cases; the best time of each case is kept")
    parser.add_argument("--no-side-checks", action="store_true", help="skip the sleep and hashlib checks")
    args = parser.parse_args()
    if args.limit < 1 or args.chunks < 1 or args.repeats < 1:
        parser.error("--limit, --chunks and --repeats must be at least 1")
    cpus = os.cpu_count() or 1
    try:
        workers = sorted({int(w) for w in args.workers.split(",")}) if args.workers else list(range(1, cpus + 1))
    except ValueError:
        parser.error(f"--workers must be comma-separated whole numbers, got {args.workers!r}")
    if not workers or workers[0] < 1:
        parser.error("--workers needs counts of at least 1")

    started = time.perf_counter()
    chunks = split(args.limit, args.chunks)
    primes = sum(count_primes(c) for c in chunks)

    # Every process pool is started before any timing (its start-up time is reported on its own), so
    # the timings are the work plus the pickling of arguments and results.
    pools, pool_start_s = {}, {}
    for w in workers:
        pool_started = time.perf_counter()
        pools[w] = cf.ProcessPoolExecutor(max_workers=w)
        list(pools[w].map(wait_a_little, [0.01] * w))
        pool_start_s[w] = time.perf_counter() - pool_started

    cases = [("serial", 0, lambda: [count_primes(c) for c in chunks])]
    cases += [("threads", w, lambda w=w: on_threads(w, count_primes, chunks)) for w in workers]
    cases += [("processes", w, lambda w=w: list(pools[w].map(count_primes, chunks))) for w in workers]
    # Rounds interleave the cases, so a burst of load from elsewhere hits them all rather than one.
    runs = {(kind, w): [] for kind, w, _ in cases}
    try:
        for _ in range(args.repeats):
            for kind, w, run in cases:
                seconds, result = timed(run)
                if sum(result) != primes:
                    raise RuntimeError(f"{kind} with {w} workers counted {sum(result)} primes, not {primes}")
                runs[(kind, w)].append(seconds)
    finally:
        for pool in pools.values():
            pool.shutdown()

    def timings(kind):
        rows = [{"workers": w, "seconds": min(runs[(kind, w)]), "runs": runs[(kind, w)]} for w in workers]
        if kind == "processes":
            for row in rows:
                row["pool_start_s"] = pool_start_s[row["workers"]]
        return rows

    serial_s = min(runs[("serial", 0)])
    serial_all = runs[("serial", 0)]
    threads, processes = timings("threads"), timings("processes")

    report = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "free_threaded_build": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "gil_enabled": gil_state(),
        "cpu_count": cpus,
        "start_method": multiprocessing.get_start_method(),
        "workload": {"function": "count_primes", "limit": args.limit, "chunks": args.chunks,
                     "primes": primes, "repeats": args.repeats},
        "serial_s": serial_s,
        "serial_runs": serial_all,
        "threads": threads,
        "processes": processes,
    }

    if not args.no_side_checks:
        tasks = max(4, max(workers))
        sleep_s = 0.04
        serial_wait = best_of(1, lambda: [wait_a_little(sleep_s) for _ in range(tasks)])
        threaded_wait = best_of(1, lambda: on_threads(tasks, wait_a_little, [sleep_s] * tasks))
        report["io_wait"] = {"tasks": tasks, "sleep_s": sleep_s, "serial_s": serial_wait, "threads": tasks,
                             "threads_s": threaded_wait}

        buffers = [bytes([i]) * (8 << 20) for i in range(tasks)]
        threads_n = max(workers)
        serial_hash = best_of(args.repeats, lambda: [digest(b) for b in buffers])
        threaded_hash = best_of(args.repeats, lambda: on_threads(threads_n, digest, buffers))
        report["native"] = {"what": f"hashlib.sha256 of {tasks} buffers of 8 MiB", "serial_s": serial_hash,
                            "threads": threads_n, "threads_s": threaded_hash}

    report["total_s"] = time.perf_counter() - started
    json.dump(report, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
