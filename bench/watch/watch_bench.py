#!/usr/bin/env python3
"""Watcher benchmark: `vcsync watch` against a full re-sync on a timer (vspheredb-style), same simulator, same command.

Usage: python3 bench/watch/watch_bench.py [SIZE] [RENAMES] [BURST] [CHANGES] [INTERVAL]
       (defaults 10k 40 1000 10000 170; run from the repository root; builds nothing: needs
       test/Simulator/bin/vcsim-vcsync and src/VcSync.Cli/bin/Release/net10.0/vcsync, e.g. after `dotnet build -c Release`).

Watcher: latency of RENAMES renames one after the other (from just before the control call to the row seen committed
in the SQLite file, polled every 5 ms), CPU over 60 idle seconds (one alarm poll), a burst of BURST power-ons (each VM's time until its
row says poweredOn, polled every 20 ms: p50, p95, all), then CHANGES more power changes in rounds of 1,000 (500 off,
500 on, each applied before the next) with the RSS after each round, and the CPU (user+sys) of each phase.
Timer: `vcsync sync` of the same simulator into another SQLite file, between the watcher's phases (the first, into an
empty file, not counted): wall, CPU and peak RSS per sync; a change then waits half an INTERVAL on average.
"""
import json, os, sqlite3, ssl, statistics, subprocess, sys, tempfile, time, urllib.request

size = sys.argv[1] if len(sys.argv) > 1 else "10k"
renames = int(sys.argv[2]) if len(sys.argv) > 2 else 40
burst = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
changes = int(sys.argv[4]) if len(sys.argv) > 4 else 10000
interval = float(sys.argv[5]) if len(sys.argv) > 5 else 170.0
root = os.getcwd()
vcsync = f"{root}/src/VcSync.Cli/bin/Release/net10.0/vcsync"
work = tempfile.mkdtemp(prefix="vcsync-watchbench-")
db, timer_db = os.path.join(work, "vcsync.db"), os.path.join(work, "timer.db")
load_start = os.getloadavg()
sim = subprocess.Popen([f"{root}/test/Simulator/bin/vcsim-vcsync", "-size", size, "-ignore-stdin"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
info = json.loads(sim.stdout.readline())
ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
env = dict(os.environ, VCSYNC_PASSWORD=info["password"])
target = ["--url", info["url"], "--username", info["username"], "--thumbprint", info["thumbprint"]]

def control(body):
    req = urllib.request.Request(f"https://127.0.0.1:{info['port']}/vcsync/control", data=json.dumps(body).encode(), method="POST")
    return json.load(urllib.request.urlopen(req, context=ctx))

def query(sql, *args):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def status_mb(pid, key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key + ":"):
            return round(int(line.split()[1]) / 1024)

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]

def full_sync():
    """One `vcsync sync` of the simulator into the timer's file: wall, CPU and peak RSS of the process."""
    t0 = time.perf_counter()
    p = subprocess.Popen([vcsync, "sync", *target, "--db", timer_db, "--name", "timer", "--json"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, code, usage = os.wait4(p.pid, 0)
    assert code == 0, "vcsync sync failed"
    return {"wall_s": time.perf_counter() - t0, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}

def power(op, count):
    """A power burst; the seconds until each VM's row shows it."""
    state = "poweredOn" if op == "powerOnMany" else "poweredOff"
    t0 = time.perf_counter()
    done = control({"op": op, "count": count})
    waiting, seen = set(done["vms"]), []
    while waiting:
        marks = "(" + ",".join("?" * len(waiting)) + ")"
        for (moref,) in query(f"SELECT moref FROM vcenter_vms WHERE power_state = ? AND moref IN {marks}", state, *waiting):
            waiting.discard(moref)
            seen.append(time.perf_counter() - t0)
        time.sleep(0.02)
    return seen

full_sync()  # the timer's first sync fills its file; the counted ones rewrite what changed
syncs = []
started = time.time()
watch = subprocess.Popen([vcsync, "watch", *target, "--db", db, "--name", "bench"], env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "watch.log"), "w"))
try:
    while True:
        try:
            if query("SELECT status FROM vcenter_watchers") == [("watching",)]:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    reconcile = time.time() - started
    syncs.append(full_sync())
    vms = [m for (m,) in query("SELECT moref FROM vcenter_vms ORDER BY moref")]
    latencies = []
    for i in range(renames):
        moref, name = vms[i * 7 % len(vms)], f"bench-rename-{i}"
        t0 = time.perf_counter()
        control({"op": "rename", "entity": moref, "entityType": "VirtualMachine", "name": name})
        while query("SELECT name FROM vcenter_vms WHERE moref = ?", moref) != [(name,)]:
            time.sleep(0.005)
        latencies.append(time.perf_counter() - t0)
    cpu0, t0 = cpu_seconds(watch.pid), time.time()
    time.sleep(60)
    idle = (cpu_seconds(watch.pid) - cpu0) / (time.time() - t0) * 100
    rss_before = status_mb(watch.pid, "VmRSS")
    cpu0 = cpu_seconds(watch.pid)
    applied = power("powerOnMany", burst)
    burst_cpu = cpu_seconds(watch.pid) - cpu0
    syncs.append(full_sync())
    rss, cpu0 = [status_mb(watch.pid, "VmRSS")], cpu_seconds(watch.pid)
    for _ in range(changes // 1000):
        power("powerOffMany", 500)
        power("powerOnMany", 500)
        rss.append(status_mb(watch.pid, "VmRSS"))
    changes_cpu = cpu_seconds(watch.pid) - cpu0
    syncs.append(full_sync())
    wall = statistics.median(s["wall_s"] for s in syncs)
    cpu = statistics.median(s["cpu_s"] for s in syncs)
    print(json.dumps({
        "size": size, "vms": info["vms"], "load_average_start": load_start[0], "load_average_end": os.getloadavg()[0],
        "watcher": {
            "reconcile_s": round(reconcile, 2), "renames": renames, "latency_p50_ms": round(pct(latencies, 0.5) * 1000),
            "latency_p95_ms": round(pct(latencies, 0.95) * 1000), "latency_max_ms": round(max(latencies) * 1000),
            "idle_cpu_percent": round(idle, 2), "burst": len(applied), "burst_p50_s": round(pct(applied, 0.5), 2),
            "burst_p95_s": round(pct(applied, 0.95), 2), "burst_all_applied_s": round(max(applied), 2), "burst_cpu_s": round(burst_cpu, 2),
            "rss_mb_before_burst": rss_before, "changes": changes // 1000 * 1000, "rss_mb_per_1000_changes": rss,
            "changes_cpu_s": round(changes_cpu, 2), "peak_rss_mb": status_mb(watch.pid, "VmHWM"),
        },
        "timer": {
            "interval_s": interval, "syncs": [{k: round(v, 2) for k, v in s.items()} for s in syncs],
            "latency_p50_s": round(interval / 2 + wall, 1), "latency_p95_s": round(interval * 0.95 + wall, 1),
            "burst_all_applied_max_s": round(interval + wall, 1), "idle_cpu_percent": round(cpu / interval * 100, 2),
            "cpu_s_per_1000_changes": "none: one sync per interval whatever changed", "peak_rss_mb": round(max(s["rss_mb"] for s in syncs)),
        },
    }, indent=1))
finally:
    watch.terminate(); watch.wait(10); sim.terminate(); sim.wait(10)
