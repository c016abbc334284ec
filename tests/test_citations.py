"""Locating a quote in its plan despite the extraction's line breaks, and highlighting it safely."""

from __future__ import annotations

from dashboard.citations import context, highlighted_html, locate

TEXT = "第一行\n　　支持甲区建设绿色金\n融示范区。\n第四行<b>\n第五行\n第六行\n"


def test_locate_across_a_line_break():
    start, end = locate(TEXT, "建设绿色金融示范区")
    assert TEXT[start:end] == "建设绿色金\n融示范区"


def test_locate_missing_quote():
    assert locate(TEXT, "数字金融") is None
    assert locate(TEXT, "   ") is None


def test_context_lines_around_and_line_number():
    ctx = context(TEXT, "建设绿色金融示范区", lines_around=1)
    assert ctx.quote == "建设绿色金\n融示范区"
    assert ctx.line == 2
    assert ctx.before == "第一行\n　　支持甲区"
    assert ctx.after == "。\n第四行<b>"


def test_highlight_escapes_plan_text():
    html = highlighted_html(context(TEXT, "融示范区。第四行<b>", lines_around=0))
    assert "<mark>融示范区。<br>第四行&lt;b&gt;</mark>" in html
    assert "<b>" not in html


def test_highlight_collapses_the_extraction_blank_lines():
    ctx = context("第一行\n\n支持甲区\n\n　\n建设\n第三行", "甲区建设", lines_around=0)
    assert highlighted_html(ctx) == '<div class="plan-passage">支持<mark>甲区<br>建设</mark></div>'
