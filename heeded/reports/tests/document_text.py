"""Reading a built report document's words back, for tests."""


def section_texts(document, section: str | None = None) -> list[str]:
    """The words of every section's own blocks (or of the one section with that id)."""
    return [
        text
        for s in document.sections
        if section is None or s.id == section
        for text in s.own_texts()
    ]


def subsection_texts(section) -> list[str]:
    """The words of a section's subsections, however deep."""
    return [text for sub in section.subsections for text in sub.texts()]
