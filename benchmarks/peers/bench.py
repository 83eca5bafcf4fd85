"""run.sh's driver: one timing method for every side, B12Dosing and each peer interleaved.

Usage: /usr/bin/python3 bench.py <work dir> <benchmarks dll> <floor binary> <desolve_model.so>
Settings (environment): REGIMENS ("bnf-no-neuro kuzminski-oral"), PATIENTS ("1000 100000"), SLOW_PATIENTS (1000: the
only population the integrators scipy and deSolve run), PAIRS (5), WARMUP (1.0 s), SAMPLE (0.3 s), SEED (1), DAYS (365),
PEERS ("numba numpy scipy desolve floor").

Every side is a long-lived server process (B12Dosing: the benchmarks project's `peers-serve`; each peer: its script or
binary) that loads its inputs once and answers `run R` with the process CPU time (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)
or its equivalent: .NET Environment.CpuUsage, Python time.process_time, R proc.time) of R runs of the whole population:
B12Dosing's PopulationSimulator.Run on one thread (draw the patients, absorb each dose, run them, log histograms of
stores and serum per row and the count below the serum threshold); each peer the same run from the exported rates and
intake outcomes (it does not draw patients or evaluate absorption). Each side is warmed up (runs until WARMUP seconds of
CPU, at least one run; numba's and .NET's JIT compile there), R is chosen so that a sample takes about SAMPLE seconds,
then PAIRS pairs alternate: B12Dosing, peer, B12Dosing, peer ... The ratio of a pair is the peer's CPU time per
patient-year over B12Dosing's; the lines give its median, min and max, and the load average (os.getloadavg) during the pairs.
"""
import os
import statistics
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


class Server:
    """A side's server process: `verb R` on its standard input, the CPU seconds of R runs on its standard output."""

    def __init__(self, name, command, verb="run", announces=True):
        self.name, self.verb, self.announces = name, verb, announces
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=HERE)
        self.repeats = 1

    def wait_ready(self):
        line = self.process.stdout.readline() if self.announces else "ready"
        if not line.startswith("ready"):
            raise SystemExit(f"{self.name} did not start (said {line!r})")

    def run(self, repeats):
        self.process.stdin.write(f"{self.verb} {repeats}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"{self.name} stopped")
        return float(line.split()[0])

    def warm_up(self, warmup, sample):
        spent, runs, last = 0.0, 0, 0.0
        while runs == 0 or spent < warmup:
            last = self.run(1)
            spent += last
            runs += 1
        self.repeats = max(1, round(sample / max(last, 1e-9)))

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def library(dll, regimen, patients, seed, days, verb="population"):
    """B12Dosing's server: `population R` (PopulationSimulator.Run, one thread) or `span R` (the span path per patient)."""
    return Server("b12dosing", ["dotnet", dll, "peers-serve", "--patients", str(patients), "--regimen", regimen, "--seed", str(seed), "--days", str(days)],
                  verb, announces=False)


def peer_command(peer, directory, patients, floor, so):
    python = "/usr/bin/python3"
    return {
        "numba": [python, "numba_peer.py", directory, str(patients)],
        "numpy": [python, "numpy_peer.py", directory, str(patients)],
        "scipy": [python, "scipy_peer.py", directory, str(patients)],
        "desolve": ["Rscript", "desolve_peer.R", directory, str(patients), so],
        "floor": [floor, directory, str(patients)],
    }[peer]


def agreement(directory, peer):
    ours = np.fromfile(os.path.join(directory, "b12dosing.f64"), "<f8").reshape(-1, 2)
    theirs = np.fromfile(os.path.join(directory, f"{peer}.f64"), "<f8").reshape(-1, 2)
    if len(theirs) == 0 or len(theirs) > len(ours):
        raise SystemExit(f"{peer}: {len(theirs)} values against b12dosing's {len(ours)}")
    ours = ours[: len(theirs)]
    rel = np.abs(theirs - ours) / np.maximum(np.abs(ours), 1e-300)
    return rel[:, 0].max(), rel[:, 1].max(), len(theirs)


def interleave(ours, theirs, pairs, per_ours, per_theirs):
    ratios, ours_times, their_times, loads = [], [], [], []
    for _ in range(pairs):
        a = ours.run(ours.repeats) / (ours.repeats * per_ours)
        loads.append(os.getloadavg()[0])
        b = theirs.run(theirs.repeats) / (theirs.repeats * per_theirs)
        loads.append(os.getloadavg()[0])
        ours_times.append(a)
        their_times.append(b)
        ratios.append(b / a)
    return ratios, ours_times, their_times, loads


def fmt(x):
    return f"{x:.3g}" if x < 1000 else f"{x:.0f}"


def main():
    work, dll, floor, so = sys.argv[1:5]
    env = os.environ
    regimens = env.get("REGIMENS", "bnf-no-neuro kuzminski-oral").split()
    sizes = [int(x) for x in env.get("PATIENTS", "1000 100000").split()]
    slow = int(env.get("SLOW_PATIENTS", "1000"))
    pairs = int(env.get("PAIRS", "5"))
    warmup = float(env.get("WARMUP", "1.0"))
    sample = float(env.get("SAMPLE", "0.3"))
    seed, days = int(env.get("SEED", "1")), int(env.get("DAYS", "365"))
    peers = env.get("PEERS", "numba numpy scipy desolve floor").split()
    years = days / 365.0
    worst = 0.0
    summary = []
    per_year = {}
    for regimen in regimens:
        directory = os.path.join(work, regimen)
        export = max(sizes)
        subprocess.run(["dotnet", dll, "peers", directory, "--patients", str(export), "--agree", str(min(1000, export)),
                        "--regimen", regimen, "--seed", str(seed), "--days", str(days)], check=True)
        checked = set()
        for n in sizes:
            ours = library(dll, regimen, n, seed, days)
            ours.warm_up(warmup, sample)
            for peer in peers:
                if peer in ("scipy", "desolve") and n > slow:
                    continue
                theirs = Server(peer, peer_command(peer, directory, n, floor, so))
                theirs.wait_ready()
                if peer not in checked:
                    stores, serum, values = agreement(directory, peer)
                    print(f"agreement {peer} {regimen}: {values // 2} patient-rows, max relative difference stores {stores:.2e}, serum {serum:.2e}")
                    worst = max(worst, stores, serum)
                    checked.add(peer)
                theirs.warm_up(warmup, sample)
                ratios, a, b, loads = interleave(ours, theirs, pairs, n * years, n * years)
                theirs.close()
                name = f"b12dosing_vs_{peer}_{regimen}_{n}"
                line = (f"{name}: {statistics.median(ratios):.3g}x (min {min(ratios):.3g}, max {max(ratios):.3g}; {pairs} pairs; "
                        f"per patient-year b12dosing {fmt(statistics.median(a) * 1e6)} µs, {peer} {fmt(statistics.median(b) * 1e6)} µs; "
                        f"load {min(loads):.2f}-{max(loads):.2f})")
                print(line, flush=True)
                summary.append(line)
                per_year.setdefault((regimen, n), []).extend(a)
            if n == min(sizes):
                span = library(dll, regimen, n, seed, days, "span")
                span.warm_up(warmup, sample)
                ratios, a, b, loads = interleave(ours, span, pairs, n * years, n * years)
                span.close()
                line = (f"b12dosing_span_over_population_{regimen}_{n}: {statistics.median(ratios):.3g}x (min {min(ratios):.3g}, max {max(ratios):.3g}; "
                        f"per patient-year population {fmt(statistics.median(a) * 1e6)} µs, span path {fmt(statistics.median(b) * 1e6)} µs; load {min(loads):.2f}-{max(loads):.2f})")
                print(line, flush=True)
                summary.append(line)
            ours.close()
    if len(regimens) > 1:
        for n in sizes:
            base = per_year.get((regimens[0], n))
            for other in regimens[1:]:
                if base and per_year.get((other, n)):
                    print(f"b12dosing_{other}_over_{regimens[0]}_{n}: {statistics.median(per_year[(other, n)]) / statistics.median(base):.3g}x "
                          f"(medians of B12Dosing's samples above, per patient-year)")
    print(f"agreement_max_rel_diff: {worst:.3g}")
    if worst > 1e-6:
        raise SystemExit("a peer does not agree with B12Dosing within 1e-6")


if __name__ == "__main__":
    main()
