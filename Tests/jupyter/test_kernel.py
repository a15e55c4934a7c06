"""The neuro Jupyter kernel through the real jupyter_client: `make test-jupyter` runs it.

Starts the kernel from a kernelspec installed by `neuro kernel install --prefix`, then checks a cell's output,
a figure as SVG, an error with its caret, completion, inspection, interrupts that keep the session, a
notebook run whole by nbclient, and lesson 3 exported by `neuro lesson 3 --notebook` run whole without an error.
"""

import os
import subprocess
import sys
import tempfile
import time

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

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


def run(client, code, timeout=60, interrupt=None):
    """Runs a cell (interrupted after 2 s by `interrupt` when given); its reply content and the iopub
    messages it caused."""
    msg_id = client.execute(code)
    if interrupt:
        time.sleep(2)
        interrupt()
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
    results = [m["content"] for m in outputs if m["msg_type"] == "execute_result"]
    check("the session keeps its names", results and results[0]["data"]["text/plain"] == "6 mV", outputs)
    check("a bare expression's value as execute_result", results and results[0]["execution_count"] == 2, results)

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
    reply, outputs = run(client, ":vars")
    check("another :command is an error", reply["status"] == "error" and ":help only" in reply["evalue"], reply)

    reply, outputs = run(client, "reset\nrun 100000s", interrupt=manager.interrupt_kernel)
    check("interrupt (SIGINT) stops a long run", "interrupted at t =" in stdout(outputs), stdout(outputs))
    reply, outputs = run(client, "print x")
    check("the session answers after the interrupt", "3 mV" in stdout(outputs), stdout(outputs))

    def interrupt_request():
        client.control_channel.send(client.session.msg("interrupt_request", {}))
        control = client.control_channel.get_msg(timeout=30)
        check("interrupt_request answered on control", control["msg_type"] == "interrupt_reply", control)

    reply, outputs = run(client, "reset\nrun 100000s", interrupt=interrupt_request)
    check("interrupt_request stops a long run", "interrupted at t =" in stdout(outputs), stdout(outputs))
    reply, outputs = run(client, "print x")
    check("the session answers after the interrupt request", "3 mV" in stdout(outputs), stdout(outputs))
finally:
    client.stop_channels()
    manager.shutdown_kernel(now=False)

# A notebook run whole by nbclient, as `jupyter nbconvert --execute` runs one.
notebook = nbformat.v4.new_notebook()
notebook.cells = [
    nbformat.v4.new_markdown_cell("# A neuron"),
    nbformat.v4.new_code_cell("neuron n = lif()\ninject n 2nA from 0ms to 100ms\nrun 100ms"),
    nbformat.v4.new_code_cell("plot(n.v)"),
    nbformat.v4.new_code_cell("len(spikes(n))"),
    nbformat.v4.new_code_cell("print 1mV + 1nA"),
]
NotebookClient(notebook, kernel_name="neuro", timeout=120, allow_errors=True).execute()
cells = notebook.cells
check("nbclient: printed output", cells[1].outputs and "ran 100 ms" in cells[1].outputs[0].get("text", ""), cells[1])
check("nbclient: a figure as SVG", any("image/svg+xml" in o.get("data", {}) for o in cells[2].outputs), cells[2])
check("nbclient: a result", cells[3].outputs and cells[3].outputs[0].output_type == "execute_result", cells[3])
check("nbclient: an error", cells[4].outputs and cells[4].outputs[0].output_type == "error", cells[4])
check("nbclient: counted cells", [c.execution_count for c in cells[1:]] == [1, 2, 3, 4])

# A lesson exported by `neuro lesson 3 --notebook`, run whole: no cell may fail.
lesson_path = os.path.join(prefix, "lesson3.ipynb")
export = subprocess.run(
    [NEURO, "lesson", "3", "--notebook", lesson_path],
    capture_output=True, text=True, env={**os.environ, "NEURO_LESSONS": os.path.abspath("lessons")})
check("neuro lesson 3 --notebook", export.returncode == 0, export.stderr)
lesson = nbformat.read(lesson_path, as_version=4)
try:
    nbformat.validate(lesson)
    check("the lesson notebook is valid nbformat", True)
except nbformat.ValidationError as error:
    check("the lesson notebook is valid nbformat", False, error)
NotebookClient(lesson, timeout=300).execute()  # the kernel its metadata names: neuro
code = [c for c in lesson.cells if c.cell_type == "code"]
errors = [o for c in code for o in c.outputs if o.output_type == "error"]
check("nbclient: lesson 3 runs without an error", code and not errors, errors)
figures = [o for c in code for o in c.outputs if "image/svg+xml" in o.get("data", {})]
check("nbclient: lesson 3 draws its figures", figures)
check("nbclient: every lesson 3 cell ran", all(c.execution_count for c in code))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
