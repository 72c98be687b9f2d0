"""`python manage.py advise FILE`: the scenario contract (SCENARIO.md) on the command line."""

import json
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from advisor.explain import explanation, summary
from advisor.planner import plan_keys
from advisor.querystring import MAX_DIGITS, to_query
from rules.advice import advise
from rules.output import to_json
from rules.scenario import ScenarioError, parse_scenario

BAD_INPUT = 2


class Command(BaseCommand):
    help = "Read a scenario as JSON (FILE or - for stdin) and print the advice as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", help="scenario JSON file, or - for standard input")
        parser.add_argument(
            "--permalink",
            action="store_true",
            help="print the result page's path instead of the advice",
        )
        parser.add_argument(
            "--lang",
            choices=[code for code, _name in settings.LANGUAGES],
            default=settings.LANGUAGE_CODE,
            help="language of the explanation texts and the permalink",
        )

    def handle(self, *args, file, permalink, lang, **options):
        try:
            text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
            data = json.loads(text, parse_int=_whole_number)
            scenario = parse_scenario(data, today=date.today())
        except OSError as exc:
            self._refuse(f"{file}: cannot read ({exc.strerror})")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            self._refuse(f"(scenario): not valid JSON ({exc})")
        except RecursionError:  # how json (and repr, in a message) meet lists in lists in...
            self._refuse(
                "(scenario): nested too deeply (a scenario's values are at most an object "
                "in a list in an object)"
            )
        except ScenarioError as exc:
            self._refuse(str(exc))
        if permalink:
            keys, left_out = plan_keys(scenario)
            for name in left_out:
                self.stderr.write(
                    f"plans: {name!r} left out of the link: the page's planner shows this "
                    f"year's results and one enrolment next year"
                )
            with translation.override(lang):
                query = "&".join(filter(None, (to_query(data), urlencode(keys))))
                self.stdout.write(f"{reverse('result')}?{query}")
            return
        advice = advise(scenario)
        output = to_json(advice) | {
            "summary": summary(advice, lang),
            "explanation": explanation(advice, lang),
        }
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))

    def _refuse(self, message: str):
        self.stderr.write(message)
        sys.exit(BAD_INPUT)


def _whole_number(text: str) -> int | str:
    """A JSON integer; one of thousands of digits stays text, so that the validation names its
    field instead of Python refusing to convert it."""
    return int(text) if len(text.lstrip("-")) <= MAX_DIGITS else text
