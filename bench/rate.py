"""The rate loop both Python baselines use: warm up, then call fn round-robin over items until n
calls or the time budget, and print "LABEL: N urls/s" (bench.sh reads that line)."""
import time


def run(label, fn, items, n, warmup, budget_s, check_every=64):
    for i in range(min(warmup, len(items))):
        fn(items[i])
    done = 0
    t0 = time.perf_counter()
    deadline = t0 + budget_s
    for i in range(n):
        fn(items[i % len(items)])
        done += 1
        if done % check_every == 0 and time.perf_counter() > deadline:
            break
    dt = time.perf_counter() - t0
    rate = done / dt
    print(f"{label}: {rate:.0f} urls/s" + ("" if done == n else f"  (stopped after {done} of {n}, time budget)"))
    return rate
