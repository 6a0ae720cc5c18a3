"""The history an email client appends under a reply is not the customer's new message.

"On Mon, 3 Nov 2026, Alex Chen <alex@vendor.com> wrote:" and the quoted lines after it, Outlook's
"-----Original Message-----" or "From: ... / Sent: ..." header block, and their forms in the
languages coach reads: what stands below them is what someone (often we) wrote before. Reading it
gave the customer our figures ("Please reduce us to 30 seats" above "> your plan includes 45
seats" was read as 45 -> 30) and our words as their reason. A pasted thread without such a line
("> Rob: the retainer needs to be $6,500/mo max") is the customer's own context and stays.
Forwarded mail stays too: a customer forwards what finance decided.
"""

from __future__ import annotations

import re

# A reply attribution ends its line with the verb and a colon; it may wrap once (long addresses)
# and may itself be quoted ("> Alex wrote:").
_ATTRIBUTION = re.compile(
    r"^[ \t>]*(?:"
    r"On\b[^\n]{3,200}?(?:\n[^\n]{0,120}?)?\b(?:wrote|said)"
    r"|El\b[^\n]{3,200}?(?:\n[^\n]{0,120}?)?\bescribió"
    r"|Em\b[^\n]{3,200}?(?:\n[^\n]{0,120}?)?\bescreveu"
    r"|Le\b[^\n]{3,200}?(?:\n[^\n]{0,120}?)?\ba écrit"
    r"|Am\b[^\n]{3,200}?(?:\n[^\n]{0,120}?)?\bschrieb[^\n:]{0,80}"
    r"|W dniu\b[^\n]{3,200}?(?:\n[^\n]{0,120}?)?\bnapisał(?:a|\(a\))?"
    # other word orders ("Пн, 3 лист. 2026 р. о 09:14 Олексій <a@b.com> пише:") carry what a mail
    # client writes there, a time or an address; "As Jen wrote:" above her words does not
    r"|[^\n]{0,120}?(?:\d{1,2}:\d{2}|@)[^\n]{0,120}?\b(?:написав|написала|написав\(-?ла\)|написал|пише|пишет"
    r"|wrote|escribió|escreveu|a écrit|schrieb|napisał(?:a|\(a\))?|pisze)"
    r")[ \t]*:[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_ORIGINAL = re.compile(r"^[ \t>]*-{2,}[ \t]*(?:Original Message|Исходное сообщение|Вихідне повідомлення"
                       r"|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Mensagem original"
                       r"|Oryginalna wiadomość)[ \t]*-{2,}[ \t]*$", re.MULTILINE | re.IGNORECASE)
# Outlook without the dashes: a From line, then a Sent/Date line within the next two lines.
_HEADER = re.compile(r"^[ \t>]*(?:From|Von|De|Від|От|Od)[ \t]*:[^\n]+\n(?:[^\n]*\n){0,2}?[ \t>]*"
                     r"(?:Sent|Date|Gesendet|Datum|Envoyé|Date|Enviado|Enviada|Fecha|Data|Надіслано|Дата"
                     r"|Отправлено|Wysłano)[ \t]*:", re.MULTILINE | re.IGNORECASE)
_FORWARD = re.compile(r"^[ \t>]*(?:-{2,}[ \t]*)?(?:Forwarded message|Begin forwarded message|Пересланий лист"
                      r"|Переслане повідомлення|Пересланное сообщение|Weitergeleitete Nachricht|Message transféré"
                      r"|Mensaje reenviado|Mensagem encaminhada|(?:Wiadomość|Przekazana) (?:przekazana|wiadomość))",
                      re.MULTILINE | re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]{2,}")


def without_reply_history(text: str) -> str:
    """`text` cut before the first reply attribution or original-message header above any forwarded
    mail, when enough of the customer's own words stand above it (two words or more); else `text`."""
    forward = _FORWARD.search(text)
    end = forward.start() if forward else len(text)  # the headers of a forwarded mail are its own
    cuts = [m.start() for pattern in (_ATTRIBUTION, _ORIGINAL, _HEADER) if (m := pattern.search(text, 0, end))]
    if not cuts:
        return text
    head = text[:min(cuts)].rstrip()
    return head if len(_WORDS.findall(head)) >= 2 else text
