import pytest


@pytest.fixture
def pilot(manager):
    """A recommendation of the 2018/19 report, added by the manager (IoW 2019/20 s.13)."""
    from heeded.reports.recommendations import services

    return services.add_recommendation(
        by=manager,
        title="Investigating officer pilot",
        text="Review the effectiveness of the investigating officer pilot.",
        raised_in="2018/19",
    )
