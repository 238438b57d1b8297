"""Drive real text selections in the browser: mouse drags, clicks on words and caret placement.

Positions are found with a JS Range over the text nodes under a root element, so the mouse
lands on the exact characters whatever the fonts and line wrapping turn out to be.
"""

from playwright.sync_api import Page

# Finds `needle` (the nth occurrence at or after `after`) in the concatenated text nodes under
# `root`, and returns the index where it starts plus the viewport rectangles of the
# needle's first, middle and last characters (a surrogate pair counts as one character).
_FIND = """
([rootSelector, needle, nth, after, scroll]) => {
  const root = document.querySelector(rootSelector);
  if (!root) throw new Error(`no element matches ${rootSelector}`);
  const nodes = [];
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    nodes.push([node, text.length]);
    text += node.data;
  }
  let index = after - 1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`text not found under ${rootSelector}: ${needle}`);
  }
  const locate = (pos) => {
    for (const [node, base] of nodes) {
      if (pos < base + node.data.length) return [node, pos - base];
    }
    throw new Error(`position ${pos} is past the text`);
  };
  const charRange = (pos) => {
    const [node, offset] = locate(pos);
    const range = document.createRange();
    const unit = node.data.charCodeAt(offset);
    const width = unit >= 0xd800 && unit <= 0xdbff ? 2 : 1;
    range.setStart(node, offset);
    range.setEnd(node, offset + width);
    return range;
  };
  let lastPos = index + needle.length - 1;
  const lastUnit = text.charCodeAt(lastPos);
  if (lastUnit >= 0xdc00 && lastUnit <= 0xdfff) lastPos -= 1;
  if (scroll) locate(index)[0].parentElement.scrollIntoView({ block: "center" });
  const box = (r) => {
    const rects = r.getClientRects();
    const rect = rects[rects.length - 1] || r.getBoundingClientRect();
    return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
  };
  let midPos = index + Math.floor((needle.length - 1) / 2);
  const midUnit = text.charCodeAt(midPos);
  if (midUnit >= 0xdc00 && midUnit <= 0xdfff) midPos -= 1;
  return {
    index,
    end: index + needle.length,
    first: box(charRange(index)),
    middle: box(charRange(midPos)),
    last: box(charRange(lastPos)),
  };
}
"""

_COLLAPSE = """
([rootSelector, needle]) => {
  const root = document.querySelector(rootSelector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const offset = node.data.indexOf(needle);
    if (offset >= 0) {
      node.parentElement.scrollIntoView({ block: "center" });
      window.getSelection().collapse(node, offset);
      return true;
    }
  }
  throw new Error(`text not found in a single text node under ${rootSelector}: ${needle}`);
}
"""


def find_text(
    page: Page,
    needle: str,
    *,
    root: str = "#article-body",
    nth: int = 0,
    after: int = 0,
    scroll: bool = False,
) -> dict:
    return page.evaluate(_FIND, [root, needle, nth, after, scroll])


def _middle_y(rect: dict) -> float:
    return (rect["top"] + rect["bottom"]) / 2


def drag_select(
    page: Page,
    start_text: str,
    end_text: str | None = None,
    *,
    root: str = "#article-body",
    nth: int = 0,
) -> None:
    """Select from the first character of `start_text` to the last character of `end_text`
    (default: `start_text` itself) with a real mouse drag."""
    start = find_text(page, start_text, root=root, nth=nth, scroll=True)
    end = start if end_text is None else find_text(page, end_text, root=root, after=start["index"])
    first, last = start["first"], end["last"]
    # Press on the left quarter of the first character and release on the right quarter of the
    # last one: the caret goes before the first and after the last character.
    x0 = first["left"] + (first["right"] - first["left"]) * 0.25
    x1 = last["right"] - (last["right"] - last["left"]) * 0.25
    page.mouse.move(x0, _middle_y(first))
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (_middle_y(first) + _middle_y(last)) / 2, steps=4)
    page.mouse.move(x1, _middle_y(last), steps=4)
    page.mouse.up()


def click_text(page: Page, text: str, *, root: str = "#article-body", nth: int = 0) -> None:
    """Click with the mouse on the middle character of `text` (it may wrap across lines)."""
    middle = find_text(page, text, root=root, nth=nth, scroll=True)["middle"]
    page.mouse.click((middle["left"] + middle["right"]) / 2, _middle_y(middle))


def place_caret_before(page: Page, text: str, *, root: str = "#article-body") -> None:
    """Collapse the selection (a caret, nothing selected) right before `text`."""
    page.evaluate(_COLLAPSE, [root, text])


def selected_text(page: Page) -> str:
    return page.evaluate("() => window.getSelection().toString()")
