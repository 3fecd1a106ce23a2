"""B8, Python half: the cost of the input rules per call. Calls through a client whose
transport is httpx's MockTransport (no network), checked as shipped and with the rules switched
off, paired: each round runs both in rotating order, and the figure is the median ratio of the
rounds. Prints one JSON object for bench/b8-targets.ts."""

import json
import statistics
import time

import httpx
from modelarts_processor_tasks import ProcessorTasksClient, TokenCredentials
from modelarts_processor_tasks.input_rules import InputRules
from modelarts_processor_tasks_client.api.processor_tasks import (
    create_processor_task,
    list_processor_tasks,
)
from modelarts_processor_tasks_client.models import CreateProcessorTaskReq

client = ProcessorTasksClient(
    endpoint="https://modelarts.cn-north-4.myhuaweicloud.com",
    credentials=TokenCredentials("bench-token"),
    project_id="a4a5d4098fb4474fa22cd05f897d6b99",
    env={},
    retry=False,
    transport=httpx.MockTransport(
        lambda _request: httpx.Response(200, json={"task_id": "x"})
    ),
)
body = CreateProcessorTaskReq.from_dict(
    {
        "name": "t",
        "template": {
            "id": "sys_data_validation",
            "operator_params": [{"params": {"a": 1}}],
        },
        "inputs": [{"type": "DATASET", "source": "ds"}],
        "work_path": {"type": "OBS", "path": "/b/", "version_name": "v1"},
    }
)
CALLS = {
    "create (body)": lambda: client.call(
        create_processor_task.sync_detailed, body=body
    ),
    "list (query)": lambda: client.call(
        list_processor_tasks.sync_detailed, limit=10, offset=0, task_name="a b"
    ),
}
checks = (InputRules.check_arguments, InputRules.check_request)


def rules(on: bool) -> None:
    InputRules.check_arguments, InputRules.check_request = (
        checks if on else (lambda *_a, **_k: None, lambda *_a, **_k: None)
    )


def timed(fn, n: int) -> float:
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n * 1e6


out = {}
for name, fn in CALLS.items():
    for _ in range(300):  # warm-up
        fn()
    checked_us, bare_us, ratios = [], [], []
    for r in range(30):
        order = (True, False) if r % 2 == 0 else (False, True)
        got = {}
        for on in order:
            rules(on)
            got[on] = timed(fn, 100)
        rules(True)
        checked_us.append(got[True])
        bare_us.append(got[False])
        ratios.append(got[True] / got[False])
    out[name] = {
        "checkedUs": statistics.median(checked_us),
        "uncheckedUs": statistics.median(bare_us),
        "ratio": statistics.median(ratios),
        "p25": statistics.quantiles(ratios, n=4)[0],
        "p75": statistics.quantiles(ratios, n=4)[2],
    }
print(json.dumps(out))
