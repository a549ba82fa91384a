"""Pulse results hide everyone: k respondents, k per group, no subtraction, comments from 10."""

from __future__ import annotations

from scheduler.pulses.disclosure import Answer, Scale, results, suppressed


def answers(*countries: str, value: int | None = None, choice: int = 0) -> list[Answer]:
    return [Answer(choices=(choice,), value=value, country=c, role="member") for c in countries]


def test_nothing_is_shown_below_k_respondents() -> None:
    """Four answers with k = 5 show no counts, and say why."""
    shown = results(answers("RS", "RS", "ME", "BA"), Scale.OPTIONS, 2, k=5, invited=10)
    assert shown.hidden
    assert shown.summary is None
    assert shown.reason == "fewer than 5 respondents"


def test_k_never_goes_below_three() -> None:
    """A setting of 1 still needs three respondents."""
    assert results(answers("RS", "ME"), Scale.OPTIONS, 2, k=1, invited=None).hidden
    assert not results(answers("RS", "ME", "BA"), Scale.OPTIONS, 2, k=1, invited=None).hidden


def test_options_are_counted() -> None:
    """Counts per option, in option order."""
    picked = answers("RS", "RS", "RS", choice=1) + answers("ME", "ME", choice=0)
    assert results(picked, Scale.OPTIONS, 3, k=5, invited=None).summary.counts == (2, 3, 0)  # type: ignore[union-attr]


def test_a_single_small_group_takes_the_next_smallest_with_it() -> None:
    """With totals shown, a lone hidden group could be subtracted out, so the next one hides too."""
    assert suppressed({"RS": 9, "ME": 6, "BA": 2}, k=5) == {"BA", "ME"}


def test_hidden_groups_together_hold_at_least_k() -> None:
    """Two hidden groups of one each would still be a group of two: hiding goes on."""
    assert suppressed({"RS": 9, "ME": 7, "BA": 1, "MK": 1}, k=5) == {"BA", "MK", "ME"}


def test_no_group_is_hidden_when_all_are_large() -> None:
    """Every group of k or more is shown."""
    assert suppressed({"RS": 5, "ME": 6}, k=5) == set()


def test_breakdown_hides_small_groups() -> None:
    """The country breakdown shows RS and hides BA with ME."""
    rows = answers(*["RS"] * 6, *["ME"] * 5, "BA")
    by_country = results(rows, Scale.OPTIONS, 2, k=5, invited=None).by_country
    assert by_country["BA"] is None
    assert by_country["ME"] is None
    assert by_country["RS"] is not None


def test_likert_mean_and_distribution() -> None:
    """A 1-5 scale gives its mean and the count of each point."""
    rows = [Answer(value=v) for v in (1, 2, 4, 5, 5)]
    summary = results(rows, Scale.LIKERT5, 0, k=5, invited=None).summary
    assert summary is not None
    assert summary.counts == (1, 1, 0, 1, 2)
    assert summary.mean == 3.4


def test_nps_is_promoters_minus_detractors() -> None:
    """Two promoters, one passive and two detractors of five make an NPS of 0."""
    rows = [Answer(value=v) for v in (10, 9, 8, 3, 6)]
    summary = results(rows, Scale.NPS, 0, k=5, invited=None).summary
    assert summary is not None
    assert summary.nps == 0.0


def test_comments_wait_for_ten_respondents() -> None:
    """Nine answers show counts but no comments; ten show them."""
    nine = [Answer(choices=(0,), comment=f"c{i}") for i in range(9)]
    assert results(nine, Scale.OPTIONS, 1, k=5, invited=None).comments == ()
    ten = [*nine, Answer(choices=(0,), comment="c9")]
    assert sorted(results(ten, Scale.OPTIONS, 1, k=5, invited=None).comments) == [
        f"c{i}" for i in range(10)
    ]


def test_response_rate_is_known_only_when_the_invited_are() -> None:
    """Confidential pulses know how many were invited; anonymous ones do not."""
    rows = answers(*["RS"] * 5)
    assert results(rows, Scale.OPTIONS, 1, k=5, invited=10).response_rate == 0.5
    assert results(rows, Scale.OPTIONS, 1, k=5, invited=None).response_rate is None
