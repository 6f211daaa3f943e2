"""What a reader with a pencil can work out from a system of sums (``ranges.pinned``)."""

import subprocess
import sys

from heeded.reports.document.ranges import pinned

WITHHELD, FEWER_THAN_5 = (5, None), (1, 4)


def test_a_withheld_count_and_two_fewer_than_5_beside_a_total_of_7_are_all_given_away():
    assert pinned(([[1, 1, 1]], [7]), [WITHHELD, FEWER_THAN_5, FEWER_THAN_5]) == [0, 1, 2]


def test_a_total_that_leaves_room_gives_nothing_away():
    assert pinned(([[1, 1, 1]], [9]), [WITHHELD, FEWER_THAN_5, FEWER_THAN_5]) == []


def test_only_the_counts_asked_about_are_answered():
    system = ([[1, 1, 1]], [7]), [WITHHELD, FEWER_THAN_5, FEWER_THAN_5]
    assert pinned(*system, asked=[2]) == [2]


def test_an_upper_bound_from_another_table_pins_what_the_equation_alone_does_not():
    # x0 + x1 = 9 leaves x1 anywhere from 1 to 4; x1 being at least 3 more than x2
    # (x2 - x1 <= -3) with x2 at least 1 makes x1 4, and so x0 5.
    equations, bounds = ([[1, 1, 0]], [9]), [WITHHELD, FEWER_THAN_5, FEWER_THAN_5]
    assert pinned(equations, bounds) == []
    assert pinned(equations, bounds, at_most=([[0, -1, 1]], [-3])) == [0, 1, 2]


def test_a_system_without_a_solution_or_an_upper_bound_pins_nothing():
    assert pinned(([[1, 1]], [1]), [FEWER_THAN_5, FEWER_THAN_5]) == []  # at least 2
    assert pinned(([[1, -1]], [0]), [WITHHELD, WITHHELD]) == []  # equal, but unbounded
    assert pinned(((), ()), [WITHHELD]) == []


def test_the_solver_prints_nothing_of_its_own():
    # ``heeded report --public --format json`` writes the JSON on standard output: HiGHS's
    # banner there (highspy.Highs prints one when made) would make it unreadable.
    program = (
        "from heeded.reports.document.ranges import pinned; "
        "print(pinned(([[1, 1, 1]], [7]), [(5, None), (1, 4), (1, 4)]))"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert (run.returncode, run.stdout, run.stderr) == (0, "[0, 1, 2]\n", "")
