#!/usr/bin/python3
"""pyVmomi's PropertyCollector fetch of the VcSync inventory, timed inside the interpreter.

The baseline of bench/VcSync.Bench: the original plan's stack (Debian's python3-pyvmomi) doing the same
retrieval VcSync does - one ContainerView over the inventory types, one PropertyFilterSpec with the same
property paths (and the root folder's triggeredAlarmState), paged with RetrievePropertiesEx and
ContinueRetrievePropertiesEx until no token comes back. pyVmomi deserializes every object into Python
objects; that is its parsing, so nothing more is done with the result than counting the objects.

Input: one JSON document on stdin:
  {"host", "port", "user", "maxObjects" (null: server default), "viewTypes": [...],
   "propSet": [{"type", "paths": [...]}], "alarms": bool, "warmup": n, "repetitions": n}
The password comes from the environment variable VCSYNC_BENCH_PASSWORD (never on the command line).
Output: one JSON document on stdout with the epoch time the script started running Python code, the
login time, and per fetch (warm-up first) its seconds, pages, objects and the epoch time it ended.
"""
import json
import os
import ssl
import sys
import time

STARTED = time.time()

from pyVim.connect import Disconnect, SmartConnect  # noqa: E402
from pyVmomi import VmomiSupport, vim, vmodl  # noqa: E402

IMPORTED = time.time()
PC = vmodl.query.PropertyCollector


def wsdl_type(name):
    return VmomiSupport.GetWsdlType("urn:vim25", name)


def filter_spec(content, view, request):
    traversal = PC.TraversalSpec(name="traverseView", type=vim.view.ContainerView, path="view", skip=False)
    objects = [PC.ObjectSpec(obj=view, skip=True, selectSet=[traversal])]
    props = [PC.PropertySpec(type=wsdl_type(p["type"]), pathSet=p["paths"], all=False) for p in request["propSet"]]
    if request.get("alarms"):
        props.append(PC.PropertySpec(type=vim.Folder, pathSet=["triggeredAlarmState"], all=False))
        objects.append(PC.ObjectSpec(obj=content.rootFolder, skip=False))
    return PC.FilterSpec(objectSet=objects, propSet=props)


def fetch(content, request):
    collector = content.propertyCollector
    start = time.perf_counter()
    view = content.viewManager.CreateContainerView(
        content.rootFolder, [wsdl_type(t) for t in request["viewTypes"]], True)
    try:
        spec = filter_spec(content, view, request)
        options = PC.RetrieveOptions()
        if request.get("maxObjects"):
            options.maxObjects = request["maxObjects"]
        result = collector.RetrievePropertiesEx(specSet=[spec], options=options)
        pages = 0
        objects = 0
        while result is not None:
            pages += 1
            objects += len(result.objects)
            if not result.token:
                break
            result = collector.ContinueRetrievePropertiesEx(token=result.token)
    finally:
        view.Destroy()
    return {"seconds": time.perf_counter() - start, "pages": pages, "objects": objects, "endedAt": time.time()}


def main():
    request = json.load(sys.stdin)
    context = ssl._create_unverified_context()  # the simulator's certificate is self-signed
    login_start = time.perf_counter()
    si = SmartConnect(host=request["host"], port=int(request["port"]), user=request["user"],
                      pwd=os.environ["VCSYNC_BENCH_PASSWORD"], sslContext=context)
    login = time.perf_counter() - login_start
    try:
        content = si.RetrieveContent()
        runs = [fetch(content, request) for _ in range(request.get("warmup", 1) + request.get("repetitions", 3))]
    finally:
        Disconnect(si)
    json.dump({
        "pyvmomi": getattr(VmomiSupport, "__version__", None) or _package_version(),
        "python": sys.version.split()[0],
        "startedAt": STARTED,
        "importSeconds": IMPORTED - STARTED,
        "loginSeconds": login,
        "warmup": request.get("warmup", 1),
        "runs": runs,
    }, sys.stdout)
    sys.stdout.write("\n")


def _package_version():
    try:
        from importlib.metadata import version
        return version("pyvmomi")
    except Exception:  # noqa: BLE001 - the version is only informative
        return "unknown"


if __name__ == "__main__":
    main()
