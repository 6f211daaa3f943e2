"""Numbers in words: shares with their denominators, changes with their base, ties."""

from heeded.reports.document import wording


def test_share_prints_numerator_denominator_and_percentage():
    assert wording.share(19, 28) == "19 of 28 (68%)"


def test_share_of_nothing_has_no_percentage():
    assert wording.share(0, 0) == "0 of 0"


def test_change_from_49_to_68_is_an_increase_of_19_39_percent():
    # Isle of Wight 2019/20 section 3.2.
    assert wording.change(68, 49, "2018/19") == "an increase of 19 (39%) on 2018/19"


def test_change_from_zero_is_new():
    # IoW 2019/20 section 3.6 printed "a percentage increase of 100%" from 0 refusals.
    assert wording.change(8, 0, "2018/19") == "an increase of 8 on 2018/19 (new: none in 2018/19)"
    assert wording.change_cell(8, 0) == "new"
    assert wording.change_cell(0, 0) == "0"


def test_half_rounds_up_like_the_measures():
    assert wording.percent(1, 8) == "13%"  # 12.5


def test_ties_share_a_place():
    ranked = wording.ranked({"a": 9, "b": 7, "c": 5, "d": 5, "e": 1})
    assert ranked == [(1, ["a"], 9), (2, ["b"], 7), (3, ["c", "d"], 5)]
