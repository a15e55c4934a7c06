"""The neuro Jupyter kernel through the real jupyter_client: `make test-jupyter` runs it.

Starts the kernel from a kernelspec installed by `neuro kernel install --prefix`, then checks a cell's output,
a figure as SVG, an error with its caret, completion, inspection, and an interrupt that keeps the session.
"""

import os
import subprocess
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

NEURO = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/neuro")
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok    {name}")
    else:
        failed += 1
        print(f"FAIL  {name} {detail}")


def run(client, code, timeout=60):
    """Runs a cell; its reply content and the iopub messages it caused."""
    msg_id = client.execute(code)
    outputs = []
    while True:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        outputs.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            break
    reply = client.get_shell_msg(timeout=timeout)
    return reply["content"], outputs


def stdout(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


prefix = tempfile.mkdtemp(prefix="neuro-kernelspec-")
install = subprocess.run([NEURO, "kernel", "install", "--prefix", prefix], capture_output=True, text=True)
check("neuro kernel install --prefix", install.returncode == 0, install.stderr)
os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
spec = KernelSpecManager().get_kernel_spec("neuro")
check("the kernelspec names neuro", spec.display_name == "neuro" and spec.argv[1:3] == ["kernel", "--connection-file"])

manager, client = start_new_kernel(kernel_name="neuro", startup_timeout=60)
try:
    info = client.kernel_info(reply=True, timeout=30)["content"]
    check("kernel_info", info["language_info"]["name"] == "neuro" and info["protocol_version"] == "5.3", info)

    reply, outputs = run(client, 'neuron n = lif()\ninject n 2nA from 0ms to 100ms\nrun 100ms\nprint spikes(n)')
    check("execute: status ok", reply["status"] == "ok", reply)
    check("execute: printed output", "spike" in stdout(outputs) or "[" in stdout(outputs), stdout(outputs))
    check("execute: execute_input", any(m["msg_type"] == "execute_input" for m in outputs))

    reply, outputs = run(client, "let x = 3mV\nx * 2")
    check("the session keeps its names", "6 mV" in stdout(outputs), stdout(outputs))

    reply, outputs = run(client, "plot(n.v)")
    figures = [m["content"]["data"] for m in outputs if m["msg_type"] == "display_data"]
    check("a figure as SVG", figures and figures[0]["image/svg+xml"].lstrip().startswith("<"), outputs)
    check("the figure's terminal drawing as text/plain", figures and "text/plain" in figures[0])

    reply, outputs = run(client, "let y = 10mV + 2nA")
    errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
    check("error: reply status error", reply["status"] == "error" and reply["ename"] == "neuro error", reply)
    traceback = "\n".join(errors[0]["traceback"]) if errors else ""
    check("error: the caret view", "-->" in traceback and "^" in traceback, traceback)

    completion = client.complete("neuron m = lif(v_r", 18, reply=True, timeout=30)["content"]
    check("completion of lif( parameters", "v_reset:" in completion["matches"], completion)
    check("completion cursor", completion["cursor_start"] == 15 and completion["cursor_end"] == 18, completion)
    completion = client.complete("pl", 2, reply=True, timeout=30)["content"]
    check("completion of a name", "plot" in completion["matches"], completion)

    inspection = client.inspect("neuron m = lif()", 12, reply=True, timeout=30)["content"]
    check("inspection of lif", inspection["found"] and "lif" in inspection["data"]["text/plain"], inspection)

    reply, outputs = run(client, ":help units")
    check(":help in a cell", reply["status"] == "ok" and len(stdout(outputs)) > 20, stdout(outputs))

    msg_id = client.execute("neuron slow = lif()\nrun 100000s")
    time.sleep(2)
    manager.interrupt_kernel()
    reply = client.get_shell_msg(timeout=60)["content"]
    check("interrupt stops a long run", reply["status"] in ("ok", "error"), reply)
    reply, outputs = run(client, "print x")
    check("the session answers after the interrupt", "3 mV" in stdout(outputs), stdout(outputs))
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=False)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
