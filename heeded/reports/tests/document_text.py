"""Reading a built report document's words back, for tests."""

from heeded.reports.document.structure import BulletList, Note, Paragraph


def block_texts(blocks) -> list[str]:
    """The words of paragraphs, notes and list items, in order."""
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph | Note):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts.extend(block.items)
    return parts


def section_texts(document, section: str | None = None) -> list[str]:
    """The words of every section's own blocks (or of the one section with that id)."""
    return [
        text
        for s in document.sections
        if section is None or s.id == section
        for text in block_texts(s.blocks)
    ]


def subsection_texts(section) -> list[str]:
    """The words of a section's subsections, however deep."""
    parts = []
    for sub in section.subsections:
        parts += block_texts(sub.blocks) + subsection_texts(sub)
    return parts
