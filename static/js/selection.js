// Turns a text selection inside <article> into code-point offsets of the canonical text and
// drives the highlight toolbar, the keyboard shortcuts (c, q, o, n, Esc) and the editor.
// Highlights themselves are rendered on the server; this file only reads and submits.

const TAGS = { c: "claim", q: "quote", o: "opinion" };
const SNAP_KEY = "newsreader.snapWords";
const HIDDEN_TAGS_KEY = "newsreader.hiddenTags";

const $ = (selector, root = document) => root.querySelector(selector);
const toolbar = () => $("#highlight-toolbar");
const editor = () => $("#editor");
const articleBody = () => $("#article-body");
const markFor = (annotationId) => $(`#article-body mark[data-annotation-id="${annotationId}"]`);

// Code points in a string: the browser counts UTF-16 units, the server counts code points.
export function codePointLength(text) {
  return [...text].length; // the string iterator yields code points
}

function blockEnd(block) {
  return Number(block.dataset.start) + codePointLength(block.textContent);
}

// The canonical-text offset of a DOM boundary point (node, offset) inside the article.
function boundaryOffset(article, node, offset, isEnd) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const block = element.closest("[data-start]");
  if (block && article.contains(block)) {
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return Number(block.dataset.start) + codePointLength(range.toString());
  }
  // A boundary between blocks (the article itself, or whitespace between paragraphs).
  const blocks = [...article.querySelectorAll("[data-start]")];
  const probe = document.createRange();
  probe.setStart(node, offset);
  const after = blocks.find((b) => probe.comparePoint(b, 0) >= 0);
  if (isEnd) {
    const before = blocks.filter((b) => probe.comparePoint(b, 0) < 0).pop();
    return before ? blockEnd(before) : 0;
  }
  return after ? Number(after.dataset.start) : blocks.length ? blockEnd(blocks.at(-1)) : 0;
}

export function selectionOffsets() {
  const article = articleBody();
  const selection = window.getSelection();
  if (!article || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) return null;
  if (!range.toString().trim()) return null;
  const start = boundaryOffset(article, range.startContainer, range.startOffset, false);
  const end = boundaryOffset(article, range.endContainer, range.endOffset, true);
  return end > start ? { start, end, rect: range.getBoundingClientRect() } : null;
}

function snapWords() {
  return localStorage.getItem(SNAP_KEY) !== "off";
}

function showToolbar(offsets) {
  const form = toolbar();
  form.elements.start.value = offsets.start;
  form.elements.end.value = offsets.end;
  form.elements.snap.value = snapWords() ? "on" : "";
  form.hidden = false;
  const top = window.scrollY + offsets.rect.bottom + 8;
  const left = Math.max(8, Math.min(window.scrollX + offsets.rect.left, window.innerWidth - form.offsetWidth - 8));
  form.style.top = `${top}px`;
  form.style.left = `${left}px`;
}

function hideToolbar() {
  const form = toolbar();
  if (!form) return;
  form.hidden = true;
  form.elements.note.value = "";
}

function refreshToolbar() {
  const form = toolbar();
  if (!form || form.contains(document.activeElement)) return;
  const offsets = selectionOffsets();
  if (offsets) showToolbar(offsets);
  else hideToolbar();
}

function submitTag(tag) {
  const form = toolbar();
  form.elements.tag.value = tag;
  form.requestSubmit();
}

function typingInField(target) {
  return target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']");
}

function openEditor(annotationId, alsoIds = []) {
  const url = `/annotations/${annotationId}/` + (alsoIds.length ? `?also=${alsoIds.join(",")}` : "");
  editor().dataset.returnTo = annotationId;
  htmx.ajax("GET", url, { target: "#editor", swap: "innerHTML" });
}

function hideEditor(panel) {
  panel.hidden = true;
  panel.innerHTML = "";
}

function closeEditor() {
  const panel = editor();
  if (!panel || panel.hidden) return false;
  hideEditor(panel);
  focusMark(panel.dataset.returnTo) || articleBody()?.focus();
  return true;
}

function focusMark(annotationId) {
  const mark = annotationId && markFor(annotationId);
  if (!mark) return false;
  mark.tabIndex = -1;
  mark.focus();
  return true;
}

function applyTagFilters() {
  const hidden = JSON.parse(localStorage.getItem(HIDDEN_TAGS_KEY) || "[]");
  const reader = $("#reader");
  if (!reader) return;
  for (const box of reader.querySelectorAll(".tag-filter")) {
    box.checked = !hidden.includes(box.value);
    reader.classList.toggle(`hide-${box.value}`, !box.checked);
  }
  const snap = $("#snap-words");
  if (snap) snap.checked = snapWords();
}

document.addEventListener("selectionchange", () => {
  clearTimeout(refreshToolbar.timer);
  refreshToolbar.timer = setTimeout(refreshToolbar, 120);
});

document.addEventListener("keydown", (event) => {
  // Enter in the note field would submit with the first button (Claim): make the user choose.
  if (event.key === "Enter" && event.target.id === "toolbar-note") {
    event.preventDefault();
    toolbar().querySelector("[data-tag]").focus();
    return;
  }
  if (event.key === "Escape") {
    if (closeEditor()) return;
    if (toolbar() && !toolbar().hidden) {
      hideToolbar();
      articleBody()?.focus();
    }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey || typingInField(event.target)) return;
  const key = event.key.toLowerCase();
  if (!(key in TAGS) && key !== "n") return;
  const offsets = selectionOffsets();
  if (!offsets) return;
  event.preventDefault();
  showToolbar(offsets);
  if (key === "n") toolbar().elements.note.focus();
  else submitTag(TAGS[key]);
});

document.addEventListener("click", (event) => {
  const tagButton = event.target.closest("#highlight-toolbar [data-tag]");
  if (tagButton) {
    event.preventDefault();
    submitTag(tagButton.dataset.tag);
    return;
  }
  if (event.target.closest("[data-close-editor]")) {
    closeEditor();
    return;
  }
  const mark = event.target.closest("#article-body mark[data-annotation-id]");
  if (mark && window.getSelection().isCollapsed) {
    const ids = [];
    for (let el = mark; el && el.matches("mark[data-annotation-id]"); el = el.parentElement.closest("mark")) {
      ids.push(el.dataset.annotationId);
    }
    openEditor(ids[0], [...new Set(ids.slice(1))]);
    return;
  }
  const link = event.target.closest(".highlight-link");
  if (link) {
    editor().dataset.returnTo = link.dataset.annotationId;
    markFor(link.dataset.annotationId)?.scrollIntoView({ block: "center", behavior: "smooth" });
  }
});

document.addEventListener("change", (event) => {
  if (event.target.matches(".tag-filter")) {
    const hidden = [...document.querySelectorAll(".tag-filter")].filter((b) => !b.checked).map((b) => b.value);
    localStorage.setItem(HIDDEN_TAGS_KEY, JSON.stringify(hidden));
    applyTagFilters();
  } else if (event.target.matches("#snap-words")) {
    localStorage.setItem(SNAP_KEY, event.target.checked ? "on" : "off");
  }
});

document.body.addEventListener("htmx:afterSwap", (event) => {
  if (event.detail.target.id === "editor") {
    const panel = editor();
    panel.hidden = false;
    const checked = panel.querySelector("input[name=tag]:checked");
    (checked ?? panel.querySelector("input:not([type=hidden]), textarea"))?.focus();
  }
});

// On afterSwap, not afterSettle: the new body is in place and focus moves in the same task, so
// neither a screen reader nor a keyboard user ever lands on <body> in between.
document.body.addEventListener("htmx:afterSwap", (event) => {
  const reader = event.target;
  if (reader.id !== "reader") return;
  applyTagFilters();
  hideToolbar();
  window.getSelection().removeAllRanges();
  const panel = editor();
  if (panel && !panel.hidden) hideEditor(panel);
  focusMark(reader.dataset.focusId) || articleBody()?.focus({ preventScroll: true });
  const undo = $("#undo-delete");
  if (undo) setTimeout(() => undo.closest("form")?.remove(), 8000);
});

applyTagFilters();
