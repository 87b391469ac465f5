"""One stage-two worker for bench_import.py: loads the models, says "ready", waits for the
go file, then reads and groups whatever is waiting (the loop the task workers run) and
prints its peak resident memory. Long-running workers have their models loaded already, so
the benchmark's clock starts at "go", after loading.

    python bench/ingest_worker.py GO_FILE
"""

import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")

import django

django.setup()

from articles.importing.analysing import analyse_stored  # noqa: E402
from articles.reading import read_report  # noqa: E402


def main() -> None:
    go = Path(sys.argv[1])
    read_report("Warm-up", "The models load before the clock starts. This is the second sentence.")
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    analyse_stored()
    print(f"peak_mb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}", flush=True)


if __name__ == "__main__":
    main()
