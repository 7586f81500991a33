"""Line charts drawn on the server as inline SVG, for the page and the PDF alike.

Every chart is an image with a text alternative, and the page puts the same figures beside it in
a table: the SVG is for sighted readers, the table is the record. Styling is by presentation
attributes, since the Content Security Policy forbids inline style.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .assessment import format_number

VALUE_COLOUR = "#1d70b8"
COMPARISON_COLOUR = "#505a5f"
TARGET_COLOUR = "#00703c"
AXIS_COLOUR = "#b1b4b6"
TEXT_COLOUR = "#0b0c0c"
# The full chart's drawing is 400 units wide and scales to its container (CSS width 100%): on a
# 375 px phone it is drawn about 345 px wide, so 14-unit labels stay at 12 px or more, and in a
# PDF's chart column (about 105 mm) at about 10 pt.
FULL_SIZE = (400, 260)
LABEL_SIZE = 14
# At most this many period labels under the x axis, counted back from the latest, so neighbouring
# labels never overlap.
MAX_PERIOD_LABELS = 4


@dataclass(frozen=True)
class ChartPoint:
    label: str
    value: float
    comparison: float | None = None
    target: float | None = None


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    top: float
    bottom: float

    def y(self, value):
        span = (self.high - self.low) or 1
        return round(self.bottom - (value - self.low) / span * (self.bottom - self.top), 2)

    def value_at(self, y):
        span = (self.high - self.low) or 1
        return self.low + (self.bottom - y) / (self.bottom - self.top) * span


def nice_ticks(low, high, count=5):
    """Round axis ticks covering low..high, starting at zero for all-positive data."""
    if low > 0:
        low = 0.0
    if high <= low:
        high = low + 1
    raw_step = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw_step)
    start = math.floor(low / step) * step
    ticks = []
    tick = start
    while tick < high + step * 0.999:
        ticks.append(round(tick, 10))
        tick += step
    return ticks


def _n(value):
    """A coordinate (0 to 400, to two places) in as few characters as say it: 64 for 64.0."""
    return f"{value:g}"


def line_chart(points, *, chart_id, title, unit="", small=False):
    """The SVG markup (safe) for ``points`` in order; ``chart_id`` makes element ids unique."""
    if not points:
        return ""
    width, height = (240, 72) if small else FULL_SIZE
    left, right, top, bottom = (4, 4, 6, height - 6) if small else (64, 28, 16, height - 56)
    values = [p.value for p in points]
    values += [p.comparison for p in points if p.comparison is not None]
    values += [p.target for p in points if p.target is not None]
    if small:
        # A sparkline shows the trend, so it spans the data rather than starting at zero.
        spread = (max(values) - min(values)) or abs(max(values)) or 1
        ticks = [min(values) - spread * 0.1, max(values) + spread * 0.1]
    else:
        ticks = nice_ticks(min(values), max(values))
    scale = Scale(ticks[0], ticks[-1], top, bottom)
    count = len(points)

    def x(index):
        if count == 1:
            return round((left + width - right) / 2, 2)
        return round(left + index * (width - left - right) / (count - 1), 2)

    first, last = points[0], points[-1]
    description = (
        f"Line chart, {first.label} to {last.label}: from "
        f"{format_number(first.value, unit)} to {format_number(last.value, unit)}. "
        "The figures are in the table with the chart."
    )
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="pcc-chart{}" viewBox="0 0 {} {}" '
            'width="{}" height="{}" role="img" aria-labelledby="{}-title {}-desc">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            " pcc-chart--small" if small else "",
            width,
            height,
            width,
            height,
            chart_id,
            chart_id,
            chart_id,
            title,
            chart_id,
            description,
        )
    ]
    if not small:
        # The gridlines are one path, and shared presentation attributes sit on groups: a
        # report page draws a chart for every measure, and repeated markup was most of its
        # weight.
        parts.append(
            format_html(
                '<path d="{}" stroke="{}" fill="none"/>',
                "".join(f"M{left} {_n(scale.y(tick))}H{width - right}" for tick in ticks),
                AXIS_COLOUR,
            )
        )
        ticks_text = "".join(
            format_html(
                '<text x="{}" y="{}">{}</text>',
                left - 6,
                _n(scale.y(tick) + 5),
                format_number(tick, unit),
            )
            for tick in ticks
        )
        labels = [format_html('<g text-anchor="end">{}</g>', mark_safe(ticks_text))]  # noqa: S308 - escaped above
        every = max(1, math.ceil(count / MAX_PERIOD_LABELS))
        for index, point in enumerate(points):
            if (count - 1 - index) % every == 0:
                # The first and last labels are anchored at their ends so they stay in the drawing.
                anchor = "middle"
                if count > 1 and index == 0:
                    anchor = "start"
                elif count > 1 and index == count - 1:
                    anchor = "end"
                labels.append(
                    format_html(
                        '<text x="{}" y="{}" text-anchor="{}">{}</text>',
                        _n(x(index)),
                        bottom + 20,
                        anchor,
                        point.label,
                    )
                )
    parts.append(mark_safe('<g fill="none">'))
    for key, colour, dash in (
        ("comparison", COMPARISON_COLOUR, "6 4"),
        ("target", TARGET_COLOUR, "2 3"),
    ):
        coords = [
            f"{_n(x(i))},{_n(scale.y(getattr(p, key)))}"
            for i, p in enumerate(points)
            if getattr(p, key) is not None
        ]
        if len(coords) > 1:
            parts.append(
                format_html(
                    '<polyline class="pcc-chart__{}" points="{}" stroke="{}" '
                    'stroke-width="{}" stroke-dasharray="{}"/>',
                    key,
                    " ".join(coords),
                    colour,
                    1.5 if small else 2,
                    dash,
                )
            )
    parts.append(
        format_html(
            '<polyline class="pcc-chart__value" points="{}" stroke="{}" stroke-width="{}"/></g>',
            " ".join(f"{_n(x(i))},{_n(scale.y(p.value))}" for i, p in enumerate(points)),
            VALUE_COLOUR,
            2 if small else 3,
        )
    )
    # A marker on each figure of the full chart; a sparkline marks its latest figure only.
    # The figures themselves are in the table beside the chart.
    marked = range(count) if not small else [count - 1]
    parts.append(
        format_html(
            '<g fill="{}">{}</g>',
            VALUE_COLOUR,
            mark_safe(  # noqa: S308 - numbers formatted here
                "".join(
                    f'<circle cx="{_n(x(i))}" cy="{_n(scale.y(points[i].value))}" '
                    f'r="{3 if small else 4}"/>'
                    for i in marked
                )
            ),
        )
    )
    if not small:
        legend_y = height - 12
        items = [("Value", VALUE_COLOUR, "")]
        if any(p.comparison is not None for p in points):
            items.append(("Comparison", COMPARISON_COLOUR, "6 4"))
        if any(p.target is not None for p in points):
            items.append(("Target", TARGET_COLOUR, "2 3"))
        legend_x = 4
        parts.append(mark_safe('<g stroke-width="3">'))
        for label, colour, dash in items:
            parts.append(
                format_html(
                    '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}"{}/>',
                    legend_x,
                    legend_x + 24,
                    legend_y - 4,
                    legend_y - 4,
                    colour,
                    format_html(' stroke-dasharray="{}"', dash) if dash else "",
                )
            )
            labels.append(
                format_html('<text x="{}" y="{}">{}</text>', legend_x + 30, legend_y, label)
            )
            # The next key starts after this one's text (about 8 units a character at 14).
            legend_x += 30 + 8 * len(label) + 18
        parts.append(mark_safe("</g>"))
        parts.append(
            format_html(
                '<g font-size="{}" fill="{}" font-family="Arial, sans-serif">{}</g>',
                LABEL_SIZE,
                TEXT_COLOUR,
                mark_safe("".join(str(label) for label in labels)),  # noqa: S308 - escaped above
            )
        )
    parts.append(mark_safe("</svg>"))  # noqa: S308 - a literal closing tag
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part escaped above
