"""Numbers in words: shares with their denominators, changes with their base, ties."""

import pytest

from heeded.reports.document import wording


def test_share_prints_numerator_denominator_and_percentage():
    assert wording.share(19, 28) == "19 of 28 (68%)"


def test_share_of_nothing_has_no_percentage():
    assert wording.share(0, 0) == "0 of 0"


def test_change_from_49_to_68_is_an_increase_of_19_39_percent():
    # Isle of Wight 2019/20 section 3.2.
    assert wording.change(68, 49, "2018/19") == "an increase of 19 (39%) on 2018/19"


def test_change_from_zero_says_none_last_year_once():
    # IoW 2019/20 section 3.6 printed "a percentage increase of 100%" from 0 refusals; we
    # printed "an increase of 8 on 2018/19 (new: none in 2018/19)", the year twice.
    assert wording.change(8, 0, "2018/19") == "up from none in 2018/19"
    assert wording.change_cell(8, 0) == "new"
    assert wording.change_cell(0, 0) == "0"


def test_half_rounds_up_like_the_measures():
    assert wording.percent(1, 8) == "13%"  # 12.5


def test_a_share_that_rounds_to_none_or_all_of_its_base_says_it_is_not():
    # Demo 2025/26, Table 1: the 1 case concern that became a complaint, of 340
    # representations, was "0%" beside its count of 1.
    assert wording.percent(1, 340) == "less than 1%"
    assert wording.share(339, 340) == "339 of 340 (more than 99%)"
    assert wording.part(1, 340) == "1 (less than 1%)"
    # None and all are still 0% and 100%; 2 of 340 (0.59%) rounds to 1% as ever.
    assert wording.percent(0, 340) == "0%"
    assert wording.percent(340, 340) == "100%"
    assert wording.percent(2, 340) == "1%"
    assert wording.change(301, 300, "2024/25") == "an increase of 1 (less than 1%) on 2024/25"


# Demo 2025/26 H2: "47 of 47 (100%) complaints whose acknowledgement date was recorded were
# acknowledged within 3 working days"; "of these, 11 (100%) were answered". One of one is
# said in figures ("all 1" is no English), as is anything less than all.
EVERY_ONE = {
    (wording.share, 47, 47): "all 47",
    (wording.part, 11, 11): "all 11",
    (wording.share, 2, 2): "both",
    (wording.part, 2, 2): "both",
    (wording.share, 1, 1): "1 of 1 (100%)",
    (wording.part, 46, 47): "46 (98%)",
}


@pytest.mark.parametrize(("said", "expected"), EVERY_ONE.items())
def test_a_share_of_every_one_says_all_or_both(said, expected):
    how, numerator, denominator = said
    assert how(numerator, denominator) == expected


def test_a_hidden_count_is_never_named_by_all():
    def count(n):
        return "fewer than 5" if n < 5 else wording.plain(n)

    # "all 3" would print the hidden figure.
    assert wording.share(3, 3, count) == "fewer than 5 of fewer than 5"


def test_ties_share_a_place():
    ranked = wording.ranked({"a": 9, "b": 7, "c": 5, "d": 5, "e": 1})
    assert ranked == [(1, ["a"], 9), (2, ["b"], 7), (3, ["c", "d"], 5)]


def test_the_top_three_stop_at_a_tie_where_any_of_the_tied_counts_is_hidden():
    class Withheld(int):
        """A count a table withholds, though its value equals one shown."""

    def count(n):
        return "withheld" if isinstance(n, Withheld) else wording.plain(n)

    items = {"Delay": 9, "Funding": 5, "Conduct": Withheld(5)}
    # "'Funding' and 'Conduct' (equal second, 5 each)" would print the withheld 5.
    assert wording.top_three(items, count) == "'Delay' (9)"
    assert wording.top_three({"Delay": 9, "Funding": 5, "Conduct": 5}, count) == (
        "'Delay' (9), and 'Funding' and 'Conduct' (equal second, 5 each)"
    )


def test_a_tie_in_a_ranking_is_set_apart_by_a_comma_from_the_lists_own_and():
    # Demo Council 2024/25: "'Apology and explanation' and 'Explanation' (equal first, 19
    # each) and 'Agreed service implemented' (18)": three "and"s, two kinds.
    items = {"Apology and explanation": 19, "Explanation": 19, "Agreed service": 18}
    assert wording.top_three(items) == (
        "'Apology and explanation' and 'Explanation' (equal first, 19 each), and "
        "'Agreed service' (18)"
    )
    # Without a tie, the list is as ever.
    assert wording.top_three({"Explanation": 37, "Apology and explanation": 24}) == (
        "'Explanation' (37) and 'Apology and explanation' (24)"
    )


def test_a_fall_in_a_table_is_signed_like_a_rise_so_its_percentage_cannot_read_as_a_rise():
    # 8 last year, 7 now: a fall of 1, 12.5% rounded half up to 13%.
    assert wording.change_cell(7, 8) == "\u22121 (\u221213%)"
    assert wording.change_cell(68, 49) == "+19 (+39%)"
    assert wording.change_cell(1200, 1000) == "+200 (+20%)"
    assert wording.change_cell(5, 5) == "0"
    # A change that rounds to 0% is not shown as none.
    assert wording.change_cell(341, 340) == "+1 (less than 1%)"
    assert wording.change_cell(339, 340) == "\u22121 (less than 1%)"
    # A fall to 1 of 1,000 is not "−100%": one is left, as the sentences say.
    assert wording.change_cell(1, 1000) == "\u2212999 (more than 99%)"


def test_a_changes_figures_are_the_numbers_its_cell_prints():
    # For the spreadsheet's two columns of numbers, signed as the cell is.
    assert wording.change_figures(7, 8) == (-1, -13)
    assert wording.change_figures(68, 49) == (19, 39)
    assert wording.change_figures(5, 5) == (0, 0)
    assert wording.change_figures(8, 0) == (8, None)  # "new"
    assert wording.change_figures(0, 0) == (0, None)
    assert wording.change_figures(8, None) is None  # no year before


def test_only_a_share_no_whole_percentage_states_keeps_its_exact_fraction():
    # For the spreadsheet, which shows the words and keeps the number behind them.
    assert wording.beyond_whole(1, 340) == 1 / 340
    assert wording.beyond_whole(339, 340) == 339 / 340
    assert wording.beyond_whole(34, 340) is None  # 10%: the whole percentage is true
    assert wording.beyond_whole(0, 340) is None
    assert wording.beyond_whole(1, 0) is None
    assert wording.change_beyond_whole(341, 340) == 1 / 340
    assert wording.change_beyond_whole(339, 340) == -1 / 340
    assert wording.change_beyond_whole(1, 1000) == -999 / 1000
    assert wording.change_beyond_whole(68, 49) is None
    assert wording.change_beyond_whole(8, 0) is None  # "new"
    assert wording.change_beyond_whole(8, None) is None


def test_a_change_to_zero_names_last_years_count_without_a_percentage():
    # "No complaints were refused, a decrease of 3 (100%) on 2018/19" says it twice.
    assert wording.change(0, 3, "2018/19") == "down from 3 in 2018/19"
    assert wording.change(0, 0, "2018/19") == "the same as in 2018/19"


def test_a_fall_in_running_text_is_worded_like_a_rise():
    assert wording.change(7, 8, "2018/19") == "a decrease of 1 (13%) on 2018/19"
    assert wording.change(9, 8, "2018/19") == "an increase of 1 (13%) on 2018/19"


def test_a_part_is_a_share_whose_sentence_has_said_what_it_is_of():
    # "Of 28 Stage 1 responses, 19 (68%) were within 10 working days".
    assert wording.part(19, 28) == "19 (68%)"
    assert wording.part(0, 0) == "0"


def test_during_puts_a_period_after_a_verb_in_english():
    assert wording.during("2019/20") == "in 2019/20"
    assert wording.during("2019/20 Q3") == "in 2019/20 Q3"
    assert (
        wording.during("1 April 2019 to 30 September 2019")
        == "from 1 April 2019 to 30 September 2019"
    )
    assert wording.during("1 January 2026") == "on 1 January 2026"


def test_a_change_is_on_a_year_and_compared_with_custom_dates():
    assert wording.against("2018/19") == "on 2018/19"
    assert wording.change(12, 10, "1 April 2018 to 30 June 2018") == (
        "an increase of 2 (20%) compared with 1 April 2018 to 30 June 2018"
    )


def test_a_caption_in_a_sentence_keeps_the_capitals_the_report_gives_stage_and_ombudsman():
    # Public demo 2025/26, section 12: "The table of ombudsman decisions is not published".
    assert wording.caption_in_sentence("Ombudsman decisions") == "Ombudsman decisions"
    assert wording.caption_in_sentence("Stage 1 response times") == "Stage 1 response times"
    assert wording.caption_in_sentence("Compliments by service or team") == (
        "compliments by service or team"
    )
