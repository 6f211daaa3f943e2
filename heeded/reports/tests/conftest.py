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


@pytest.fixture
def every_table_printed(monkeypatch):
    """The public version with every table printed, however much of it is hidden: for tests
    of which cells the suppression hides in a table that the report would otherwise replace
    with a line saying its numbers are too small to publish (tested on its own in
    test_document_suppression)."""
    import heeded.reports.document as assembly

    monkeypatch.setattr(assembly, "too_small_to_publish", lambda table: False)
