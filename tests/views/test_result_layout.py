"""The result page answers first (issue 11): the short answers in order of urgency, headings
that answer, background folded, tables that stack on a phone, a running year as a range."""

import re

import pytest
from pages import page_text

ON = "on=2026-12-01"
# 2024-2025 60/60, 2025-2026 48/60, 2026-2027 running: 128 now, 128 to 188 once known.
RUNNING = (
    "r=flanders&s=flanders&by=2006&bm=05&y0=2024-2025&p0=bachelor&t0=60&e0=60"
    f"&y1=2025-2026&p1=bachelor&t1=60&e1=48&y2=2026-2027&p2=bachelor&t2=60&{ON}"
)
# First year 45 of 60 in 2025-2026, the second enrolment running: the study-efficiency rule
# is at risk (RULES.md §1.8), more urgent than a learning credit that is enough.
AT_RISK = (
    "r=flanders&s=flanders&y0=2025-2026&p0=bachelor&t0=60&e0=45"
    f"&y1=2026-2027&p1=bachelor&t1=60&f=60&{ON}"
)


def result(client, query, language="en"):
    response = client.get(f"/{language}/result/?{query}")
    assert response.status_code == 200
    return response.content.decode()


def summary_items(html: str) -> list[str]:
    block = html[html.index('class="summary') : html.index("</ul>", html.index('class="summary'))]
    return [page_text(item) for item in re.findall(r"<li.*?</li>", block, re.S)]


def test_rules_1_8_an_urgent_verdict_comes_first_in_the_summary(client):
    items = summary_items(result(client, AT_RISK))
    assert items[0].startswith("Study progress"), items
    assert items[1].startswith("Learning credit"), items


def test_rules_1_summary_keeps_the_scheme_order_when_nothing_is_urgent(client):
    items = summary_items(result(client, RUNNING + "&f=60"))
    assert [i.split(":")[0] for i in items] == [
        "Learning credit",
        "Study progress",
        "Family allowance now (December 2026)",
    ]


@pytest.mark.parametrize(
    "needed, heading, folded",
    [
        (60, "Is your learning credit enough? Yes: 128, and you need 60", True),
        (150, "Is your learning credit enough? No: 128, and you need 150", False),
        (
            None,
            "Is your learning credit enough? That depends on the credits you still need",
            False,
        ),
    ],
    ids=["RULES-1.6-enough-folded", "RULES-1.6-not-enough-open", "RULES-1.6-unknown-open"],
)
def test_rules_1_6_the_insufficiency_heading_answers(client, needed, heading, folded):
    html = result(client, RUNNING + (f"&f={needed}" if needed else ""))
    title = f'id="topic-learning_credit_insufficient">{heading}</h3>'
    assert title in html
    before = html[: html.index(title)]
    assert before.rstrip().endswith('<summary><h3 class="h5 d-inline"') == folded


def test_rules_1_rebuild_is_background_at_60_or_more(client):
    html = result(client, RUNNING + "&f=60")
    rebuild = html.index('id="topic-learning_credit_rebuild"')
    assert html.rfind("<details", 0, rebuild) > html.rfind("</details>", 0, rebuild)


def test_every_figure_of_the_year_table_names_its_column(client):
    html = result(client, RUNNING + "&f=60")
    table = html[
        html.index('<table class="table table-sm table-striped align-middle year-table') :
    ]
    table = table[: table.index("</table>")]
    headings = re.findall(r'<th scope="col" class="text-end[^"]*">([^<]+)</th>', table)
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", table, re.S)
    assert len(rows) == 3
    for row in rows:
        assert re.findall(r'data-label="([^"]+)"', row) == headings


def test_rules_1_the_running_year_is_drawn_as_its_range(client):
    html = result(client, RUNNING + "&f=60")
    chart = html[html.index('<figure class="balance-chart">') : html.index("</figure>")]
    assert "2026-2027: between 128 and 188, once the results are known" in chart
    assert chart.count('class="dot"') == 2  # the two finished years only
    assert chart.count('class="range"') == 3


def test_a_chart_without_a_running_year_has_no_range(client):
    finished = RUNNING.replace("&y2=2026-2027&p2=bachelor&t2=60", "")
    chart = result(client, finished + "&f=60")
    chart = chart[chart.index('<figure class="balance-chart">') : chart.index("</figure>")]
    assert 'class="range"' not in chart
    assert chart.count('class="dot"') == 3  # 2026-2027 too: not enrolled, its balance known


@pytest.mark.parametrize(
    "language, name, numbers",
    [
        ("nl", "Studie- en kinderbijslagwijzer", '"Pagina " counter(page) " van " counter(pages)'),
        ("fr", "Guide des études et des allocations familiales", '" sur " counter(pages)'),
        ("en", "Studies and family allowance guide", '"Page " counter(page) " of "'),
    ],
)
def test_the_printed_margins_name_the_site_and_number_the_pages(client, language, name, numbers):
    response = client.get(f"/{language}/print.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert f'--site-name: "{name}";' in css
    assert numbers in css


def test_a_quote_in_a_translation_cannot_end_the_css_string():
    from advisor.views import _css_text

    assert _css_text('a "quoted" \\ word') == "a quoted  word"


FRENCH_RUNNING = (
    "r=brussels&s=french-community&by=2005&bm=03&y0=2025-2026&p0=bachelor&t0=60&e0=45"
    f"&y1=2026-2027&p1=bachelor&t1=60&{ON}"
)


def test_rules_3_fundability_next_year_waits_for_this_years_results(client):
    items = summary_items(result(client, FRENCH_RUNNING))
    fundability = next(i for i in items if i.startswith("French-speaking studies"))
    assert "fundable in 2026-2027." in fundability
    assert "Next year, 2027-2028: that depends on this year's results." in fundability


def test_rules_3_a_finished_year_gives_next_years_verdict_alone(client):
    finished = FRENCH_RUNNING.replace("&y1=2026-2027&p1=bachelor&t1=60", "").replace(
        "2026-12-01", "2026-07-15"
    )
    items = summary_items(result(client, finished))
    fundability = next(i for i in items if i.startswith("French-speaking studies"))
    assert "2026-2027" in fundability and "Next year" not in fundability


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_start_page_says_everything_the_site_answers(client, language):
    text = page_text(client.get(f"/{language}/").content.decode())
    for subject in ("leerkrediet", "Groeipakket"):
        assert subject in text
    assert {"nl": "gehalveerd collegegeld", "fr": "halvering collegegeld", "en": "halvering"}[
        language
    ] in text
    assert {"nl": "financierbaar", "fr": "finançable", "en": "fundable"}[language] in text
    assert {"nl": "Brussel", "fr": "bruxellois", "en": "Brussels"}[language] in text


def test_paper_lists_the_sources_of_the_sections_it_prints_only(client):
    """A background topic (folded in <details>, left off paper) leaves its own sources off
    the printed list too; on screen it still shows them."""
    query = (
        "r=flanders&s=flanders&by=2005&bm=03&f=120&on=2026-11-26"
        "&y0=2023-2024&p0=bachelor&t0=60&e0=30&y1=2024-2025&p1=bachelor&t1=60&e1=45"
    )
    html = client.get(f"/en/result/?{query}").content.decode()
    rebuild = html.index('id="topic-learning_credit_rebuild"')
    assert html.index('<details class="topic background', rebuild - 200) < rebuild
    assert "Kan ik mijn leerkrediet weer opbouwen?" in html[rebuild:]
    printed = html[html.index('id="sources-title"') : html.index('id="permalink-title"')]
    assert "Kan ik mijn leerkrediet weer opbouwen?" not in printed
    assert "Leerkrediet: het saldo van je leerkrediet" in printed


def test_rules_1_8_a_missed_first_enrolment_gives_the_refusal_length_as_institutions_do(client):
    """RULES.md §0: the six years are medium (institutions' pages only,
    parameters/study_efficiency/refusal_years.toml): the short answer says so too."""
    missed = (
        "r=flanders&s=flanders&on=2026-07-15&y0=2024-2025&p0=bachelor&t0=60&e0=30"
        "&y1=2025-2026&p1=bachelor&t1=60&e1=20&b1=10"
    )
    first = summary_items(result(client, missed))[0]
    assert first.startswith("Study progress: you did not pass your first enrolment in time.")
    assert (
        "from 2026-2027: for 6 years, up to and including 2031-2032, by institutions' pages"
        in first
    )


def test_rules_1_2_a_stopped_year_says_only_the_exams_before_count(client):
    """RULES.md §1.2: only credits earned come back; a student who stopped in December takes
    no later exams, so no range up to passing everything."""
    stopped = "r=flanders&s=flanders&on=2026-02-10&y0=2025-2026&p0=bachelor&t0=60&em0=12"
    items = summary_items(result(client, stopped))
    said = "80 credits now. You stopped in December 2025: only the exams you passed before then"
    assert any(said in item for item in items), items
    assert not any("200" in item for item in items)
