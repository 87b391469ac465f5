"""The WSGI entry point a server loads once per worker."""

import subprocess
import sys

from django.conf import settings

CHECK = """
import gc, sys
import coverage_site.wsgi
print(gc.get_freeze_count(), len(gc.get_objects()), "articles.views" in sys.modules)
"""


def test_loading_the_wsgi_application_loads_the_views_and_freezes_them_out_of_the_collectors_walks():
    # A fresh interpreter: freezing this test process's heap would change the rest of the run.
    result = subprocess.run(
        [sys.executable, "-c", CHECK],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
        env={"DJANGO_SETTINGS_MODULE": "coverage_site.settings", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    frozen, tracked, views_loaded = result.stdout.split()
    assert views_loaded == "True"
    # Nearly all of the start-up heap is frozen; what is still tracked is what came after.
    assert int(frozen) > 10 * int(tracked)
