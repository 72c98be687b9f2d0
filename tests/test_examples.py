"""The worked examples (tests/examples/, and ../shared/examples/ where it exists), run through
`manage.py advise` as ../shared/check-examples runs them: each expected value, or the refusal
of bad input with exit status 2 and the message on standard error."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = [ROOT / "tests" / "examples", ROOT.parent / "shared" / "examples"]
EXAMPLES = sorted(f for folder in FOLDERS if folder.is_dir() for f in folder.glob("*.json"))
SEGMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\[([^\]]+)\])?$")


def pick(value, path):
    """`a.b[2024-2025].c`: a list entry by index, or by its `academic_year` (else `from`)."""
    for part in path.split("."):
        name, key = SEGMENT.match(part).groups()
        value = value[name]
        if key is None:
            continue
        if key.lstrip("-").isdigit():
            value = value[int(key)]
        else:
            [value] = [e for e in value if e.get("academic_year", e.get("from")) == key]
    return value


@pytest.mark.parametrize(
    "path", EXAMPLES, ids=[f"{p.parent.parent.name}/{p.stem}" for p in EXAMPLES]
)
def test_example(path, tmp_path):
    example = json.loads(path.read_text(encoding="utf-8"))
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(example["scenario"]), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    if "expect_error" in example:
        with pytest.raises(SystemExit) as exited:
            call_command("advise", str(scenario), stdout=out, stderr=err)
        assert exited.value.code == 2
        assert out.getvalue() == ""
        assert example["expect_error"].lower() in err.getvalue().lower()
        return
    call_command("advise", str(scenario), stdout=out, stderr=err)
    output = json.loads(out.getvalue())
    assert output["schema"] == 2
    for key, expected in example["expect"].items():
        assert pick(output, key) == expected, key
