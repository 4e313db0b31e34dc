#!/usr/bin/python3
"""Sanity checks of the simulator with pyVmomi (the reference client).

Usage: /usr/bin/python3 pyvmomi_smoke.py '<the JSON line the simulator printed>'
"""
import json
import ssl
import sys
import time
import urllib.request

from pyVmomi import SoapStubAdapter, vim, vmodl

info = json.loads(sys.argv[1])
port = int(info["port"])
ctx = ssl._create_unverified_context()


def connect(user=info["username"], pw=info["password"]):
    stub = SoapStubAdapter(host="127.0.0.1", port=port, version="vim.version.version11", sslContext=ctx)
    si = vim.ServiceInstance("ServiceInstance", stub)
    content = si.RetrieveContent()
    content.sessionManager.Login(user, pw)
    return si, content


def control(body=None):
    url = "https://127.0.0.1:%d/vcsync/control" % port
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, context=ctx) as r:
        return json.loads(r.read())


def check(cond, msg):
    print(("ok   " if cond else "FAIL ") + msg)
    if not cond:
        check.failed += 1


check.failed = 0

# Wrong credentials.
try:
    connect(pw="wrong")
    check(False, "wrong password is refused")
except vim.fault.InvalidLogin:
    check(True, "wrong password is refused with InvalidLogin")

si, content = connect()
about = content.about
check(about.apiVersion == info["apiVersion"], "about.apiVersion is %s" % about.apiVersion)
pc = content.propertyCollector


def view_of(types):
    return content.viewManager.CreateContainerView(content.rootFolder, types, True)


def spec_for(view, propsets):
    ts = vmodl.query.PropertyCollector.TraversalSpec(name="v", type=vim.view.ContainerView, path="view", skip=False)
    os_ = vmodl.query.PropertyCollector.ObjectSpec(obj=view, skip=True, selectSet=[ts])
    ps = [vmodl.query.PropertyCollector.PropertySpec(type=t, pathSet=p) for t, p in propsets]
    return vmodl.query.PropertyCollector.FilterSpec(objectSet=[os_], propSet=ps)


def fetch(spec, max_objects=None):
    opts = vmodl.query.PropertyCollector.RetrieveOptions(maxObjects=max_objects)
    res = pc.RetrievePropertiesEx([spec], opts)
    objs, pages = [], 0
    while res is not None:
        pages += 1
        objs.extend(res.objects)
        if not res.token:
            break
        res = pc.ContinueRetrievePropertiesEx(res.token)
    return objs, pages


vm_paths = ["name", "config.uuid", "config.hardware.numCPU", "config.hardware.memoryMB", "config.template",
            "runtime.powerState", "runtime.host", "guest.ipAddress", "guest.toolsStatus", "guest.toolsVersionStatus",
            "summary.config.guestFullName", "summary.storage.uncommitted"]
view = view_of([vim.VirtualMachine])
t0 = time.time()
vms, pages = fetch(spec_for(view, [(vim.VirtualMachine, vm_paths)]))
dt = time.time() - t0
check(len(vms) == info["vms"], "fetched %d VMs in %d pages (default page size) in %.2fs" % (len(vms), pages, dt))
check(pages == (info["vms"] + 99) // 100, "default page is 100 objects")
vms2, pages2 = fetch(spec_for(view, [(vim.VirtualMachine, ["name"])]), max_objects=5000)
check(pages2 == (info["vms"] + 999) // 1000, "maxObjects=5000 is capped at 1000 per page (%d pages)" % pages2)
check(control({"op": "tokens"})["openTokens"] == 0, "no open tokens after complete fetches")

props = {o.obj._moId: {p.name: p.val for p in o.propSet} for o in vms}
names = [p["name"] for p in props.values()]
check(any("<DB>" in n for n in names) and any(n.startswith("  ") for n in names), "special VM names survive")
off = [p for p in props.values() if p["runtime.powerState"] == "poweredOff"]
check(all("guest.ipAddress" not in p for p in off), "powered-off VMs have no guest.ipAddress")
check(any("guest.ipAddress" in p for p in props.values()), "some VMs have an IP")

# Token rules.
res = pc.RetrievePropertiesEx([spec_for(view, [(vim.VirtualMachine, ["name"])])], vmodl.query.PropertyCollector.RetrieveOptions(maxObjects=10))
tok = res.token
check(control({"op": "tokens"})["openTokens"] == 1, "one open token while paging")
pc.ContinueRetrievePropertiesEx(tok)
try:
    pc.ContinueRetrievePropertiesEx(tok)
    check(False, "a used token is refused")
except vmodl.fault.InvalidArgument:
    check(True, "a used token is refused with InvalidArgument")
left = control({"op": "tokens"})["openTokens"]
res2_tok = None
if left:
    # cancel what is left
    pass
# Cancel.
res = pc.RetrievePropertiesEx([spec_for(view, [(vim.VirtualMachine, ["name"])])], vmodl.query.PropertyCollector.RetrieveOptions(maxObjects=10))
pc.CancelRetrievePropertiesEx(res.token)
try:
    pc.ContinueRetrievePropertiesEx(res.token)
    check(False, "a cancelled token is refused")
except vmodl.fault.InvalidArgument:
    check(True, "a cancelled token is refused")

# Other session cannot use the token.
si2, content2 = connect()
res = pc.RetrievePropertiesEx([spec_for(view, [(vim.VirtualMachine, ["name"])])], vmodl.query.PropertyCollector.RetrieveOptions(maxObjects=10))
try:
    content2.propertyCollector.ContinueRetrievePropertiesEx(res.token)
    check(False, "another session cannot use the token")
except vmodl.fault.InvalidArgument:
    check(True, "another session cannot use the token")
pc.CancelRetrievePropertiesEx(res.token)

# InvalidProperty traps.
nview = view_of([vim.Network])
try:
    fetch(spec_for(nview, [(vim.dvs.DistributedVirtualPortgroup, ["name", "config.defaultPortConfig.vlan"])]))
    check(False, "config.defaultPortConfig.vlan is an InvalidProperty")
except vmodl.query.InvalidProperty:
    check(True, "config.defaultPortConfig.vlan fails the whole call with InvalidProperty")

# Union of specs: DVPG is also a Network.
nets, _ = fetch(spec_for(nview, [(vim.Network, ["name", "host", "vm"]),
                                 (vim.dvs.DistributedVirtualPortgroup, ["config.distributedVirtualSwitch", "config.defaultPortConfig", "config.uplink"])]))
ids = [o.obj._moId for o in nets]
check(len(ids) == len(set(ids)), "each network once (%d objects)" % len(ids))
dvpgs = [o for o in nets if isinstance(o.obj, vim.dvs.DistributedVirtualPortgroup)]
both = all({"name", "config.defaultPortConfig"} <= {p.name for p in o.propSet} for o in dvpgs)
check(both, "DVPGs carry the union of Network and DVPG paths")
kinds = set()
for o in dvpgs:
    for p in o.propSet:
        if p.name == "config.defaultPortConfig":
            kinds.add(type(p.val.vlan).__name__)
check(len(kinds) >= 3, "VLAN spec kinds: %s" % sorted(kinds))

# Hosts and serials.
hview = view_of([vim.HostSystem])
hosts, _ = fetch(spec_for(hview, [(vim.HostSystem, ["name", "parent", "hardware.systemInfo.serialNumber",
                                                    "hardware.systemInfo.otherIdentifyingInfo", "config.product.version",
                                                    "config.product.build", "runtime.connectionState", "runtime.inMaintenanceMode"])]))
check(len(hosts) == info["hosts"], "fetched %d hosts" % len(hosts))
states = {p.val for o in hosts for p in o.propSet if p.name == "runtime.connectionState"}
check({"connected", "notResponding", "disconnected"} <= set(states), "host connection states %s" % sorted(states))
serials = [p.val for o in hosts for p in o.propSet if p.name == "hardware.systemInfo.serialNumber"]
check(any(s.strip() != s for s in serials) and "To be filled by O.E.M." in serials, "serial traps present")

# Alarms.
rview = None
root = content.rootFolder
spec = vmodl.query.PropertyCollector.FilterSpec(
    objectSet=[vmodl.query.PropertyCollector.ObjectSpec(obj=root)],
    propSet=[vmodl.query.PropertyCollector.PropertySpec(type=vim.Folder, pathSet=["triggeredAlarmState"])])
objs, _ = fetch(spec)
states = objs[0].propSet[0].val
check(len(states) > 0, "rootFolder.triggeredAlarmState holds %d alarms" % len(states))
check(any(s.acknowledged for s in states), "one alarm is acknowledged")
alarm_refs = {s.alarm._moId: s.alarm for s in states}
aspec = vmodl.query.PropertyCollector.FilterSpec(
    objectSet=[vmodl.query.PropertyCollector.ObjectSpec(obj=a) for a in alarm_refs.values()],
    propSet=[vmodl.query.PropertyCollector.PropertySpec(type=vim.alarm.Alarm, pathSet=["info.name"])])
anames, _ = fetch(aspec)
check(len(anames) == len(alarm_refs) and all(o.propSet[0].val for o in anames), "alarm names: %s" % sorted({o.propSet[0].val for o in anames}))
key = states[0].key
control({"op": "clearAlarm", "key": key})
objs, _ = fetch(spec)
check(all(s.key != key for s in objs[0].propSet[0].val), "cleared alarm is gone from rootFolder")

# Changes through the SOAP API are seen by the next fetch.
on = [o for o in vms if {p.name: p.val for p in o.propSet}.get("runtime.powerState") == "poweredOn"][0]
task = on.obj.PowerOffVM_Task()
time.sleep(0.2)
again = {o.obj._moId: {p.name: p.val for p in o.propSet} for o in fetch(spec_for(view, [(vim.VirtualMachine, vm_paths)]))[0]}
check(again[on.obj._moId]["runtime.powerState"] == "poweredOff" and "guest.ipAddress" not in again[on.obj._moId],
      "power off is seen by the next fetch (and the IP is gone)")
on.obj.Rename_Task("renamed-by-test")
on.obj.Destroy_Task()
time.sleep(0.2)
after = fetch(spec_for(view, [(vim.VirtualMachine, ["name"])]))[0]
check(len(after) == info["vms"] - 1, "destroyed VM is gone (%d VMs)" % len(after))

# Fault injection and session expiry.
control({"op": "inject", "inject": {"method": "ContinueRetrievePropertiesEx", "fault": "NotAuthenticated", "count": 1}})
try:
    fetch(spec_for(view, [(vim.VirtualMachine, ["name"])]), max_objects=10)
    check(False, "injected NotAuthenticated")
except vim.fault.NotAuthenticated:
    check(True, "injected NotAuthenticated on ContinueRetrievePropertiesEx")
control({"op": "inject", "inject": {"method": "RetrievePropertiesEx", "missingSet": "NotAuthenticated", "count": 1}})
objs, _ = fetch(spec_for(view, [(vim.VirtualMachine, ["name"])]), max_objects=10)
check(objs[0].missingSet and not objs[0].propSet, "injected missingSet NotAuthenticated")
control({"op": "expireSessions"})
try:
    fetch(spec_for(view, [(vim.VirtualMachine, ["name"])]))
    check(False, "expired session")
except vim.fault.NotAuthenticated:
    check(True, "expired session gives NotAuthenticated")
check(control({"op": "tokens"})["openTokens"] == 0, "expiring sessions drops their tokens")
si, content = connect()
check(content.about.apiVersion == info["apiVersion"], "login again after expiry works")
print(json.dumps(control()["calls"]))
print("%d passed, %d failed" % (0, check.failed) if False else ("FAILED: %d" % check.failed if check.failed else "all checks passed"))
sys.exit(1 if check.failed else 0)
