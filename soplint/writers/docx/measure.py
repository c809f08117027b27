"""Text measurement with Arial / Liberation Sans advance widths, so the writer
can compute how many lines a cell needs and thus the exact row heights it
writes (the pagination depends on them)."""
from __future__ import annotations

from soplint.writers.docx.metrics import BOLD, REGULAR

#: Word and LibreOffice lay Arial out with a "single" line of 1.149 em
LINE = 1.15
PT_MM = 25.4 / 72


def text_width_mm(text: str, size_pt: float, bold: bool = False) -> float:
    table = BOLD if bold else REGULAR
    units = sum(table.get(ord(c), 600) for c in text)
    return units / 1000.0 * size_pt * PT_MM


def wrap(text: str, width_mm: float, size_pt: float, bold: bool = False) -> list[str]:
    """Greedy word wrap as a word processor does it (long words are broken)."""
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split()
        if not words:
            lines.append("")
            continue
        cur = ""
        for word in words:
            trial = word if not cur else cur + " " + word
            if text_width_mm(trial, size_pt, bold) <= width_mm:
                cur = trial
                continue
            if cur:
                lines.append(cur)
            # a word longer than the line is broken by characters
            while text_width_mm(word, size_pt, bold) > width_mm and len(word) > 1:
                cut = len(word)
                while cut > 1 and text_width_mm(word[:cut], size_pt, bold) > width_mm:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            cur = word
        lines.append(cur)
    return lines


def line_height_mm(size_pt: float) -> float:
    return size_pt * LINE * PT_MM


def text_height_mm(paragraphs: list[str], width_mm: float, size_pt: float, bold: bool = False,
                   slack: float = 1.08) -> float:
    """Height of a stack of paragraphs in a column; `slack` widens each line's
    text a little so the estimate errs on the tall side (font hinting and
    kerning differ between Word and LibreOffice)."""
    n = 0
    for p in paragraphs:
        n += max(1, len(wrap(p, width_mm / slack, size_pt, bold)))
    return n * line_height_mm(size_pt)
