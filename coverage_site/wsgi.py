import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coverage_site.settings")
application = get_wsgi_application()

# Load the views now, not at the first request, then move everything loaded so far out of the
# garbage collector's sight. A worker holds some 150,000 objects after start-up, nearly all of
# them for its whole life, and each full collection walked them all: 60 to 180 ms a time on these
# machines, stalling every request queued behind it (seen as the live mix's p99). Frozen objects
# are never collected or walked again; what requests allocate is collected as before.
import_module(settings.ROOT_URLCONF)
gc.collect()
gc.freeze()
