"""The data table of known page furniture: ad labels, chrome, credits, related links, and the
lines that open or run a comment thread.

Each row is (kind, regular expression). A pattern is matched against the whole line after
whitespace is collapsed and the line lowercased, so write it in lowercase, and anchor it with
`^...$` to mean the entire line.
Add rows here, not `if` statements in the parser.
"""

import re
from functools import lru_cache
from typing import Final

# Kinds that are not stripped-segment kinds: they steer the comment-thread splitter.
NOTICE: Final = "notice"
RULES: Final = "rules"
THREAD_START: Final = "thread_start"
SECTION_LIKE: Final = "section_like"  # a thread start that could also head an article section
COMMENT_HEADER: Final = "comment_header"
COMMENT_FOOTER: Final = "comment_footer"
COMMENT_NUMBER: Final = "comment_number"  # "#14", "3. jdoe": a header only inside a thread
REMOVED: Final = "removed"

_TIME = r"\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,4})?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s*(?:\d{{4}})?|\d{{1,2}}\s+{_MONTH}\s*(?:\d{{4}})?|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}})"
_AGO = r"\d+\s*(?:s|m|h|d|w|mo|y|sec|min|mins|hr|hrs|hours?|days?|weeks?|months?|years?)\s*(?:ago)?"
_NAME = r"[\w.'’@\[\]-]+(?:\s+[\w.'’@\[\]-]+){0,3}"


# Thread openings that are also section headings in articles ("Discussion" after "Results").
_SECTION_LIKE_STARTS = (r"conversation", r"discussion", r"what do you think\??", r"have your say")


def whole_line(*alternatives: str, suffix: str = "") -> str:
    """A pattern matching a line that is exactly one of the alternatives."""
    return rf"^(?:{'|'.join(alternatives)}){suffix}$"


MARKERS: Final[list[tuple[str, str]]] = [
    # Ad slots and labels.
    (
        "ad",
        whole_line(
            r"advertisement",
            r"advertisements",
            r"advertising",
            r"ad",
            r"ads",
            r"sponsored",
            r"sponsored content",
            r"paid content",
            r"paid post",
            r"promoted",
            r"promoted content",
            r"partner content",
            r"recommended",
            r"recommended for you",
            r"recommended videos",
            r"you may like",
            r"you might also like",
            r"around the web",
            r"from our partners",
            r"featured video",
            r"watch",
            r"watch now",
            r"video ad feedback",
            r"ad feedback",
        ),
    ),
    (
        "ad",
        r"^(?:story|article|content) continues (?:below|after) (?:this )?(?:advertisement|ad)$",
    ),
    ("ad", r"^trending on .{1,60} videos?$"),
    ("ad", r"^(?:sponsored|promoted) (?:by|stories|links|content)\b.{0,80}$"),
    ("ad", r"^(?:taboola|outbrain|by taboola|powered by \w+)$"),
    ("ad", r"^skip (?:ad|advertisement)$"),
    ("ad", r"^(?:sponsored|promoted|paid content|paid post|advertisement|ad)\s*[|:·•]\s*.{1,80}$"),
    # A few other languages' ad labels (German, French, Spanish, Italian, Dutch).
    (
        "ad",
        r"^(?:anzeige|werbung|publicité|publicidad|pubblicità|advertentie|gesponsord|sponsorisé)$",
    ),
    # Related links and lists.
    (
        "related",
        whole_line(
            r"related",
            r"related:",
            r"related stories",
            r"related articles",
            r"related coverage",
            r"related content",
            r"related topics",
            r"related links",
            r"more on this story",
            r"more from [\w .&'’-]{2,40}",
            r"more stories",
            r"more news",
            r"more coverage",
            r"read more",
            r"read next",
            r"up next",
            r"see also",
            r"also read",
            r"most read",
            r"most popular",
            r"top stories",
            r"latest news",
            r"editor'?s picks",
            r"what to read next",
            r"trending now",
            r"trending",
            r"popular now",
            r"don'?t miss",
            suffix=r"[:.]?",
        ),
    ),
    (
        "related",
        r"^(?:related|read more|more|see also|also read|read next|read also|also on [\w ]{2,30}|click here|must read|watch|listen)\s*[:|—–-]\s*\S.{0,200}$",
    ),
    ("related", r"^(?:tags?|labels?|topics?|filed under|categories|more about)\s*:.{0,400}$"),
    (
        "related",
        r"^(?:suggested topics|related topics|more in [\w &'’-]{2,40}|more from this author|most viewed)\s*:?$",
    ),
    (
        "related",
        r"^(?:related [\w-]+|more (?:videos|stories|articles|podcasts|news)|sources|references|further reading|bibliography|mehr zum thema|lesen sie auch|das könnte sie auch interessieren|à lire aussi|lire aussi|sur le même sujet|te puede interesar|leer más|leggi anche)\s*:?$",
    ),
    # Photo captions and credits.
    (
        "credit",
        r"(?:\bvia ap|\bvia reuters|\bvia getty images|/ ?ap|/ ?associated press|/ ?reuters|/ ?afp|/ ?getty images|/ ?shutterstock|/ ?bloomberg|/ ?epa(?:-efe)?|/ ?sipa usa|/ ?zuma press|/ ?the new york times|/ ?pool)\)?\.?$",
    ),
    ("credit", r"\((?:ap|reuters|afp|epa|getty|ap photo|photo)[ /][^)]{0,80}\)\.?$"),
    (
        "credit",
        r"^(?:[\w.'’-]+\s+){0,5}(?:getty images|shutterstock|istock(?:photo)?|alamy|associated press|reuters|afp|epa)(?:\s+(?:for|via)\s+[\w .'’-]{1,40})?\.?$",
    ),
    (
        "credit",
        r"^(?:photo|photos|photograph|photography|image|images|picture|illustration|video|credit|photo credit|image credit|source)\s*(?:by)?\s*[:/|©].{1,160}$",
    ),
    ("credit", r"^©(?!\s*\d{4})[^.]{1,60}$"),
    ("credit", r"\b(?:for the new york times|for the washington post|for cnn|for nbc news)\.?$"),
    ("credit", r"\b(?:reuters|afp|epa|ap photo|getty images|photo|photograph)\s*/\s*\w"),
    ("credit", r"purchase licensing rights"),
    (
        "credit",
        r"\b(?:photo|photograph|image|picture|illustration)(?:\s+by)?\s*[:|]?\s+[^.:]{2,80}$(?<!\.)",
    ),
    ("credit", r"\([\w .'’-]{2,60}/[\w .'’-]{2,60}\)\.?$"),
    (
        "credit",
        r"^(?:figure|fig\.|chart|graphic|map|abbildung|graphique|gráfico)\s*\d{0,2}\s*[:.]\s+\S.{2,300}$",
    ),
    # Site chrome: navigation, sharing, newsletters, cookies, sign-in, byline widgets.
    (
        "chrome",
        whole_line(
            r"home",
            r"menu",
            r"search",
            r"sections",
            r"news",
            r"world",
            r"politics",
            r"business",
            r"tech",
            r"technology",
            r"science",
            r"health",
            r"sports",
            r"sport",
            r"opinion",
            r"culture",
            r"entertainment",
            r"lifestyle",
            r"travel",
            r"video",
            r"videos",
            r"podcasts",
            r"newsletters",
            r"subscribe",
            r"sign in",
            r"log in",
            r"login",
            r"register",
            r"sign up",
            r"account",
            r"my account",
            r"close",
            r"skip to content",
            r"skip to main content",
            r"skip navigation",
            r"toggle navigation",
            r"open menu",
            r"main menu",
            r"back to top",
            r"top",
            r"more",
            r"print",
            r"email",
            r"share",
            r"share this",
            r"share this article",
            r"share this story",
            r"share on facebook",
            r"share on twitter",
            r"share on x",
            r"facebook",
            r"twitter",
            r"x",
            r"linkedin",
            r"whatsapp",
            r"reddit",
            r"pinterest",
            r"copy link",
            r"link copied",
            r"save",
            r"save article",
            r"listen",
            r"listen to this article",
            r"gift article",
            r"comments?",
            r"\d+ comments?",
            r"comments \(\d+\)",
            r"show comments",
            r"view comments",
            r"load more",
            r"load more comments",
            r"show more",
            r"see more",
            r"next",
            r"previous",
            r"accept",
            r"accept all",
            r"reject all",
            r"manage preferences",
            r"cookie settings",
            r"got it",
            r"ok",
            r"follow",
            r"following",
            r"follow us",
            r"contact us",
            r"about us",
            r"privacy policy",
            r"terms of use",
            r"terms of service",
            r"all rights reserved",
            r"advertise",
            r"careers",
            r"site map",
            r"sitemap",
            r"live",
            r"live updates",
            r"key events",
            r"latest",
            r"breaking",
            r"breaking news",
            r"trending",
            r"edition",
            r"us edition",
            r"uk edition",
            r"international",
        ),
    ),
    (
        "chrome",
        r"^(?:[\w&'’.-]+(?: [\w&'’.-]+)?\s*(?:\||•|·|/|»)\s*){2,}[\w&'’.-]+(?: [\w&'’.-]+)?$",
    ),  # Home | World | Politics
    (
        "chrome",
        r"^(?:facebook|twitter|x|email|linkedin|whatsapp|reddit|pinterest|print|copy link|share)(?:\s+(?:facebook|twitter|x|email|linkedin|whatsapp|reddit|pinterest|print|copy link|share|messenger|flipboard))+$",
    ),
    ("chrome", r"^close x\b.{0,120}$"),
    ("chrome", r"^.{0,120}follow$"),
    (
        "chrome",
        r"(?:cookie|cookies).{0,200}(?:consent|accept|privacy|experience|partners|settings|preferences|policy)",
    ),
    ("chrome", r"^we use cookies\b"),
    ("chrome", r"(?:sign up|subscribe|get) (?:for|to) (?:our|the|my) .{0,60}newsletter"),
    (
        "chrome",
        r"(?:newsletter|inbox)(?:es)?\b.{0,100}(?:sign up|subscribe|delivered|straight to your)",
    ),
    ("chrome", r"^(?:enter your email|your email address|email address)\b.{0,80}$"),
    ("chrome", r"^(?:join|start) the (?:conversation|discussion)\b.{0,80}$"),
    (
        "chrome",
        r"^(?:already a subscriber|subscribe now|subscribe today|become a member|support our journalism|unlock unlimited access|you have \d+ free articles?).{0,160}$",
    ),
    (
        "chrome",
        r"^(?:this article|this story|this content) (?:is|was) (?:available|reserved|for) .{0,80}subscribers?.{0,40}$",
    ),
    (
        "chrome",
        r"^(?:sign in|log in|register|create an account)\b.{0,80}(?:comment|continue|account)s?\.?$",
    ),
    ("chrome", r"^(?:key events|show key events only|pinned post|jump to)\b.{0,40}$"),
    ("chrome", r"^(?:reading time|\d+ min(?:ute)? read|listen \d+ min|\d+ min listen)\b.{0,30}$"),
    ("chrome", r"^(?:copyright|©|\(c\))\s*\d{4}.{0,160}$"),
    ("chrome", r"^(?:click|tap) (?:here|to) .{0,80}$"),
    (
        "chrome",
        r"^(?:get the app|download the app|open in app|turn on notifications|enable notifications)\b.{0,60}$",
    ),
    (
        "chrome",
        r"^(?:have a (?:news )?tip|got a tip|send us a tip|contact the author|write to)\b.{0,160}$",
    ),
    (
        "chrome",
        r"^(?:this article|this story) (?:originally appeared|was originally published|first appeared) .{0,200}$",
    ),
    ("chrome", r"^(?:corrections?|editor'?s note)\s*:.{0,300}$"),
    ("chrome", r"^\d+\s*(?:m|h|min|mins|hr|hrs|hours?)\s+ago\b.{0,160}$"),
    ("chrome", r"(?:enable|turn on) javascript"),
    ("chrome", r"^(?:link copied|copied)!?$"),
    ("chrome", r"^(?:share|tell us|let us know) what you think\.?$"),
    ("chrome", r"^(?:view|see|show|read) all(?: \d+)?(?: comments)?$"),
    ("chrome", r"^share\s*:.{0,80}$"),
    ("chrome", r"^(?:email|e-mail|name|first name|your name)\s*(?:\((?:required|optional)\))?\*?$"),
    ("chrome", r"^by (?:submitting|signing up|subscribing|entering)\b.{0,200}$"),
    ("chrome", r"\b(?:may earn a commission|affiliate (?:link|commission)s?)\b"),
    ("chrome", r"all rights reserved\.?$"),
    ("chrome", r"^we (?:care about|value|respect) your privacy\.?$"),
    ("chrome", r"^comments (?:are|have been) (?:closed|disabled|turned off)\b.{0,60}$"),
    ("chrome", r"^(?:view|show|read) (?:all )?comments? \(\d[\d,]*\)$"),
    ("chrome", r"^(?:newer post|older post|home)(?:\s+(?:newer post|older post|home))+$"),
    ("chrome", r"^subscribe to\s*:.{0,80}$"),
    ("chrome", r"^(?:got a story|have a story|do you have a (?:tip|question|story))\b.{0,300}$"),
    ("chrome", r"^share (?:or comment on )?this (?:article|story|post)\s*:?$"),
    ("chrome", r"\bin your inbox\b.{0,60}$"),
    ("other", r"^(?:undefined|null|nan|\[object object\]|loading\.*|error)$"),
    ("chrome", r"^sort(?:ed)? by\s*:.{0,80}$"),
    ("chrome", r"^listen to this (?:article|story)\b.{0,30}$"),
    ("chrome", r"^(?:breaking(?: news)?|just in|developing|ticker)\s*[:|—–]\s*.{5,200}$"),
    ("chrome", r"^©.{0,120}\b(?:19|20)\d{2}\b.{0,120}$"),
    (
        "chrome",
        r"(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)\.?$",
    ),
    ("chrome", r"^powered by\b.{0,80}$"),
    (
        "chrome",
        r"^(?:post reply|new topic|who is online|return to .{1,60}|users browsing this (?:forum|topic).{0,160})$",
    ),
    ("chrome", r"^(?:disclaimer|medical disclaimer|legal notice|legal disclaimer)\s*:.{0,600}$"),
    (
        "chrome",
        r"^(?:was this (?:article|page|story) (?:helpful|useful)|did you find this (?:article )?(?:helpful|useful))\??$",
    ),
    ("chrome", r"^your privacy is important\b.{0,200}$"),
    ("chrome", r"\bunsubscribe (?:at any time|anytime)\b"),
    ("chrome", r"^(?:get|sign up for|subscribe to) (?:our|the) .{0,60}newsletters?\b.{0,60}$"),
    ("chrome", r"^(?:forward-looking statements|safe harbor statement)\s*:?$"),
    (
        "chrome",
        r"^this (?:press release|news release|release) (?:contains|includes) forward-looking statements\b",
    ),
    ("chrome", r"^(?:kommentare|commentaires|comentarios|commenti|reacties)(?: \(\d+\))?\s*:?$"),
    # Sharing and "read also" furniture in other languages.
    ("chrome", whole_line(r"partager", r"teilen", r"compartir", r"condividi", r"delen")),
    (
        "chrome",
        r"^(?:(?:facebook|x|twitter|whatsapp|linkedin|e-?mail|telegram|reddit|pinterest|"
        r"copy link|copier le lien|link kopieren|copiar enlace)\s*[|·•]?\s*){2,}$",
    ),
    (
        "related",
        r"^(?:lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|lee también|"
        r"leer más|leggi anche|lees ook)\s*:?.{0,160}$",
    ),
    # Reporter contact lines and reader prompts at the end of a story.
    ("chrome", r"^[^.]{2,60} can be reached at .{3,160}$"),
    ("chrome", r"^(?:is there something|have you seen something|got a tip|have a tip)\b.{0,200}$"),
    ("chrome", r"^did you (?:make|try|cook|bake) this\b.{0,200}$"),
    # Magazine and broadcast furniture: print-issue notes, audio players, app and live prompts.
    ("chrome", r"^this (?:article|story) (?:appears|appeared) in the .{3,120}$"),
    ("chrome", r"^listen to (?:this|the) (?:article|story)\b.{0,30}$"),
    ("chrome", r"^(?:up next|watch live|live now|now playing)\s*:.{0,120}$"),
    ("chrome", r"^download the .{1,40} app\.?$"),
    (
        "chrome",
        r"^(?:share|save|print|email|listen|comment)(?:\s*[|·•]\s*\w+(?: \(\d+ min\))?){1,5}$",
    ),
    (
        "credit",
        r"^(?:photographs?|photos?|photography|illustrations?|images?|video) by [^.]{2,60}$",
    ),
    ("related", r"^explore the .{1,40} issue$"),
    ("related", whole_line(r"view more", r"see more stories", r"more stories", r"load more")),
    # Byline furniture away from the headline: wire sign-offs and reporting credits.
    (
        "byline",
        r"^(?:reporting|additional reporting|writing|editing|compiled|produced|research) by\b.{0,300}$",
    ),
    ("byline", r"^.{0,300}contributed (?:to )?(?:this )?(?:report|story|article)(?:ing)?\.?$"),
    ("byline", r"^[—–]\s*[\w.'’-]+(?: [\w.'’-]+){0,3}$"),
    ("byline", r"^[\w .,'’-]{2,120} reported from [\w .,'’-]{2,80}\.?$"),
    ("byline", r"^[—–]\s*with assistance from .{2,160}$"),
    (
        "byline",
        r"^(?:publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|pubblicato|"
        r"aggiornato)\b.{0,120}$",
    ),
    # The comment thread: its opening, its notice and rules, comment headers and footers.
    (
        THREAD_START,
        whole_line(
            r"comments?",
            r"\d[\d,]* comments?",
            r"comments? \(\d[\d,]*\)",
            r"reader comments",
            r"readers'? comments",
            r"join the (?:conversation|discussion)",
            r"leave a (?:comment|reply)",
            *_SECTION_LIKE_STARTS,
            r"show comments",
            r"view comments",
            r"\d+ responses? to .{1,120}",
            r"(?:réactions|kommentare|commentaires|comentarios|commenti|reacties)(?: \(\d+\))?",
            r"💬\s*comments?(?: \(\d[\d,]*\))?",
            suffix=r"\s*:?",
        ),
    ),
    (SECTION_LIKE, whole_line(*_SECTION_LIKE_STARTS, suffix=r"\s*:?")),
    (
        NOTICE,
        r"(?:may be (?:removed|deleted)|will be (?:removed|deleted)|at the discretion of|comments? (?:are|is) moderated|moderation policy|community (?:guidelines|standards)|comment(?:ing)? policy|please (?:keep|be) (?:comments|respectful|civil)|we reserve the right to|pre-moderated|held for review|(?:are|is) reviewed before|before (?:they|it) (?:appears?|(?:is|are) published)|(?:commentaires|kommentare|comentarios|commenti|reacties) (?:sont|werden|son|sono|worden) (?:modérés|moderiert|moderados|moderati|gemodereerd)|(?:are|is) reviewed by (?:our|a) moderators?)",
    ),
    (
        RULES,
        r"^(?:rules|thread rules|group rules|forum rules|house rules|community rules|comment rules|seeded content rules|posting rules)\s*:.{0,300}$",
    ),
    (RULES, r"^no (?:[\w'’-]+\s*){1,4}(?:,\s*(?:[\w'’-]+\s*){1,4}){1,}$"),
    (COMMENT_HEADER, rf"^posted by\s+{_NAME}.{{0,60}}$"),
    (COMMENT_HEADER, rf"^{_NAME}\s+(?:says|said|wrote|writes|replied|replies)\s*:?$"),
    (COMMENT_HEADER, rf"^{_NAME}\s+(?:on|at)\s+{_DATE}.{{0,40}}(?:says|said|wrote)?\s*:?$"),
    (
        COMMENT_HEADER,
        rf"^[^·•|]{{1,40}}\s[·•|]\s*(?:{_AGO}|{_DATE}|{_TIME}|edited|yesterday|today|just now)\b.{{0,40}}$",
    ),
    (COMMENT_NUMBER, rf"^(?:#\d+|\d+\.)\s*(?:{_NAME})?\s*(?:[·•|,-]\s*.{{0,40}})?$"),
    (COMMENT_HEADER, rf"^by\s+{_NAME}\s*»\s*.{{0,40}}$"),
    (COMMENT_HEADER, r"^.{1,60}\s(?:wrote|writes|schrieb|a écrit|escribió|scrive)\b.{0,60}:$"),
    (COMMENT_HEADER, r"^(?:in reply to|replying to|reply to)\s+.{1,60}$"),
    (
        COMMENT_HEADER,
        rf"^{_NAME}\s+[–—-]\s+(?:{_DATE}|{_AGO})(?:\s*(?:à|at|um|a las|alle|om|,)\s*\d{{1,2}}[h:.]\d{{2}})?$",
    ),
    (
        COMMENT_FOOTER,
        whole_line(
            r"reply",
            r"replies",
            r"\d+ repl(?:y|ies)",
            r"report",
            r"report abuse",
            r"flag",
            r"like",
            r"likes",
            r"\d+ likes?",
            r"\d+ upvotes?",
            r"\d+ points?",
            r"\d+ votes?",
            r"share",
            r"permalink",
            r"edit",
            r"delete",
            r"view replies",
            r"view \d+ repl(?:y|ies)",
            r"show \d+ more repl(?:y|ies)",
            r"hide replies",
            r"(?:reply|like|report|share)(?:\s*[·•|]?\s*(?:reply|like|report|share|\d+))+",
            r"répondre",
            r"antworten",
            r"responder",
            r"rispondi",
            r"beantwoorden",
            r"▲\s*\d*",
            r"▼\s*\d*",
            r"▲\s*-?\d+\s*▼",
            r"↑\s*\d+",
            r"\d+\s*↑",
        ),
    ),
    (COMMENT_FOOTER, r"^(?:top|back to top|quote|multi-quote|last edited by\b.{0,160})$"),
    (COMMENT_FOOTER, rf"^(?:{_DATE})(?:\s*(?:at|,)?\s*{_TIME})?$"),
    (COMMENT_FOOTER, rf"^(?:{_AGO}|edited {_AGO}|{_TIME})$"),
    (
        REMOVED,
        whole_line(
            r"\[✘\]",
            r"\[x\]",
            r"\[deleted\]",
            r"\[removed\]",
            r"deleted",
            r"removed",
            r"\[comment removed\]",
            r"this comment (?:has been|was) (?:removed|deleted)(?: by (?:a |the )?(?:moderator|author|administrator|admin)s?)?\.?",
            r"comment (?:removed|deleted)(?: by (?:a |the )?(?:moderator|author)s?)?\.?",
            r"this comment is (?:hidden|no longer available)\.?",
            r"this post (?:has been|was) (?:removed|deleted)\.?",
        ),
    ),
]

# Lowercased text and case-sensitive patterns, not re.IGNORECASE: the same matches, but the
# regex engine can skip ahead on literal prefixes again, which halves the time of a parse.
_COMPILED: Final = [(kind, re.compile(pattern)) for kind, pattern in MARKERS]
REMOVAL_MARK = re.compile(r"\[(?:✘|x|deleted|removed|redacted)\]", re.IGNORECASE)


def normalize(line: str) -> str:
    """Runs of whitespace as one space, none at the ends (str.split's whitespace is re's \\s)."""
    return " ".join(line.split())


@lru_cache(maxsize=16_384)  # site furniture repeats across a corpus
def match_markers(line: str) -> frozenset[str]:
    """Every kind whose pattern matches this (normalised) line."""
    text = normalize(line).lower()
    return frozenset(kind for kind, pattern in _COMPILED if pattern.search(text))
