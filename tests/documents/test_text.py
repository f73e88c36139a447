"""The normalised view and its way back to the original offsets."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ofstedcli.documents.text import View


def test_normalises_spaces_quotes_dashes_ligatures_and_hyphen_marks() -> None:
    raw = (
        "\n\n**HEAD**\n\nChildren\u2019s  ser-\u00a0vices \u2013 e\ufb03cient "
        "age\ufffe\nappropriate"
    )
    assert View(raw).text == "HEAD Children's ser- vices - efficient age-appropriate"


def test_spans_map_back_to_the_original_text() -> None:
    raw = "Dear  Sam,\n\nChildren\u2019s services in\nLeicester are\u00a0good."
    view = View(raw)
    at = view.text.index("Children's services in Leicester")
    start, end = view.span(at, at + len("Children's services in Leicester"))
    assert raw[start:end] == "Children\u2019s services in\nLeicester"
    assert view.norm_pos(start) == at


def test_running_page_headers_are_dropped_from_page_two_on() -> None:
    page = "Inspection of Wessex local authority children's services\n7 to 18 October 2024\n{n}\n"
    body = ["The first page starts here and ends mid", "sentence carries on", "and", "end"]
    raw = "Title line\nThe first page starts here and ends mid\f" + "\f".join(
        page.format(n=n) + body[n - 1] for n in range(2, 5)
    )
    text = View(raw).text
    assert text.count("Inspection of Wessex") == 0
    assert "ends mid sentence carries on and end" in text


@settings(max_examples=200, deadline=None)
@example("\ufffe\f 1\f")  # a line-break mark, then a page whose only line is its number
@example("\f\ufb011\f\ufb011")  # a ligature opening a running head: deleted with the head
@given(
    st.text(
        alphabet=st.sampled_from("ab \n\f\t\u00a0\u2019\u2013\ufb01\ufffe*_\u200b.1"), max_size=80
    )
)
def test_every_normalised_character_maps_to_text_that_normalises_to_it(raw: str) -> None:
    view = View(raw)
    assert "  " not in view.text
    last = 0
    for i in range(len(view.text)):
        start, end = view.span(i, i + 1)
        assert 0 <= start <= end <= len(raw)
        assert start >= last or view.text[i] == " "
        last = max(last, start)
        if view.text[i] != " ":
            assert View(raw[start:end]).text.strip() in (view.text[i], "ffi", "fi", "")
