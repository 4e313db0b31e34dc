#!/usr/bin/env python3
"""Watcher benchmark: change-to-commit latency (p50/p95), a burst of power-ons, idle CPU and RSS of `vcsync watch`.

Usage: python3 bench/watch/watch_bench.py SIZE [RENAMES] [BURST]   (run from the repository root; builds nothing:
needs test/Simulator/bin/vcsim-vcsync and src/VcSync.Cli/bin/Release/net10.0/vcsync, e.g. after `dotnet build -c Release`).
Latency is from just before the control call to the moment the row is seen committed in the SQLite file (polled every 5 ms).
"""
import json, os, sqlite3, ssl, subprocess, sys, tempfile, time, urllib.request

size = sys.argv[1] if len(sys.argv) > 1 else "10k"
renames = int(sys.argv[2]) if len(sys.argv) > 2 else 40
burst = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
root = os.getcwd()
work = tempfile.mkdtemp(prefix="vcsync-watchbench-")
db = os.path.join(work, "vcsync.db")
sim = subprocess.Popen([f"{root}/test/Simulator/bin/vcsim-vcsync", "-size", size, "-ignore-stdin"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
info = json.loads(sim.stdout.readline())
ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE

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

def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

env = dict(os.environ, VCSYNC_PASSWORD=info["password"])
started = time.time()
watch = subprocess.Popen([f"{root}/src/VcSync.Cli/bin/Release/net10.0/vcsync", "watch", "--url", info["url"], "--username", info["username"],
                          "--thumbprint", info["thumbprint"], "--db", db, "--name", "bench"], env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "watch.log"), "w"))
try:
    while True:
        try:
            if query("SELECT status FROM vcenter_watchers") == [("watching",)]:
                break
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    reconcile = time.time() - started
    vms = [m for (m,) in query("SELECT moref FROM vcenter_vms ORDER BY moref")]
    latencies = []
    for i in range(renames):
        moref, name = vms[i * 7 % len(vms)], f"bench-rename-{i}"
        t0 = time.perf_counter()
        control({"op": "rename", "entity": moref, "entityType": "VirtualMachine", "name": name})
        while query("SELECT name FROM vcenter_vms WHERE moref = ?", moref) != [(name,)]:
            time.sleep(0.005)
        latencies.append(time.perf_counter() - t0)
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    rss_before = rss_mb(watch.pid)
    cpu0, t0 = cpu_seconds(watch.pid), time.time()
    time.sleep(20)
    idle = (cpu_seconds(watch.pid) - cpu0) / (time.time() - t0) * 100
    t0 = time.perf_counter()
    done = control({"op": "powerOnMany", "count": burst})
    marks = "(" + ",".join("?" * len(done["vms"])) + ")"
    while query(f"SELECT COUNT(*) FROM vcenter_vms WHERE power_state = 'poweredOn' AND moref IN {marks}", *done["vms"])[0][0] < done["count"]:
        time.sleep(0.01)
    burst_s = time.perf_counter() - t0
    rss_after = rss_mb(watch.pid)
    print(json.dumps({"size": size, "vms": info["vms"], "reconcile_s": round(reconcile, 2), "renames": renames,
                      "latency_p50_ms": round(p(0.5) * 1000), "latency_p95_ms": round(p(0.95) * 1000), "latency_max_ms": round(latencies[-1] * 1000),
                      "idle_cpu_percent": round(idle, 2), "burst": done["count"], "burst_all_applied_s": round(burst_s, 2),
                      "rss_mb_before_burst": round(rss_before), "rss_mb_after_burst": round(rss_after)}))
finally:
    watch.terminate(); watch.wait(10); sim.terminate(); sim.wait(10)
