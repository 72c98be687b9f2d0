import gc

from django.apps import AppConfig


class AdvisorConfig(AppConfig):
    name = "advisor"

    def ready(self):
        # Django's and the rules' objects, loaded by now, live as long as the process: the
        # garbage collector need not walk them again on every full pass (a tenth of a result
        # page's time; gc.freeze is Python's documented way to say so).
        gc.freeze()
