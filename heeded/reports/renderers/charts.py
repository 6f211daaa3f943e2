"""Charts with matplotlib: SVG (text kept as text) for HTML and PDF, PNG for Word.

Deterministic output: a fixed ``svg.hashsalt`` and no date in the metadata, so the same
figures give byte-identical files. Colours are the Okabe-Ito colour-blind-safe blue and
vermillion, the second series also hatched, and every bar carries its value, so nothing is
told by colour alone; the data table is printed beside every chart.
"""

from __future__ import annotations

import io
import re
import textwrap

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from ..document.structure import Chart  # noqa: E402

COLOURS = ["#0072B2", "#D55E00", "#009E73"]
HATCHES = ["", "//", ".."]
STYLE = {
    "svg.hashsalt": "heeded",
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["Arial", "Liberation Sans", "DejaVu Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _figure(chart: Chart):
    categories = ["\n".join(textwrap.wrap(c, 28)) for c in chart.categories]
    count = len(chart.series)
    height = max(2.0, 0.25 + 0.28 * len(categories) * max(count, 1.5))
    fig, ax = plt.subplots(figsize=(6.3, height))
    bar = 0.8 / count
    positions = range(len(categories))
    for s, (name, values) in enumerate(chart.series):
        offsets = [p + (s - (count - 1) / 2) * bar for p in positions]
        bars = ax.barh(
            offsets,
            values,
            height=bar,
            label=name,
            color=COLOURS[s % 3],
            hatch=HATCHES[s % 3],
            edgecolor="white",
            linewidth=0.5,
        )
        ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_yticks(list(positions), categories)
    ax.invert_yaxis()
    ax.set_xlabel(chart.value_label)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.12)
    if count > 1:
        ax.legend(frameon=False, loc="lower right")
    fig.tight_layout()
    return fig


def svg(chart: Chart) -> str:
    with plt.rc_context(STYLE):
        fig = _figure(chart)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(fig)
    text = _own_ids(_without_inline_styles(buffer.getvalue()), chart.id)
    # Inline in HTML: drop the XML prolog and DOCTYPE, make the chart scale with its column,
    # and give it a role and title for screen readers.
    text = text[text.index("<svg") :]
    text = text.replace("<svg ", f'<svg role="img" aria-labelledby="{chart.id}-title" ', 1)
    head_end = text.index(">") + 1
    title = f'<title id="{chart.id}-title">{_escape(chart.alt)}</title>'
    return text[:head_end] + title + text[head_end:]


_STYLE_ATTRIBUTE = re.compile(r' style="([^"]*)"')
_STYLE_ELEMENT = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL)


def _without_inline_styles(svg_text: str) -> str:
    """The same drawing with presentation attributes instead of CSS.

    The application's Content-Security-Policy allows no inline styles (style-src 'self'),
    which would strip matplotlib's colours from an inline SVG; attributes such as
    ``fill="#0072b2"`` are not styles and survive it, in browsers and WeasyPrint alike.
    The one <style> element only sets line joins, which become attributes on the root.
    """

    def attributes(match: re.Match) -> str:
        pairs = []
        for declaration in match.group(1).split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() and value.strip():
                pairs.append(f' {name.strip()}="{value.strip()}"')
        return "".join(pairs)

    svg_text = _STYLE_ELEMENT.sub("", svg_text)
    svg_text = svg_text.replace("<svg ", '<svg stroke-linejoin="round" stroke-linecap="butt" ', 1)
    return _STYLE_ATTRIBUTE.sub(attributes, svg_text)


_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')


def _own_ids(svg_text: str, prefix: str) -> str:
    """matplotlib numbers its element ids per figure ("patch_1"), so two charts on one page
    would share ids: invalid HTML, and clip paths or markers taken from the wrong chart."""
    svg_text = _ID.sub(lambda m: f'id="{prefix}-{m.group(1)}"', svg_text)
    return _REFERENCE.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg_text)


def png(chart: Chart, dpi: int = 150) -> bytes:
    with plt.rc_context(STYLE):
        fig = _figure(chart)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
        plt.close(fig)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
