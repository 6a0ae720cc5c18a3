"""Read the numbers a trainee proposes ("25% off if you sign for two years", "$3,500 a month",
"pause for 3 months", "down to 32 seats", "suspend PPC") into a `ProposedOffer` for the rules engine.

Only sentences that propose something count: a restatement of the customer's ask ("you'd like to
cut 30% of the seats") is not an offer. "X% off" is read as X% off today's bill; the rules engine
then reports the total discount off list, the existing discount included.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container
from dataclasses import dataclass, field

from coach.accounts import Account
from coach.accounts.model import Hardship
from coach.diagnosis import service_aliases
from coach.policy import ProposedOffer
from coach.policy.pricing import cents, service_shares
from coach.roleplay import stance
from coach.roleplay.numbers import digits

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "twelve": 12,
    "eighteen": 18, "один": 1, "одна": 1, "одну": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5,
    "п’ять": 5, "шість": 6, "дев'ять": 9, "дванадцять": 12,
}
_N = (r"(\d{1,3}|a|an|one|two|three|four|five|six|nine|twelve|eighteen|"
      r"один|одна|одну|два|дві|три|чотири|п['’]ять|шість|дев'ять|дванадцять)")
_MORE = r"(?:more|additional|extra|further|додаткових|ще)\s+"  # "24 more months"
_DURATION = re.compile(
    _N + r"[\s-]*(?:" + _MORE + r")?(years?|yrs?|months?|рок(?:и|ів)?|рік|місяц\w*|міс\.?)(?!\w)|"
    r"(півроку|half a year)", re.I)
_MONEY = re.compile(
    r"(?:(?P<cur>[$€£₴])\s?)?(?P<amt>\d{1,3}(?:[,\s\u00a0]\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?![\d,])|"
    r"\d+(?:\.\d+)?)\s?(?P<k>k\b)?"
    r"\s?(?P<cur2>usd|eur|uah|dollars|грн|гривень|гривні|гривня|доларів|долари|долар)?"
    r"(?P<per>\s?(?:/\s?(?:mo|month|mth|yr|year)|a month|per month|monthly|a year|per year|annually|"
    r"на місяць|щомісяця|на рік|щороку))?", re.I)
# the share of seats kept ("to 60% of today's seat count"), after a percentage
_SHARE_OF_SEATS = re.compile(r"\s+of\s+(?:today'?s|your|the current|the|current|the present)\s+(?:seat count|seats|"
                             r"licen[cs]es|licen[cs]e count|users|user count|logins)\b", re.I)
_PCT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent|per cent|відс\w*)", re.I)
_SEATS = re.compile(r"(\d{1,6})\s?(?:seats?|licen[cs]es?|users?|місц\w*|ліценз\w*|користувач\w*)", re.I)
_FROM_TO = re.compile(r"\b(?:(?:from|з|із)\s+(\d{1,6})\s+(?:(?:seats?|licen[cs]es?|users?|місц\w*|ліценз\w*)\s+)?"
                      r"(?:to|down to|до)|(\d{1,6})\s+(?:(?:seats?|licen[cs]es?|users?)\s+)?down to)\s+(\d{1,6})\b"
                      r"(?!\s?(?:[%$€£₴]|долар|грн|гривен|гривн|usd|dollars))", re.I)
# "the seat count down to 28", "кількість місць до 15": the count kept
_SEATS_TO = re.compile(r"\b(?:seats?|licen[cs]es?|users?|seat count|місц\w*|ліценз\w*)\s+(?:down to|to|"
                       r"до)\s+(\d{1,6})\b"
                       r"(?!\s?[%$€£₴])", re.I)
# "not 15 seats but 17", "не 15 місць, а 17", "17 rather than 15": the number proposed, not the one set aside
# "8 seats instead of 12", "88 seats rather than 72": the number proposed, and the one set aside
_INSTEAD_OF = re.compile(r"\b(\d{1,6})\s*(?:seats?|licen[cs]es?|users?|місц\w*|ліценз\w*)?\s*,?\s*"
                         r"(?:instead of|rather than|замість|а не)\s+(\d{1,6})\b(?!\s?[%$€£₴])", re.I)
_NOT_BUT = re.compile(r"(?:\bnot|(?<!\w)не)\s+(?:by\s+|на\s+)?(\d{1,6})\s*(?:seats?|licen[cs]es?|users?|місц\w*|"
                      r"ліценз\w*)?\s*,?\s*(?:but|а|але)\s+(?:by\s+|на\s+)?(\d{1,6})\b", re.I)
# Sending the papers for the deal ("I'll get the paperwork over to procurement this week", "надішлю договір
# сьогодні"): an admin step with a date, not a next contact to re-engage
SENDS_PAPERS = re.compile(r"\b(?:i'?ll|we'?ll|i will|we will|let me|i'?m going to)\b[^.?!]{0,25}\b(?:get|send|"
                           r"email|forward|pass|draw up|prepare|have)\b[^.?!]{0,25}\b(?:paperwork|amendment|"
                           r"order form|contract|agreement|documents?|papers|proposal|quote|it in writing)\b|"
                           # "You'll have the documents by Friday", "the amendment will be in your inbox today"
                           r"\byou'?ll (?:have|get|receive|see)\b[^.?!]{0,20}\b(?:paperwork|amendment|order form|contract|"
                           r"agreement|documents?|papers|proposal|quote|draft)\b|"
                           r"\b(?:paperwork|amendment|order form|contract|agreement|documents?|papers|proposal|quote|draft)"
                           r"\b[^.?!]{0,20}\b(?:will be|'ll be|is going to be) (?:in|with you|over|in your)\b|"
                           r"(?<!\w)(?:надішлю|надішлемо|підготую|підготуємо|оформлю|передам)\w*[^.?!]{0,25}"
                           r"(?:документ\w*|договір|угод\w*|пропозиці\w*|рахунок|папер\w*|письмово)", re.I)
# "keep 32", "keeping 32 seats", "залишимо 15": the number of seats said to stay
_KEEP_COUNT = re.compile(r"(?:\bkeep(?:s|ing)?|(?<!\w)залиш\w*)\s+(?:(?:the|your|just|only|лише|тільки)\s+)?"
                         r"(\d{1,6})\b(?!\s?[%$€£₴])(?!\s*(?:months?|years?|місяц|рок|рік))", re.I)
_SET_ASIDE = re.compile(r"(?:\bnot|(?<!\w)не|\bthan|instead of|замість|а не|ніж)(?:\s+(?:by|на))?\s*$", re.I)
# "rather than 28 seats, let's go to 32", "замість 15 місць — 17": the number set aside first, then the one proposed
_ASIDE_FIRST = re.compile(r"(?:\binstead of|\brather than|(?<!\w)замість)\s+(\d{1,6})\s*(?:seats?|licen[cs]es?|users?|"
                          r"місц\w*|ліценз\w*)\s*[,:—–-]?\s*"
                          r"(?:(?:let'?s|we(?:'ll| will| can| could)?|i(?:'d| would| can)?|"
                          r"давайте|можемо)\s+)?(?:go (?:down )?to|keep|make it|take|settle on|land on|залиш\w*|"
                          r"зроб\w*)?\s*(\d{1,6})\b(?!\s?[%$€£₴])", re.I)
# what the trainee can get or give ("I can get you 15%", "відсотків 25 зможу вибити")
_CAN_GET = re.compile(r"\b(?:i|we) (?:can|could|might|should|'d|would)(?: \w+)? (?:get|do|give|find|manage|offer|"
                      r"secure|arrange)\b|(?<!\w)(?:зможу|можу|зможемо|можемо)\s+(?:\w+\s+)?(?:вибити|дати|"
                      r"зробити|знайти|запропонувати|виділити)|(?<!\w)(?:виб['’]ю|вибʼю|дам|дамо)(?!\w)", re.I)
# a percentage put in place of another ("30% instead of 50%", "не на 25%, а на 15%"): the same kind of change as the ask
_PCT_SWAP_AFTER = re.compile(r"^\s*(?:instead of|rather than|not|замість|а не)\s+(?:the\s+)?\d{1,3}\s?"
                             r"(?:%|percent|відс)", re.I)
_PCT_SWAP_BEFORE = re.compile(r"(?:\bnot|(?<!\w)не)\s+(?:by\s+|на\s+)?\d{1,3}\s?(?:%|percent|відс\w*)\s*,?\s*"
                              r"(?:but|а|але)\s+(?:by\s+|на\s+)?$", re.I)
# an amount saved, not the new bill ("you'd save $1,300 a month", "a saving of $900", "економія 300 доларів")
_SAVING = re.compile(r"\b(?:sav(?:e|es|ing|ings)|knock\w*|shav\w*|take|takes|taking)\b(?:\s+(?:you|of|about|around|"
                     r"roughly|another|an extra|a further))*\s*$|"
                     r"(?<!\w)(?:заощад\w*|економ\w*)\s*(?:близько|приблизно)?\s*$", re.I)
_RAISED_TO = re.compile(r"\b(?:go|going|stretch|come|move)\b(?: \w+)?\s+(?:up )?to\s*$|"
                        r"(?<!\w)(?:піти|дійти|підняти|збільшити)\w*\s+(?:до|на)\s*$", re.I)
# a pause with no end ("for as long as you need", "на скільки вам буде потрібно")
_OPEN_ENDED = re.compile(r"\bas long as (?:you|it takes|needed)\b|\bhowever long\b|\buntil you(?:'re| are) ready\b|"
                         r"\bindefinite\w*|\bopen[- ]ended\b|\bno end date\b|(?<!\w)(?:на )?скільки (?:вам )?(?:буде )?"
                         r"(?:потрібно|треба|знадобиться)|(?<!\w)(?:безстроков\w*|доки не|поки не)(?!\w)", re.I)
OPEN_ENDED_MONTHS = 12
UNPRICED = "a discount named with no figure: the price is not stated"
_UNPRICED_DISCOUNT = re.compile(r"\b(?:small|little|bit of|some|extra|modest|slight)\s+(?:\w+\s+)?discount\b|"
                                r"\bdiscount\b(?![^.?!]*\d)|(?<!\w)(?:невелик\w*|трохи|деяк\w*)\s+знижк\w*|"
                                # "bring the overall price down", "lower the bill", with no figure in the sentence
                                r"\b(?:bring|get|take)\w*\s+(?:the\s+|your\s+)?(?:overall\s+|monthly\s+|total\s+)?(?:price|bill|"
                                r"cost|spend|fee)s?\s+down\b(?![^.?!]*\d)|\blower\s+(?:the\s+|your\s+)?(?:overall\s+|monthly\s+)?"
                                r"(?:price|bill|cost|fee)s?\b(?![^.?!]*\d)", re.I)


def unpriced_concession(sentence: str) -> bool:
    """A discount or a lower price promised with no figure in the sentence ("a small discount", "bring the overall
    price down")."""
    return bool(_UNPRICED_DISCOUNT.search(_NOT_GIVEN.sub(" ", sentence)))


REALLOCATES = "moves budget between services at the same spend (value engineering)"
# a share of one service's budget moved to another, no amount named ("move most of the PPC budget into local SEO")
# moving money between services: the verbs (en stems, then uk)
_MOVE_EN = r"\b(?:mov|shift|reallocat|redirect|re-?invest|channel|put)\w*"
_MOVE_UK = r"(?<!\w)(?:перенес\w*|перерозподіл\w*|переклад\w*|спрямує\w*|спрямуємо)"
_SHARE_OF = (r"(?:most|some|part|half|much|a (?:chunk|share|portion|part|good part|big part|third|quarter|fifth|slice)|"
             r"(?:one|two|three|\d) (?:thirds?|quarters?|fifths?)|\d{1,2}\s?(?:%|percent)|the (?:bulk|rest|majority)|all)")
_MOVED_SHARE = re.compile(_MOVE_EN + r"\s+" + _SHARE_OF + r"\s+of\s+"
                          r"(?:the|your|that|this)\s+[\w -]{0,25}?(?:budget|spend|money|investment)\b[^.?!]{0,20}?\b"
                          r"(?:into|to|towards|over to|across to)\b|"
                          # the budget kept, then a share of "it" moved ("keep the budget but move most of it out of
                          # ads and into local search")
                          + _MOVE_EN + r"\s+" + _SHARE_OF + r"\s+of\s+(?:it|that|this)\b[^.?!]{0,30}?\b"
                          r"(?:into|towards|over to|across to)\b|"
                          + _MOVE_UK + r"\s+(?:більшу |значну )?"
                          r"(?:частину|половину|більшість)\s+(?:\w+\s+){0,2}бюджет\w*", re.I)
# an amount moved between services at the same spend ("move about $800 of the PPC money into local SEO")
_MOVED = re.compile(r"(?:" + _MOVE_EN + r"|\bswap\w*)\s+(?:about|around|roughly|some|~)?\s*$|" + _MOVE_UK
                    + r"\s+(?:близько\s+)?$", re.I)
_MOVED_AFTER = re.compile(r"^[^.?!]{0,25}\b(?:into|over to|across to)\b|^\s*(?:of|from) (?:the|your) [\w -]{1,20}"
                          r"(?:money|budget|spend)\b", re.I)
# the spend kept as it is ("we keep your monthly budget where it is", "бюджет лишається той самий")
_KEEPS_SPEND = re.compile(r"\bkeep\w*\s+(?:your|the)\s+(?:\w+\s+)?(?:budget|spend|price|bill|investment)\s+"
                          r"(?:where it is|as it is|the same|unchanged|at \S+)|"
                          r"\b(?:budget|spend|price|bill)\s+stays?\s+(?:where it is|as it is|the same|unchanged)\b|"
                          # "keep the budget but move most of it into local search": kept, and moved
                          r"\bkeep\w*\s+(?:your|the)\s+(?:\w+\s+)?(?:budget|spend|investment)\s+(?:but|and)\s+"
                          r"(?:\w+\s+)?(?:mov|shift|reallocat|redirect|re-?invest|put)\w*\b|"
                          r"(?<!\w)(?:бюджет|сума|ціна|вартість)\w*\s+"
                          r"(?:лишається|залишається|не змінюється)", re.I)
# the service asked about, named by a pronoun ("suspend it", "призупинимо його")
_REMOVE_IT = re.compile(r"\b(?:suspend|pause|freeze|drop|remove|switch off|turn off)\s+(?:it|that|this module|the "
                        r"module)\b|(?<!\w)(?:призупин\w*|вимкн\w*|прибер\w*)\s+(?:його|її|цей модуль)(?!\w)", re.I)
_SET_ASIDE_CLAUSE = re.compile(r"(?:instead of|rather than|замість)\s+(?:\w+\s+){0,2}$", re.I)
_SEAT_WORD = re.compile(r"seat|licen[cs]|user|місц|ліценз|користувач", re.I)
_REMOVE_BEFORE = re.compile(r"\b(remove|cut|drop|reduce (?:it )?by|less|minus|fewer|take|taking|shave|give up|"
                            r"прибрати|прибер\w*|"
                            r"скоротити на|скоротимо на|мінус|на)\s*$", re.I)
_REMOVE_AFTER = re.compile(r"^\s*(fewer|less|off\b|менше)", re.I)
_PRICE_WORD = re.compile(r"\boff\b|discount|cheaper|lower|reduc|cut|knock|take|знижк|дешевш|зменш|скорот|зниз|"
                         r"нижч|мінус", re.I)
_SCOPE = re.compile(r"scope|package|right-?siz\w*|smaller|slimmer|lighter|deliverables|\bgoes down to\b|"
                    # "Personalisation drops to homepage recommendations only": one service cut to a part of it
                    r"\b(?:drops?|dropp(?:ed|ing)|goes|cut|cuts|comes|shrinks?) (?:back |down )?to (?:just |only )?"
                    r"[\w -]{1,40}? only\b|"
                    # "cut Personalisation back to the recommendations widget", "reduced to the product-page widget"
                    r"\b(?:cut|cuts|cutting|pare|pared|paring|pull|pulled|pulling|bring|bringing|take|taking|scale|"
                    r"scaled|scaling)\w* (?:[\w-]+ ){1,3}back to\b|\b(?:reduced|trimmed|narrowed|scaled|limited|"
                    r"restricted|cut) (?:back |down )?to (?:the |a |an |just |only )(?![$€£₴\d])|"
                    r"\b(?:light|lite|cut-down|slimmed-down|pared-back|homepage-only) (?:version|scope|setup|edition)\b|"
                    r"\bscal(?:e|ed|ing) (?:[\w-]+ ){0,2}(?:back|down)\b(?! up)|\btrim\w*|\bcore (?:categories|"
                    r"pages|services|"
                    r"markets|locations)\b|"
                    # "step Personalisation back", "dial the PPC down": one service made smaller
                    r"\b(?:step|stepp(?:ed|ing)|dial|dial(?:l)?(?:ed|ing)|wind|winding) (?:the )?[\w-]+(?: [\w-]+)? "
                    r"(?:back|down)\b(?! up)|"
                    r"\b(?:starter|basic|lite|lighter|lower|smaller|entry|essentials?) "
                    r"(?:tier|plan|edition|level|package)\b|\btier\b|\bdowngrad\w*|обсяг|пакет|тариф\w*|"
                    # "keeping Commerce Search whole": one service kept as it is, the rest of the package trimmed
                    r"\bkeep\w* (?:the )?[\w -]{1,30}? (?:whole|intact|untouched|in full)\b|"
                    r"(?<!\w)залиш\w* [\w -]{1,30}? (?:повністю|цілим|цілою|недоторкан\w*)(?!\w)", re.I)
# the whole package kept ("I can keep the whole package at $14,900", "залишаємо весь пакет за ..."): no change of scope
_WHOLE_KEPT = re.compile(r"\bkeep\w*\s+(?:the|your)\s+(?:whole|full|entire|complete)\s+(?:package|platform|bundle|suite|"
                         r"stack|setup|programme|program|subscription)\b|"
                         r"\b(?:the|your)\s+(?:whole|full|entire|complete)\s+(?:package|platform|bundle|suite|stack|setup|"
                         r"programme|program|subscription)\s+(?:stays|as it is|intact|(?:comes |goes )?down to)\b|"
                         # "keep everything live", "keep all three services running": nothing taken out
                         r"\bkeep\w*\s+(?:everything|all of it|all (?:\w+ )?(?:modules|services|products))"
                         r"(?:\s+(?:live|running|on|in place|as it is))?\b|"
                         # "keep SEO, PPC and Content exactly as they are", "bring the whole package to $4,500"
                         r"\bkeep\w*\s+(?:[\w&-]+(?:,\s*|\s+and\s+|\s+)){2,8}?(?:exactly|just|all)\s+as\s+(?:they|it)\s+"
                         r"(?:are|is)\b|\beverything\s+(?:stays|remains)\s+(?:exactly\s+)?as\s+it\s+is\b|"
                         r"\b(?:bring|take|get|put|set)\w*\s+(?:the|your)\s+(?:whole|full|entire|complete)\s+(?:package|platform|"
                         r"bundle|suite|stack|setup|programme|program|subscription)\s+(?:down\s+)?to\b|"
                         r"(?<!\w)(?:залиш|збереж)\w*\s+(?:весь|повний|цілий)\s+пакет(?!\w)|"
                         # "take 30% off the whole package", "знижка 30% на весь пакет": a discount on all of it
                         r"\b(?:off|from)\s+(?:the|your)\s+(?:whole|full|entire|complete|total)\s+(?:package|bundle|"
                         r"bill|price)\b|(?<!\w)(?:на|з|із)\s+(?:весь|повний|цілий|усього|всього|цілого)\s+пакет\w*(?!\w)",
                         re.I)
# the package a discount is taken off ("25% off your current package", "15% off the package price"): the price of
# the same package, not a smaller one
_OFF_THE_PACKAGE = re.compile(r"\boff\s+(?:of\s+)?(?:the|your)\s+(?:(?:current|existing|present|whole|full|entire|"
                              r"total|monthly|annual|usual|standard|normal)\s+)?(?:package|plan|bundle|subscription)"
                              r"(?:\s+(?:price|fee|cost|rate|bill))?\b", re.I)
# "take Personalisation out": the service named between the verb and "out"
_TAKE_BEFORE = re.compile(r"\b(?:take|takes|taking|took|leave|leaving)\W+(?:the\s+)?$", re.I)
_TAKE_AFTER = re.compile(r"^\s+(?:module\s+|service\s+)?(?:out|off)\b", re.I)
_DISCOUNT_WORDS = r"discount|cheaper|знижк|дешевш"
_DISCOUNT_WORD = re.compile(_DISCOUNT_WORDS, re.I)
_DISCOUNT = re.compile(r"\boff\b|" + _DISCOUNT_WORDS, re.I)
_FOR = re.compile(r"\b(?:for|over|на)(?:\s+(?:another|an additional|a further|the next|ще|наступні))?\s*$", re.I)
_TERM_CONTEXT = re.compile(r"sign|commit|extend|extension|term|agreement|contract|renew|lock|multi-?year|"
                           r"stay|keep|in return|in exchange|продовж|підпис|зобов|договір|договору|термін", re.I)
# the length of something given free ("I'll waive its fee for the next three months", «безкоштовно на наступні три
# місяці»): how long the giveaway runs, not a commitment asked back
_FREE_FOR = re.compile(r"(?:\bwaiv\w*|\bfree\b|\bon us\b|\bon the house\b|\bno (?:invoices?|charges?|fees?|bills?)\b|"
                       r"\bat no (?:cost|charge)\b|(?<!\w)безкоштовн\w*)(?:\s+[\w'’]+){0,5}?\s+(?:for|over|на)"
                       r"(?:\s+(?:the next|the first|the coming|наступні|перші))?\s*$", re.I)
_EXTENDED_BY = re.compile(r"(?:extended|extend|extending|extension)\s+(?:it\s+|(?:the|your|our) (?:agreement|contract|"
                          r"subscription|term)\s+)?(?:by|of)\s*$|"
                          r"(?:shift\w*|push\w*|mov\w*|roll\w*)\s+(?:\w+\s+){0,3}(?:out|back|on)?\s*by\s*$|"
                          r"\badd(?:s|ed|ing)?\s*$|"
                          r"подовжу\w*\s+на\s*$|продовж\w*\s+на\s*$", re.I)
_PAUSE = re.compile(r"\bpaus\w*|\bstop\w*\b(?=[^.?!]{0,40}\bfor\s+(?:\w+[\s-])?months?\b)|"
                    # "let's park Social Media for now": set aside for a while (not a topic parked)
                    r"\bpark(?:s|ed|ing)?\b(?! (?:that|this|the|it) (?:topic|question|idea|discussion|point)| (?:that|this|"
                    r"it) (?:for a (?:second|moment|minute)))|"
                    r"(?<!hiring )(?<!budget )(?<!spending )(?<!pay )\bfreez\w*|\bhold billing|"
                    r"\bon hold\b|\b(?:take|taking) a (?:short )?break\b|\bon ice\b|призупин\w*|пауз\w*|"
                    r"заморож\w*|перерв\w*|"
                    # the pause left unnamed but its months given back at the end ("let's do four months, to April, and
                    # extend the agreement by the same four months", "давайте на вісім місяців, а договір продовжимо на
                    # ті ж вісім місяців")
                    r"\b(?:let'?s (?:do|make it|go (?:for|with)|say)|how about)\b(?=[^.?!]{0,30}\bmonths?\b[^.?!]*"
                    r"\b(?:the same|those same|those)\b[^.?!]{0,12}\bmonths?\b)|"
                    r"(?<!\w)давайте(?=[^.?!]{0,30}місяц[^.?!]*(?:ті ж|ті самі|ці ж|стільки ж)[^.?!]{0,12}місяц)|"
                    # "зупинити все на 6 місяців", "зупиняємо SEO на три місяці, грудень–лютий": a stop for a span
                    r"(?<!\w)(?<!не )(?<!не\xa0)зупин\w*(?=[^.?!]{0,60}(?:\d+\s+місяц|місяц\w* без оплати))", re.I)
# the pause named as a thing already agreed ("before the pause ends", "після паузи")
# "each paused month extends the agreement by a month", «кожен місяць паузи»: the exchange for a pause, not its length
_PAUSED_UNIT = re.compile(r"\b(?:each|every|per) paused (?:month|week)|\bpaused months?\b|"
                          r"(?<!\w)(?:кожен|кожний|за кожен|за кожний) (?:місяць|тиждень) (?:паузи|призупинення)", re.I)
# the length of a pause named in the sentence after it ("we pause. Let's say nine months, January through September")
_LENGTH_NEXT = re.compile(r"^\W*(?:let'?s say|say|say,|maybe|perhaps|for|something like|about|around|roughly|скажімо|"
                          r"наприклад|десь|приблизно|на)\b", re.I)
_PAUSE_NAMED = re.compile(r"\b(?:before|after|when|until|till|once|as|by the time) the (?:\w+[- ])?$|"
                          r"(?<!\w)(?:до|після|перед) (?:кінц\w+ |завершення(?:м)? )?$|"
                          r"\b(?:instead of|rather than|not) (?:a |the |any )?$|(?<!\w)(?:замість|не) $", re.I)
_WHOLE = re.compile(r"account|everything|billing|whole|entire|contract|subscription|"
                    r"весь|все|усе|оплат|договір|обслуговуван", re.I)
UNSIZED_TERM = "without a length"  # the note on a commitment named with no length (read as the default)
# staying on longer, no length ("if you stay with us longer", "якщо залишитеся з нами довше")
_STAY_LONGER = (r"\b(?:stay|stick|remain)\w* (?:on )?with us (?:for )?longer\b"
                # "if you're willing to commit for longer", "sign on for longer": a longer term, its length unsaid
                r"|\b(?:commit|sign (?:on|up)|renew|extend)\w* (?:(?:to us|with us|to it) )?for longer\b"
                r"|(?<!\w)(?:залиш|лиш)\w* з нами (?:ще )?довше(?!\w)")
_MULTI_YEAR = re.compile(r"multi-?year|багаторічн|" + _STAY_LONGER + r"|"
                         r"\b(?:on|for|with) a longer (?:term|commitment|agreement|contract)\b|"
                         r"(?<!\w)на (?:довший|триваліший) (?:термін|строк)", re.I)
_REMOVE_SERVICE = re.compile(r"(remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|cancel\w*|suspend\w*|stop(?:s|ped|ping)?|"
                             r"without|turn(?:ing)? off|switch(?:ing)? off|wind(?:s|ing)? down|phas(?:e|es|ing) out|"
                             r"retir(?:e|es|ing)|прибрати|прибер\w*|"
                             r"скасу\w*|призупин\w*|без|вимкн\w*)\W+(?:the\s+)?$", re.I)
# "SEO: removed", "PPC — прибрати": the service named first, then what happens to it
_REMOVED_AFTER = re.compile(r"^\s*(?:off|out) (?:from|in|as of|for|until|till|through)\b|"
                            # "Content comes off", "Social goes": the service named, then taken away
                            r"^\s+(?:comes|come|will come|would come) (?:off|out)\b|^\s+(?:goes|go)\s*(?:[,.;]|$)|"
                            # "Personalisation goes on hold", "SEO is put on ice": the service suspended
                            r"^\s+(?:goes|go|will go|would go|is put|gets put|are put|is|gets|will be|would be) on "
                            r"(?:hold|ice)\b(?![^.?!]{0,30}\b(?:for\s+(?:\w+[\s-])?(?:months?|weeks?)|until|till|through)\b)|"
                            r"^\s*(?:[:—–-]\s*|\s+(?:is|gets|will be|would be)\s+)"
                            r"(?:removed|dropped|cancel\w*|suspended|paused|off|out|gone|"
                            r"прибира\w*|прибра\w*|скасов\w*|призупин\w*|вимкн\w*)\b", re.I)
_OFFER_CUE = re.compile(
    r"\b(i|we)\s*(can(?!['’]?t\b|not)|could(?!n['’]?t)|'d|would(?!n['’]?t)|will|'ll|am able|are able|"
    r"'re able|'m able|propose|suggest|offer)\b|\bwe\s+should\b(?! not)"
    r"|\bhow about\b|\bwhat if\b|\bwhat about (?=[^.?!]*\d)|\bwould (?:it|that|a|an|you)\b|\bwould\s*[$€£₴]?\s*\d|"
    r"\bmy (?:proposal|offer)\b|\blet'?s\b|"
    r"\bin exchange\b|\bin return\b|\bif you (?:sign|commit|extend|agree|renew)\b|\bhappy to\b|\boffer\b|\bpropos|"
    r"\b(?:we|let'?s) (?:pause|suspend|freeze)\b|\bpause could\b|"
    r"можу|можемо|пропоную|пропоз|запропон\w*|давайте|знижк\w*\s+(?:на\s+)?\d|"
    r"(?<!\w)(?:а|і) якщо (?:ми )?(?:\w+ )?(?:скоротити|скоротимо|зменшити|зменшимо|призупинити|призупинимо|"
    r"продовжити|зробити|дати|залишити|перейти)|(?<!\w)що,? як(?:що)? (?:ми )?(?:скоро|зменш|призупин|продовж|зроб)\w*|"
    # the commitment asked back, answering "what do you need from us?" ("Just the 24-month extension signed")
    r"(?:\b(?:just|only|simply|all (?:we|i) need is)|(?<!\w)(?:лише|тільки|просто))\b[^.?!]{0,30}(?:extension|renewal|"
    r"\bextend|\brenew|commit|продовж|подовж|підпис)|"
    r"якщо ви (?:підпишете|продовжите|погодитеся)|в обмін|готові|"
    # "here's my suggestion: ...", "then we drop Content", "тоді скорочуємо на 25%": a plan stated as done
    r"\bmy suggestion\b|\bhere'?s what i'?d\b|\bwould (?:\w+ing)\b|"
    # a plan in the present tense with its figures ("I add an extra five percent off those", "we drop Content, $4,500")
    r"\b(?:i|we) (?:add|knock|give|throw in|drop|cut|reduce|bring|lower|take off)\b(?=[^.?!]*(?:\d|percent|months?\b))|"
    # a tentative proposal with its figures ("Тоді, може, сімнадцять місць замість п'ятнадцяти?", "maybe 32 seats then?")
    r"(?:^|(?<=[,:;—–-] )|(?<!\w)тоді,?\s+)може,?\s+(?:тоді,?\s+)?(?=[^.?!]*(?:\d|місц|ліценз|знижк|пауз|відсотк|"
    r"продовж|сорок|двадцят|тридцят|десят|надцят))|"
    r"(?:^|(?<=[,:;—–-] ))maybe,?\s+(?:then\s+|we\s+)?(?=[^.?!]*(?:\d|seats?|licen[cs]es?|discount|pause|percent|"
    r"twenty|thirty|forty|fifty|teen\b))|"
    # "Then, as an exception: a three-month pause, ...", «Тоді так: пауза на три місяці, ...»: the terms laid out
    # after a colon that announces them
    r"^\W*(?:then|so|okay|ok|right|тоді|отже|гаразд|добре|що ж)\b[^:.?!]{0,25}:\s*(?=[^.?!]*(?:\bpaus|\bseats?\b|"
    r"\bdiscount|\bextension|\bextends?\b|\bfreez|\bsuspen|пауз|місц|знижк|продовж|подовж|призупин))|"
    # "here's a leaner shape:", "here's the package I'd put forward": a plan laid out
    r"\bhere'?s (?:a|an|my|the|our) (?:\w+ ){0,2}(?:shape|plan|package|option|setup|version|mix|structure|offer|"
    r"proposal|bundle)\b|"
    r"^(?:then|so|тоді|отже|concretely|specifically|in (?:concrete )?numbers|конкретно|у цифрах|в цифрах)"
    r"(?: (?:так|ось як|here'?s (?:the deal|what we do)))?\s*[:—–-]\s*(?=[^.?!]*\d)|"
    r"\bwhy (?:don'?t|not) (?:we|i|you)\b|\bwhy not\b|"
    # "don't cancel, suspend", "rather than cancelling, pause it": the alternative to the ask
    r"\b(?:don'?t|do not|not|rather than|instead of) (?:cancel|end|drop|terminat|remov|cut)\w*[^.?!]{0,20}?,?\s*"
    r"(?:but |just |let'?s |we |instead )?(?:suspend|pause|freeze|keep|right-?size|downsize|scale)\w*\b|"
    # "one option: ...", "suppose we ...", "my recommendation would be ...", "there's room to ...",
    # "let me put 32 seats on the table", "could you live with ...", "would you be open to ...", "як щодо ..."
    r"\b(?:one|an|another|the|a (?:middle|better)) (?:option|idea|alternative|way forward)\b|"
    r"\boption (?:is|would be)\b|"
    r"\bsuppos(?:e|ing) (?:we|i)\b|\bimagine (?:we|if)\b|\brecommend\w*\b(?! against)|"
    r"\bthere'?s (?:room|scope|flexibility|a way)\b|\bon the table\b|\bput (?:forward|together)\b|"
    r"\blet me (?:offer|propose|suggest|do|put|take|bring|give|move|drop|reduce|cut|pause|freeze|extend)\b|"
    r"\b(?:could|would|can) you (?:live with|work with|do|accept|consider|go with|take)\b|"
    r"\b(?:would|are|were) you (?:be )?(?:open|willing|okay|ok|happy|up) (?:to|for|with)\b|"
    r"\b(?:i'?m|we'?re|i am|we are) (?:prepared|willing|open|ready) to\b|\bwhat i can do\b|"
    r"\b(?:if|provided|as long as) (?:you|we) (?:can )?(?:sign|commit|extend|agree|renew|lock|stay)\b|"
    r"(?<!\w)(?:як щодо|що скажете (?:про|щодо|на)|(?:один|інший|такий|ось|мій|наш) варіант\w*|варіант:|"
    r"(?:моя|наша) пропозиці\w*|рекоменду\w*|за умови|"
    r"можна (?:було б|зробити|перейти|зменшити|скоротити|призупинити)|могли б|змогли б|"
    r"готов\w* (?:запропонувати|зробити|дати|знизити|зменшити|скоротити|призупинити|піти)|"
    r"погодитеся|згодні на)(?!\w)|"
    r"^(?:(?:then|so|ok(?:ay)?|and)[,\s]+)?(?:drop|suspend|pause|cut|remove|reduce|trim|swap|switch|move|shift|keep|"
    r"go (?:to|down to))\b(?! in mind| going| it up)|"
    r"(?:^|\b(?:then|so|okay|ok)[,\s]+|^(?:at|from|on|after|with) [\w' -]{1,25}?,?\s+|:\s*)"
    r"we (?:drop|take|keep|move|go|cut|remove|reduce|suspend|pause|lower|stop|wind down|phase out|switch off|"
    r"turn off|scale back|trim|shift|swap)\b|"
    # "the spend stays where it is, but we move a third of the PPC budget into Local SEO": a reallocation proposed
    r"\b(?:we|i)(?:'ll| will| would|'d)? (?:mov|shift|reallocat|redirect|re-?invest|put)\w* " + _SHARE_OF + r" of "
    r"(?:the|your|that|this|it)\b[^.?!]{0,30}?\b(?:into|towards|over to|across to)\b|"
    # "here's a shape that keeps what's critical: ...", "here's a scope that follows what works: ...": a plan
    r"\bhere'?s (?:a|the|my|one) (?:shape|plan|proposal|package|structure|scope|setup|set-up|mix)\b|"
    # "Pause for three months, December to February.", "Пауза на 3 міс., грудень–лютий.": a pause named with its length
    r"^(?:(?:then|so|ok(?:ay)?|right|тоді|отже|добре|гаразд)[,\s]+)?(?:(?:a|the) )?(?:(?:\w+[- ]month )?pause|"
    r"suspension|freeze|пауза|призупинення)\b(?=[^.?!]*\d)|"
    # "Then 76 seats from January, with the two-year extension": the counter named without a verb
    r"^(?:then|so)[,\s]+(?:\w+ )?\d[\d,]* (?:seats?|licen[cs]es?|users?|місц\w*)\b(?![^.?!]*\bit is\b)|"
    r"\b(?:зробимо|ставимо|поставимо|продовжимо|продовжуємо|скорочуємо|скоротимо|зменшимо|зменшуємо|"
    r"залишимо|призупинимо|призупиняємо|дамо|дам|даю|надам|надамо|перенесемо|перерозподілимо|спрямуємо|"
    r"зменшу|скорочу|приберу|вимкну|призупиню|ставлю|починаємо|почнемо|"
    # the change stated as done now ("скорочую до 15 місць", "договір подовжуємо на два роки")
    r"подовжуємо|подовжимо|скорочую|зменшую|залишаємо|знижуємо|знизимо|зупиняємо|зупинимо|прибираємо|"
    r"переводимо|"
    # the first person plural imperative ("Тоді зробімо так: 17 місць ...", «скоротімо до 15 місць», «залишмо SEO»)
    r"зробімо|скоротімо|зменшімо|призупинімо|залишмо|подовжмо|продовжмо|перейдімо|домовмося)\b",
    re.I)
# A sentence that carries on the offer before it ("That brings you to $4,350 a month.", "In return ...",
# "Це 2 422 долари на місяць.", "Натомість ..."): part of the offer when it follows a proposing one.
# the exchange named at the start of a sentence ("And in return ...", «А натомість ...», «В обмін ...»)
_IN_RETURN_LEAD = r"(?:(?:and|а|і|й)\s+)?(?:in (?:return|exchange)|натомість|в обмін)(?!\w)"
IN_RETURN = re.compile(r"^\W*" + _IN_RETURN_LEAD, re.I)
_CONTINUE = re.compile(r"^(?:and\s+)?(?:that|this|which|it)(?:'s|\s+(?:is|would|will|brings|takes|gets|puts|"
                       r"lands|comes|means))\b|^(?:(?:а|і|й)\s+)?це\b|^" + _IN_RETURN_LEAD, re.I)
_ITEM = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s")
# leave asked to propose ("may I suggest an alternative?", «можна я запропоную інший варіант?»)
_LEAVE_TO_PROPOSE = re.compile(r"\b(?:may|can|could|might) i (?:suggest|propose|offer|put forward)\b|"
                               r"(?<!\w)(?:можна|дозвольте) (?:я )?(?:запропоную|запропонувати)(?!\w)", re.I)

_NUMBERED = re.compile(r"\d|month|year|місяц|рік|рок", re.I)
_RESTATE = re.compile(r"\byou(?:'d| would)? (?:like|want|need|asked|are asking|mentioned|said|requested)\b|"
                      r"\byour (?:request|ask)\b|\byou'?re (?:looking|asking)\b|ви (?:хочете|просите|просили|"
                      r"бажаєте|хотіли)", re.I)


# What a counter with no numbers gives ("a discount", "fewer seats", "a free month", "a pause") and asks
# back ("if you extend the term", "for a longer commitment").
_CONCESSION = re.compile(r"discount|cheaper|\blower (?:the )?(?:price|bill|rate|cost|fee)|\breduc\w*|smaller|fewer|"
                         # "I can bring the seat count down a fair bit": fewer seats, not yet sized
                         r"\b(?:bring|get|take)\w* (?:the |your )?(?:seat count|seats|licen[cs]es|bill|spend|package|"
                         r"(?:overall |monthly |total )?(?:price|cost))"
                         r"(?: \w+)?? down\b|"
                         r"\b(?:lighter|slimmer|leaner|trimmed|pared-down) (?:package|plan|setup|bundle)\b|"
                         r"right-?siz\w*|\btrim\w*|scal\w* (?:it )?(?:back(?! up)|down)|\bpaus\w*|suspend\w*|"
                         r"(?<!hiring )(?<!budget )(?<!spending )(?<!pay )freez\w*|\bon hold\b|"
                         r"\bfree (?:month|months|of charge)\b|months? (?:of )?(?:[\w-]+ ){0,3}free\b|\bon us\b|"
                         r"\bwaiv\w*|"
                         r"\bfor free\b|\bon the house\b|\bno charge\b|безкоштовн\w*|"
                         # time to pay: the invoice deferred ("push December's invoice back", "перенести оплату")
                         r"\b(?:defer|postpon|delay|push)\w* (?:[\w'’]+ )?(?:payment|invoice|bill|billing)\w*|"
                         r"\b(?:payment|invoice|bill)s? (?:\w+ )?(?:deferr|postpon|delay|push)\w*|\bpayment holiday\b|"
                         r"(?<!\w)(?:перенес\w*|відклас\w*|відтерм\w*|відстроч\w*) (?:\w+ )?"
                         r"(?:оплат\w*|рахун\w*|платіж\w*)|"
                         r"(?<!\w)відстрочк\w*|"
                         r"\boff the (?:price|bill|fee|invoice|rate)\b|\bknock\w*|\bshave\w*|"
                         r"\bbetter (?:price|rate|deal)\b|"
                         # "I can probably sort something out on price", "можу щось придумати по ціні"
                         r"\bsomething (?:\w+ ){0,2}(?:on|off|with|about) (?:the )?(?:price|pricing|rate|bill|cost)\b|"
                         r"(?<!\w)щось (?:\w+ ){0,2}(?:з|по|щодо) (?:ціною|ціні|цін\w*|вартіст\w*)|"
                         r"\bflexib\w* on (?:the )?(?:price|rate)\b|\bmeet you (?:half ?way|in the middle|somewhere)\b|"
                         r"\bcome down\b|\bщось (?:зробити )?з ціною|поступ\w*|"
                         r"\bspecial (?:price|rate|pricing)\b|\bbreak on\b|кращ\w* (?:ціну|ціна|умови)|"
                         r"\bcut\b|знижк\w*|дешевш\w*|менш\w*|зменш\w*|скорот\w*|пауз\w*|призупин\w*|"
                         r"безкоштовн\w*", re.I)
_COMMITMENT = re.compile(r"\bextend\w*|extension|longer (?:term|commitment|agreement|contract)|\bcommit\w*|"
                         + _STAY_LONGER + r"|"
                         r"\brenew\w*|multi-?year|\bsign (?:on|up|for)\b|\block\w* in\b|продовж\w*|подовж\w*|"
                         r"підпиш\w*|підпис\w*|зобов['’]яз\w*|багаторічн\w*|"
                         # «ви фіксуєте решту пакета на 12 місяців», «закріплюємо на рік»: a lock asked for, with a length
                         r"(?:фіксу|зафіксу|закріплю|закріпи)\w*(?=[^.?!]*(?:\d|місяц|рок|рік))", re.I)


# a concession set aside ("rather than throw a discount at you", "без розмов про знижки", "no price cut")
_NOT_GIVEN = re.compile(r"(?:\brather than|\brather\s+(?:\w+\s+){1,6}?than|\binstead of|\bno|\bnot|\bwithout|\bnever|\b(?:do|wo|would|is)n'?t|"
                        r"(?<!\w)без|(?<!\w)не|"
                        r"(?<!\w)замість)\W+(?:\w+\W+){0,4}?(?:discount\w*|price (?:cut|games|talk)|cut|"
                        r"знижк\w*|торг\w*)\b|"
                        # "... and I won't offer you one", "і не пропонуватиму її": the discount just ruled out
                        r"\b(?:won'?t|will not|not going to)\s+(?:offer|give)\s+(?:you\s+)?(?:one|that|it)\b", re.I)


def concession(sentence: str) -> bool:
    """Gives something (a discount, fewer seats, a pause, a free month), numbers or not; one set aside
    ("rather than a discount", "без знижок") is not given."""
    return bool(_CONCESSION.search(_NOT_GIVEN.sub(" ", sentence)))


def commitment(sentence: str) -> bool:
    """Asks for a commitment (an extension, a renewal, a longer term), numbers or not."""
    return bool(_COMMITMENT.search(sentence))


# "A 40% cut, understood, and I'd rather we get this right": the ask said back, not a proposal.
_ACK_RESTATE = re.compile(r"\b(?:i'?ve got it|got it|understood|noted|i hear (?:you|that)|i understand)\b|"
                          r"(?<!\w)(?:зрозуміл\w*|розумію|почув\w*)(?!\w)|"
                          # the change asked for, named as a task ("Bringing the seat count down by 30% from next month is
                          # something we can work on together")
                          r"^\W*(?:\w+,\s+)?(?:bringing|reducing|cutting|dropping|trimming|taking|moving|going|"
                          r"getting)\b[^.?!]{0,80}?\b(?:is|'s) (?:something|doable|possible|absolutely|definitely|"
                          r"certainly|fine)\b", re.I)
_REAL_CUE = re.compile(r"\b(?:can|could|offer|propose|suggest|recommend\w*|how about|what if|in exchange|in return|"
                       r"if you)\b|"
                       r"(?<!\w)(?:можу|можемо|зможу|зможемо|"
                       r"пропоную|запропон\w*|давайте|в обмін|натомість|якщо ви)(?!\w)", re.I)
# the old price named beside the new one ("$3,000 a month instead of $4,750")
_OLD_PRICE = re.compile(r"(?:instead of|rather than|down from|up from|from|compared (?:to|with)|vs\.?|versus|"
                        r"currently|today'?s|замість|порівняно з|з)\s*$", re.I)


# today's price named as it stays ("the Member App at its current $4,000 a month", "за теперішньою ціною"): no new price
_CURRENT_PRICE = re.compile(r"\b(?:at|for|on) (?:its|the|your|their|today'?s) (?:current|usual|normal|existing|present|"
                            r"same) (?:price |rate )?(?:of )?$|(?<!\w)(?:за|по) (?:теперішн\w+|поточн\w+|нинішн\w+|"
                            r"тією ж|тій самій) (?:ціною |ціні |вартістю )?$", re.I)
# the customer's own budget or target beside the price ("just under your $3,700", "в межах вашого бюджету")
_LIMIT = re.compile(r"(?:\b(?:under|below|within|beneath|inside|than|above|over)\s+(?:your|the|their)\b[^$€£₴\d]{0,25}|"
                    r"\byour (?:budget|target|limit|ceiling|cap|line)(?: of)?|\b(?:budget|target|limit|ceiling|cap) of|"
                    r"(?<!\w)(?:нижче|менше|в межах|у межах)\s+(?:вашого|ваших|вашої)\b[^$€£₴\d]{0,25})\s*"
                    r"(?:about|around|roughly|approximately|~|близько|приблизно)?\s*$", re.I)


# a unit price ("each seat goes from $95 to $90", "$90 per seat", "за місце"), not the monthly bill
_PER_UNIT = re.compile(r"\b(?:each|every|per|a) (?:seat|licen[cs]e|user)\b[^.?!$€£₴\d]{0,14}$|"
                       # "bring the seat price down from $95 to $90", "ціну одного місця знизимо з 95 до 90 доларів"
                       r"\b(?:seat|licen[cs]e|user|per-seat|unit) (?:price|rate|cost)\b[^.?!$€£₴\d]{0,14}$|"
                       r"(?<!\w)(?:цін\w*|вартіст\w*) (?:одного |одної )?(?:місця|ліцензії)(?!\w)[^.?!$€£₴]{0,24}$|"
                       r"(?<!\w)(?:кожне|одне|за) (?:місце|ліцензію)\b[^.?!$€£₴\d]{0,14}$|"
                       # "we add seats back at the same $90", "додамо місця назад по тих самих 90 доларів"
                       r"\badd\w* (?:\w+ )?(?:seats?|licen[cs]es?|users?) (?:back )?at (?:the same |the current |"
                       r"that )?(?:price of )?$|(?<!\w)дода\w* (?:\w+ )?(?:місц\w*|ліценз\w*) (?:назад |знову )?"
                       r"(?:по|за) (?:тих самих |тій самій |тією ж |ціною )?$", re.I)
_PER_UNIT_AFTER = re.compile(r"^\s*(?:per|a|each|/)\s*(?:seat|licen[cs]e|user)\b|^\s*за (?:місце|ліцензію)", re.I)
# the customer's people named beside the count proposed ("80 seats: your 75 users plus a buffer")
_THEIRS = re.compile(r"\byour\s+$|(?<!\w)ваш\w*\s+$", re.I)


@dataclass
class Extracted:
    """What one turn proposes, before it becomes a `ProposedOffer`."""

    quote: str = ""
    new_mrr: float | None = None
    discount_pct: float | None = None  # off today's bill
    seat_cut_pct: float | None = None
    seats: int | None = None  # seats kept
    removed: list[str] = field(default_factory=list)
    pause_months: int | None = None
    term_months: int | None = None
    scope: bool = False  # a smaller package at today's discount, not a lower price for the same one
    named_off: bool = False  # a discount named as a cut off today's bill ("30% off the lot")
    notes: list[str] = field(default_factory=list)

    @property
    def priced(self) -> bool:
        """Something that changes the package or the price (not just a term)."""
        return any(v is not None for v in (self.new_mrr, self.discount_pct, self.seat_cut_pct, self.seats,
                                           self.pause_months)) or bool(self.removed)

    @property
    def empty(self) -> bool:
        return not self.priced and self.term_months is None


def _num(word: str) -> int | None:
    w = word.lower().replace("’", "'")
    return int(w) if w.isdigit() else _NUM_WORDS.get(w)


def _months(m: re.Match[str]) -> int | None:
    if m.group(3):
        return 6
    n = _num(m.group(1))
    if n is None:
        return None
    return n * 12 if m.group(2).lower().startswith(("y", "р")) else n


def _amount(m: re.Match[str]) -> float:
    amt = m.group("amt")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", amt):  # "4.500 per month": a dot between thousands
        amt = amt.replace(".", "")
    value = float(re.sub(r"[,\s\u00a0]", "", amt)) * (1000 if m.group("k") else 1)
    per = (m.group("per") or "").lower()
    return value / 12 if any(w in per for w in ("yr", "year", "annual", "рік", "щороку")) else value


def _is_money(m: re.Match[str]) -> bool:
    return bool(m.group("cur") or m.group("cur2") or (m.group("per") and m.group("per").strip()))


def proposes(sentence: str) -> bool:
    """Worded as a proposal ("I can...", "how about...", "in exchange...")."""
    return bool(_OFFER_CUE.search(sentence))


# Taking the request on without proposing anything yet: it is possible, we will work it out together
# ("Trimming seats is something we can sort out together", "Так, пауза можлива, і я допоможу").
_ACCEPTS = re.compile(
    r"\b(?:is|'s|are|'re) (?:absolutely |definitely |certainly |completely |totally )?(?:possible|doable|fine|"
    r"something (?:we|i) can)\b|\b(?:sort|work|figure) (?:\w+ ){0,3}out\b|\bfind (?:a|the|something|an?) "
    r"(?:\w+ )?(?:way|solution|option|setup|fit|answer)\b|\bwhatever we (?:land on|agree|decide)\b|\bfits? "
    r"(?:your|the)\b|\bwork for (?:you|your)\b|\btake the pressure off\b|\b(?:i|we)'?(?:ll| will) help\b|\bhappy to "
    r"(?:help|look|work|talk)\b|\blook at (?:it|this|that|options) (?:together|with you)\b|"
    r"\b(?:get|have) (?:it|this|that|things|them) (?:right-?sized|sorted|sized right)\b|"
    # "I'll take you through the process", "проведу вас через процедуру": the process the customer asked about,
    # answered in their terms; nothing is processed yet
    r"\b(?:walk|take|guide|talk|step) (?:you|them) through\b|(?<!\w)провед\w* (?:вас |вам )?(?:через|по) "
    r"(?:процедур|процес|кроках)\w*|"
    # "we can get the seats down for you", "we can bring the seat count down": the change itself, taken on
    r"\b(?:we|i) can (?:get|bring) (?:the |your )?(?:\w+ ){0,2}down\b|"
    # "we'll stop what needs stopping", "змінимо те, що потрібно": the change taken on, nothing decided yet
    r"\b(?:stop|change|pause|adjust|cut|sort|switch off)\w* (?:whatever|what|anything that|everything that) (?:needs?|has) "
    r"(?:to be )?(?:stopping|changing|pausing|adjusting|cutting|sorting|stopped|changed|paused|adjusted|cut|sorted)\b|"
    r"(?<!\w)(?:зупинимо|змінимо|призупинимо|скоротимо|налаштуємо) (?:все )?(?:те,? )?що (?:потрібно|треба|необхідно)"
    r"(?: (?:зупинити|змінити|призупинити|скоротити))?(?!\w)|"
    # "We'll get the seats to match your team", "we'll make the package fit", "let's get the seats matched to the team
    # you have": the change promised, nothing sized yet
    r"\b(?:get|make|bring|set|size) (?:the |your )?(?:seats?|seat count|licen[cs]es|package|plan|setup|bill|account) "
    r"(?:to |so (?:they|it) )?(?:match|fit|suit|reflect)(?:es|s|ed|ted)?\b(?! (?:at|for) \$?\d)|"
    # "let's make sure January looks right for you", "давайте подивимося, як зробити це найкраще для клініки"
    r"\bmake sure (?:\w+ ){0,3}(?:looks?|is|feels?|works?|lands?) right\b|\blet'?s (?:see|look at) how (?:to|we)\b|"
    r"(?<!\w)подивимос\w*,? як (?:\w+ ){0,2}(?:найкраще|краще|правильно|зручніше)|"
    r"(?<!\w)(?:можлив\w*|можна(?! було б)|допоможу|допоможемо|розберемося|знайдемо|підберемо|підійде|"
    r"вирішимо|разом)(?!\w)", re.I)


_GIVEAWAY = re.compile(r"\bfree\b|\bwaiv\w*|\bdiscount\w*|\bon us\b|\bon the house\b|(?<!\w)(?:знижк\w*|"
                       r"безкоштовн\w*)", re.I)


def giveaway(sentence: str) -> bool:
    """Gives something outright (a free month, a waived invoice, a discount), not a placeholder for terms."""
    return bool(_GIVEAWAY.search(sentence))


# a concession hinted at with no numbers ("something on price", "a smaller package for a while", "щось по ціні")
_HINTED = re.compile(r"\bsomething (?:\w+ ){0,2}(?:on|off|with|about) (?:the )?(?:price|pricing|rate|bill|cost)\b|"
                     r"\bsomething like\b|\b(?:a|some) (?:smaller|lighter|slimmer|leaner|cheaper|reduced) "
                     r"(?:package|plan|setup|bundle|tier)\b|"
                     r"(?<!\w)щось (?:\w+ ){0,2}(?:з|по|щодо) (?:ціною|ціні|цін\w*)|"
                     r"(?<!\w)(?:менш|легш|дешевш)\w* (?:пакет|тариф)\w*", re.I)


def accepts_request(sentence: str) -> bool:
    """Takes the request on ("that's doable, let's work it out together") with no number and nothing
    asked back: an acknowledgment, not yet a counter; a concession hinted at ("I can probably sort
    something out on price") is a counter, if a vague one."""
    if _HINTED.search(sentence) and _REAL_CUE.search(sentence):
        return False
    # the request said back with its numbers ("A 30% reduction from next month, understood, and we'll work through
    # it together", "Зрозуміла, 25% місць з наступного місяця — давайте подивимося, як зробити це найкраще")
    taken = _ACCEPTS.sub(" ", re.sub(r"(?<!\w)(?:давайте|let'?s)\s+(?=подивимос|розберемос|подумаємо|see\b|look\b|"
                                     r"make sure\b|work\b|figure\b)", " ", sentence, flags=re.I))
    said_back = bool(_ACK_RESTATE.search(sentence)) and not _REAL_CUE.search(taken) and not _OWN_FIGURE.search(
        digits(sentence))
    return bool(_ACCEPTS.search(sentence)) and (said_back or not re.search(r"\d", digits(sentence))) \
        and not commitment(sentence) and not _GIVEAWAY.search(sentence)
    # ("I'll give you next month free while you sort it out" gives something)


# a number of its own put forward beside the one said back ("... we keep 17 seats", "залишимо 17 місць")
_OWN_FIGURE = re.compile(r"\$|\bkeep\w* \d|\b(?:to|down to) \d+ (?:seats|licen)|(?<!\w)залиш\w* \d|"
                         r"(?<!\w)до \d+ (?:місц|ліценз)",
                       re.I)


def _CANNOT(sentence: str) -> bool:
    """"Паузу я зробити не можу", "I can't do a pause": a refusal with no figure is not an offer."""
    return bool(_CANNOT_RE.search(sentence)) and not re.search(r"\d", digits(sentence))


# "A 30% cut mid-term isn't something I can just switch on": the customer's ask named and refused, no offer
_NOT_SOMETHING = re.compile(r"\b(?:isn'?t|is not|not|wasn'?t) (?:something|anything|a thing) (?:i|we) (?:can|could)\b|"
                            # "my name is Jordan and I'll be assisting you today": who answers, nothing proposed
                            r"\b(?:i'?ll|i will|we'?ll|we will) be (?:assisting|helping|looking after|taking care of|"
                            r"handling|working with) you(?: today| on this)?\b(?![^.?!]*(?:\d|%|seats?|discount|pause))|"
                            r"(?<!\w)(?:це )?не те,? що (?:я|ми) (?:можу|можемо|могли б)(?!\w)", re.I)
_CANNOT_RE = re.compile(r"\b(?:can'?t|cannot|won'?t be able|unable)\b|"
                        r"(?<!\w)не (?:можу|можемо|зможу|зможемо|вийде)(?!\w)", re.I)


def _figures(sentence: str) -> bool:
    """Names what an offer is made of: a price, seats, a percentage, or a term it is tied to ("Instead of
    12 seats off, we take 8, so 40 down to 32.", "We add 5 points of discount, which puts you at $7,920
    a month")."""
    text = digits(sentence)
    if _RESTATE.search(text) or "?" in text or stance.ARGUE.search(text) or stance.THREAT.search(text):
        return False  # the ask said back, a question, or an argument against it ("a 40% cut would wipe out ...")
    money = any(_is_money(m) for m in _MONEY.finditer(text))
    term = any(_TERM_CONTEXT.search(text[max(0, m.start() - 45):m.end() + 30]) for m in _DURATION.finditer(text))
    return money or term or bool(_SEATS.search(text) or _PCT.search(text) or _FROM_TO.search(text))


# "Going from 120 to 72 seats is a big shift": the ask named as a change, not a proposal
_BIG_CHANGE = re.compile(r"^\W*(?:(?:a|an|the|your|that|this)\s+)?(?:\d+\s?%|\d+ per ?cent|half)[\s-]+(?:cut|"
                         r"reduction|drop|"
                         r"decrease|cutback)\b[^.?!]{0,20}?\b(?:is|'s|was|feels)\b|"
                         r"^\W*(?:going|moving|dropping|cutting|halving|reducing|getting|taking|losing)\b[^.?!]{0,60}?"
                         r"\b(?:is|'s|would be|will be) (?:quite |such )?(?:a )?"
                         r"(?:big|huge|real|major|significant|serious|"
                         r"large)\b|"
                         # "I'll be honest, 30% is a big cut": the size of the ask remarked on
                         r"(?:^|[,:;]\s*)(?:\d+\s?%|\d+ per ?cent|half)\s+(?:is|'s|would be|feels like)\s+(?:quite\s+|such\s+)?"
                         r"(?:a\s+)?(?:big|huge|major|significant|serious|large|sizeable|steep)\s+(?:cut|change|step|drop|"
                         r"reduction|move|ask|jump)\b", re.I)


# only the change itself said to be possible ("we can absolutely change the package", "ми можемо змінити пакет"):
# with the request said back, an acknowledgment, not an offer
_CAN_CHANGE = re.compile(r"\b(?:we|i) can (?:absolutely |certainly |definitely |of course )?(?:change|adjust|update|"
                         r"amend|do) (?:the |your |that|this|it)(?:\s*(?:package|plan|setup|account|change))?\b|"
                         r"(?<!\w)(?:ми )?(?:можемо|можу) (?:\w+ )?(?:змінити|оновити|скоригувати) (?:пакет|план|"
                         r"тариф|це)(?!\w)", re.I)


# a sentence that announces the plan to follow ("Then here's my proposal.", "Ось що пропоную.")
_ANNOUNCE = re.compile(r"\bhere'?s (?:my|our|the|what)\b|\bmy (?:proposal|suggestion|offer|plan)\b|\b(?:i|we)'?d "
                       r"(?:propose|suggest)\b|(?<!\w)(?:пропоную|пропозиція|ось що)(?!\w)", re.I)
# a part of a plan announced in the sentence before ("Commerce Search and Analytics stay exactly as they are")
_PLAN_PART = re.compile(r"\b(?:stays?|keep\w*|drops?|dropp\w*|cut\w*|remov\w*|paus\w*|suspend\w*|as (?:it is|they "
                        r"are)|comes? off|goes)\b|(?<!\w)(?:залиш\w*|прибира\w*|приберемо|скороч\w*|призупин\w*)", re.I)


def offer_sentences(parts: list[str], also: Container[str] = ()) -> list[str]:
    """The sentences that propose something (a restatement of the customer's ask does not); `also`:
    sentences that propose by being the coach's own counter wording ("Right-size the package ...")."""
    out: list[str] = []
    carried = False  # the sentence before proposed something
    listed = False  # ... and ended with a colon: the list items under it are the proposal
    stated = False  # ... and was a statement, not a question: sentences with figures after it carry on
    announced = False  # ... and only announced the plan ("Then here's my proposal."): its parts follow
    for p in parts:
        proposing = p in also or bool(_OFFER_CUE.search(p)) and not accepts_request(p) and not _CANNOT(p) and not (
            _NOT_SOMETHING.search(p)) and not (
            _RESTATE.search(p) and not re.search(r"\b(i|we)\b", p, re.I)) and not (
            (_ACK_RESTATE.search(p) or _BIG_CHANGE.search(p)) and not _REAL_CUE.search(p)) and not (
            _ACK_RESTATE.search(p) and _CAN_CHANGE.search(p) and not _REAL_CUE.search(_CAN_CHANGE.sub(" ", p))
            and not _OWN_FIGURE.search(digits(p)))
        if proposing or carried and (_CONTINUE.search(p) and _NUMBERED.search(p) or listed and _ITEM.match(p)
                                     or stated and _figures(p) or announced and "?" not in p and _PLAN_PART.search(p)):
            out.append(p)
            # a question floats an idea: the figures after it only illustrate it; but a question that only asks leave
            # to propose ("May I suggest an alternative?") announces the terms that follow
            stated = "?" not in p or bool(_LEAVE_TO_PROPOSE.search(p)) and not _figures(p)
            listed = listed and carried or proposing and p.rstrip().endswith(":")
            announced = stated and (announced and carried or proposing and not _figures(p) and bool(_ANNOUNCE.search(p)))
            carried = True
        else:
            carried = False
    return out


_CYRILLIC_END = re.compile(r"[а-яіїєґ]\Z")


def _services(text: str, account: Account) -> list[str]:
    removed = []
    low = text.casefold()
    aliases = service_aliases()  # one list of service names, shared with the diagnosis
    for s in account.services:
        names = [s.name.casefold(), *aliases.get(s.name.casefold(), [])]
        for name in names:
            # a Ukrainian stem finds its inflections ("соцмереж" finds "призупинити соцмережі")
            stem = r"\w*" if _CYRILLIC_END.search(name) else ""
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + stem + r"(?!\w)", low):
                if _REMOVE_SERVICE.search(low[max(0, m.start() - 30):m.start()]) or (
                        _TAKE_BEFORE.search(low[max(0, m.start() - 16):m.start()])
                        and _TAKE_AFTER.search(low[m.end():m.end() + 20])) or _REMOVED_AFTER.search(
                        low[m.end():m.end() + 60]):
                    removed.append(s.name)
    return list(dict.fromkeys(removed))


# a service's own line in the bill ("keep SEO at $2,500 and PPC at $2,000", "$3,200 on ads", "SEO за $2 500"):
# a part of the package, not the bill; the bill is the total named beside them, or else their sum
_LINE_BEFORE = r"(?:\s+(?:stays?|stay|remains?|goes|go|kept|would be|is|at|for|from|to|—|–|-|:|за|по|на рівні|лишається|" \
    r"залишається)){1,3}\s*(?:about|around|roughly|~|близько)?\s*$"
_LINE_AFTER = r"^\s*(?:a month |per month |monthly |на місяць )?(?:on|for|into|to|in|на|для|у|в)\s+(?:the\s+)?(?:\w+\s+)?"
_ADS = r"ads|advertising|реклам\w*"


def _service_names(account: Account) -> str:
    aliases = service_aliases()
    names = [n for s in account.services for n in (s.name.casefold(), *aliases.get(s.name.casefold(), []))]
    return "|".join(sorted((re.escape(n) for n in names), key=lambda n: (-len(n), n)) + [_ADS])


def _line_items(text: str, money: list[re.Match[str]], account: Account,
                removed: Collection[str]) -> list[re.Match[str]]:
    """The amounts that price one kept service rather than the whole bill."""
    if not account.services:
        return []
    names = _service_names(account)
    gone = "|".join(re.escape(r.casefold()) for r in removed)
    out = []
    for m in money:
        before = text[max(0, m.start() - 40):m.start()]
        after = text[m.end():m.end() + 30]
        b = re.search(r"(?<!\w)(" + names + r")(?!\w)" + _LINE_BEFORE, before, re.I)
        a = re.match(_LINE_AFTER + r"(" + names + r")(?!\w)", after, re.I)
        hit = b or a
        if hit and not (gone and re.fullmatch(gone, hit.group(1), re.I)):
            out.append(m)
    return out


def _one_service_off(text: str, account: Account, removed: Collection[str]) -> float | None:
    """A discount named on one kept service ("10% off Social Media, so $810 instead of $900", "знижка 10% на
    SMM"): that service's line is discounted and the rest of the bill stays; the new bill, or None."""
    if not account.services or account.mrr <= 0:
        return None
    aliases = service_aliases()
    by_name = {n: sv for sv in account.services for n in (sv.name.casefold(), *aliases.get(sv.name.casefold(), []))}
    names = "|".join(sorted((re.escape(n) for n in by_name), key=lambda n: (-len(n), n)))
    hits = list(re.finditer(r"(\d{1,2}(?:[.,]\d+)?)\s?(?:%|percent|per cent)\s+off\s+(?:the\s+|your\s+)?(" + names
                            + r")(?!\w)|(?<!\w)знижк\w*\s+(?:у\s+|в\s+)?(\d{1,2}(?:[.,]\d+)?)\s?%\s+на\s+(" + names
                            + r")(?!\w)|(\d{1,2}(?:[.,]\d+)?)\s?%\s+знижк\w*\s+на\s+(" + names + r")(?!\w)",
                            text, re.I))
    if len(hits) != 1:
        return None
    g = [x for x in hits[0].groups() if x is not None]
    service = by_name.get(g[1].casefold())
    if service is None or service.name in removed or len(account.services) < 2:
        return None
    pct = float(g[0].replace(",", "."))
    return cents(account.mrr - service.mrr * pct / 100)


def _kept(account: Account, asked_cut: int | None, n: int, aside: int) -> int | None:
    """The seats kept when `n` is proposed in place of `aside`: set aside the cut asked for ("8 instead of
    12", "не п'ять, а три"): `n` is a smaller cut; set aside the seats asked to keep ("88 rather than 72"):
    `n` seats are kept."""
    if account.seats and asked_cut and aside == asked_cut and n < aside:
        return account.seats - n
    return n


def extract(parts: list[str], account: Account, pause_default: int = 3,
            default_extension: int = 24, also: Container[str] = (), asked_cut: int | None = None,
            asked_services: Container[str] = ()) -> Extracted:
    """The offer in a turn's sentences (empty when none of them proposes anything). `asked_cut`: the
    seats the customer asked to remove, to tell "8 seats instead of 12" (a cut) from "88 rather than 72"."""
    chosen = offer_sentences(parts, also)
    out = Extracted(quote=" ".join(chosen))
    stated_discount = False  # a percentage named as a discount ("10% off"), not one read from a cut word
    named_off = False  # ... as a cut off today's bill ("30% off the lot")
    unsized_pause = False  # the last sentence named a pause with no length
    for text in map(digits, chosen):  # "thirty-two seats" reads as "32 seats"
        money = [m for m in _MONEY.finditer(text) if _is_money(m)]
        per_spans = [m.span("per") for m in money if m.group("per")]
        durations = [(m, _months(m)) for m in _DURATION.finditer(text)
                     if not any(a <= m.start() < b for a, b in per_spans)]
        removed_here = _services(text, account)
        if asked_services and not removed_here and _REMOVE_IT.search(text):
            # "let's suspend it until February": the module the customer asked about
            removed_here = [s.name for s in account.services if s.name in asked_services]
        # "a call before the pause ends", "до кінця паузи": the pause already agreed, not a new one; "instead of a
        # pause, 10% off", "замість паузи": the pause set aside
        paused_units = [m.span() for m in _PAUSED_UNIT.finditer(text)]
        pause = next((m for m in _PAUSE.finditer(text) if not _PAUSE_NAMED.search(text[max(0, m.start() - 30):
                                                                                       m.start()])
                      and not any(a <= m.start() < b for a, b in paused_units)), None)
        if pause and removed_here and not _WHOLE.search(text):
            pause = None  # "pause PPC" suspends a module; the account keeps running
        pause_span = None
        length: list[tuple[re.Match[str], int | None]] = []
        if pause:
            # "pause for 3 months", or the length just before the word ("a 2-month pause")
            length = [(m, n) for m, n in durations if n and (m.start() > pause.start()
                                                              or re.fullmatch(r"[\s-]*", text[m.end():pause.start()]))]
        elif unsized_pause and _LENGTH_NEXT.match(text):
            # the pause named just before without a length: this sentence gives it ("Let's say nine months")
            length = durations
        unsized_pause = False
        if length:
            pause_span, out.pause_months = length[0][0].span(), length[0][1]
            out.notes = [n for n in out.notes if not n.startswith("pause length not stated")]
        elif pause:
            if out.pause_months is None and _OPEN_ENDED.search(text):
                out.pause_months = OPEN_ENDED_MONTHS  # "as long as you need": no end, so past any allowed pause
                out.notes.append("an open-ended pause (no end named): read as longer than any pause allowed")
            elif out.pause_months is None:
                out.pause_months = pause_default
                out.notes.append(f"pause length not stated: read as the policy default of {pause_default} "
                                 "months")
                unsized_pause = True
        extension: int | None = None
        for m, n in durations:
            if m.span() == pause_span or not n:
                continue
            window = text[max(0, m.start() - 45):m.end() + 30]
            before = text[max(0, m.start() - 24):m.start()]
            # "extend your agreement by 24 months ...: 34 months in all" extends by 24
            if _EXTENDED_BY.search(text[max(0, m.start() - 48):m.start()]):
                extension = max(extension or 0, n)
            elif _FREE_FOR.search(text[max(0, m.start() - 48):m.start()]):
                continue  # how long a giveaway runs
            elif _TERM_CONTEXT.search(window) or _FOR.search(before):
                out.term_months = max(out.term_months or 0, n)
        if extension is not None:
            out.term_months = extension
        if paused_units and out.term_months == 1:
            out.term_months = None  # "each paused month extends the agreement by a month": month for month, not one
        if out.term_months is None and _MULTI_YEAR.search(text):
            out.term_months = default_extension
            out.notes.append(f"'multi-year' {UNSIZED_TERM}: read as {default_extension} months")
        moved = [m for m in money if _MOVED.search(text[max(0, m.start() - 40):m.start()])
                 or _MOVED_AFTER.match(text[m.end():m.end() + 40])]  # budget moved between services
        if (moved or _MOVED_SHARE.search(text)) and REALLOCATES not in out.notes:
            out.notes.append(REALLOCATES)
        money = [m for m in money if m not in moved]
        one_off = _one_service_off(text, account, removed_here)
        if one_off is not None and not removed_here:
            out.new_mrr, money = one_off, []  # the figures beside it price that service's line, not the bill
        lines = _line_items(text, money, account, removed_here)
        if lines and len(lines) < len(money):
            money = [m for m in money if m not in lines]  # "keep the total at $5,700 ... $3,200 on ads": the total
        elif len(lines) > 1:  # "SEO at $2,500 and PPC at $2,000" with no total: the kept lines add up
            out.new_mrr = cents(sum(_amount(m) for m in lines))
            money = []
        if not money and _KEEPS_SPEND.search(text):
            out.new_mrr = account.mrr  # "we keep your monthly budget where it is": the spend is kept
        monthly = [m for m in money if m.group("per")]
        per_unit = [m for m in money if _PER_UNIT.search(text[max(0, m.start() - 40):m.start()])
                    or _PER_UNIT_AFTER.match(text[m.end():m.end() + 16])]
        per_unit += [m for k, m in enumerate(money) if k and money[k - 1] in per_unit and m not in per_unit
                     and re.fullmatch(r"\s*(?:down )?(?:to|до)\s*", text[money[k - 1].end():m.start()], re.I)]
        unit_price = None
        if monthly and per_unit and not all(m in per_unit for m in monthly):
            money = [m for m in money if m not in per_unit]  # the unit price beside the bill: the bill counts
        elif per_unit and all(m in per_unit and not m.group("per") for m in money):
            # only a price per seat ("$90 per seat", "add seats back at the same $90"): not the bill; with a seat
            # count named, the bill is the count times that price
            unit_price = _amount(per_unit[-1])
            money = []
        saved = [m for m in money if _SAVING.search(text[max(0, m.start() - 24):m.start()])]
        money = [m for m in money if not _CURRENT_PRICE.search(text[max(0, m.start() - 24):m.start()])]
        money = [m for m in money if not _OLD_PRICE.search(text[max(0, m.start() - 16):m.start()])
                 and not _LIMIT.search(text[max(0, m.start() - 40):m.start()]) and m not in saved] or money
        if saved and all(m in saved for m in money):  # "you'd save $1,300 a month": today's bill less that
            out.new_mrr = cents(max(0.0, account.mrr - _amount(saved[-1])))
        elif money:
            to = [m for m in money if re.search(r"\b(to|до)\s*$", text[max(0, m.start() - 4):m.start()])]
            out.new_mrr = cents(_amount((to or money)[-1]))
        for m in _PCT.finditer(text):
            if _SET_ASIDE.search(text[max(0, m.start() - 14):m.start()]):
                continue  # "a 30% cut rather than 50%"
            value = float(m.group(1).replace(",", "."))
            window = text[max(0, m.start() - 40):m.end() + 25]
            if account.seats and _SHARE_OF_SEATS.match(text[m.end():m.end() + 40]) and re.search(
                    r"\b(?:to|down to|at|до)\s*$", text[max(0, m.start() - 10):m.start()], re.I):
                out.seats = round(account.seats * value / 100)  # "bring you to three fifths of today's seat count"
                continue
            if re.match(r"\s*(?:off\b|discount|знижк)", text[m.end():m.end() + 12], re.I) or re.search(
                    r"(?:discount|знижк\w*)\s*(?:of\s*|у\s*|в\s*)?$", text[max(0, m.start() - 16):m.start()], re.I):
                out.discount_pct = value  # "knock 10% off", "a discount of 10%", whatever seats are named nearby
                stated_discount = True
                # a cut taken off today's bill ("30% off the lot"), not a total "off list" nor the discount kept ("your
                # current 8% discount"): checked even beside a rounded price
                named_off = bool(re.match(r"\s*off\b(?!\s+(?:the\s+)?list\b)", text[m.end():m.end() + 20], re.I)) and not \
                    re.search(r"\b(?:current|existing|usual|same|present|keep\w*)\s+(?:\w+\s+)?$",
                              text[max(0, m.start() - 30):m.start()], re.I)
            elif _SEAT_WORD.search(window):
                out.seat_cut_pct = value
            elif _PCT_SWAP_AFTER.match(text[m.end():m.end() + 30]) or _PCT_SWAP_BEFORE.search(
                    text[max(0, m.start() - 40):m.start()]):
                # "reduce by 30% instead of 50%", "не на 25%, а на 15%": a smaller change of the kind asked for
                if asked_cut:  # the customer asked for fewer seats
                    out.seat_cut_pct = value
                else:
                    out.discount_pct, out.scope = value, True
            elif _PRICE_WORD.search(window) or _RAISED_TO.search(text[max(0, m.start() - 24):m.start()]):
                out.discount_pct = value  # "I can go up to 30%" after a discount: the discount raised
            elif not asked_cut and not removed_here and _CAN_GET.search(window):
                out.discount_pct = value  # "відсотків 25 зможу вибити": a bare percentage offered on the bill
        span = _FROM_TO.search(text)
        if span and _SEAT_WORD.search(text):  # "з 20 до 17" (seats), "from 40 seats to 32"
            out.seats = int(span.group(3))
        elif (to_count := _SEATS_TO.search(text)) and not _SET_ASIDE.search(text[max(0, to_count.start() - 14):
                                                                                   to_count.start()]):
            span = to_count  # "зменшу кількість місць до 15"
            out.seats = int(to_count.group(1))
        instead = _NOT_BUT.search(text)
        if instead and _SEAT_WORD.search(text) and not span:
            out.seats = _kept(account, asked_cut, int(instead.group(2)), int(instead.group(1)))
        swapped = _INSTEAD_OF.search(text)
        if swapped and _SEAT_WORD.search(text) and account.seats and asked_cut and not instead and not span:
            out.seats = _kept(account, asked_cut, int(swapped.group(1)), int(swapped.group(2)))
            instead = swapped
        first = _ASIDE_FIRST.search(text)
        if first and account.seats and not instead and not span:
            out.seats = _kept(account, asked_cut, int(first.group(2)), int(first.group(1)))
            instead = first
        for m in _SEATS.finditer(text):
            n = int(m.group(1))
            in_span = span is not None and m.start() < span.end() and m.end() > span.start()
            set_aside = instead is not None and instead.start() <= m.start() < instead.end()
            if _THEIRS.search(text[max(0, m.start() - 8):m.start()]) and out.seats is not None:
                continue  # "80 seats: your 75 users plus a buffer": the count proposed came first
            if in_span or set_aside or _SET_ASIDE.search(text[max(0, m.start() - 14):m.start()]) or \
                    _SET_ASIDE_CLAUSE.search(text[max(0, m.start() - 30):m.start()]) or span is not None:
                continue  # "from 40 to 32" says the seats kept; "instead of taking 12 seats off" sets 12 aside
            removing = _REMOVE_BEFORE.search(text[max(0, m.start() - 16):m.start()]) or \
                _REMOVE_AFTER.search(text[m.end():m.end() + 10]) or (
                    # "cut by 20%, that is four seats": the seats that percentage removes
                    out.seat_cut_pct is not None and account.seats is not None
                    and n == round(account.seats * out.seat_cut_pct / 100) and n < account.seats / 2)
            if removing and account.seats:
                out.seats = max(0, account.seats - n)
            elif not removing:
                out.seats = n
        kept = _KEEP_COUNT.search(text)
        if kept and _SEAT_WORD.search(text) and account.seats and 0 < int(kept.group(1)) < account.seats and (
                out.seats is None or out.seats == account.seats):
            # "drop eight and keep 32", "приберемо п'ять і залишимо 15": the count said to stay is the seats kept
            out.seats = int(kept.group(1))
        if unit_price is not None and out.seats and out.new_mrr is None:
            out.new_mrr = cents(unit_price * out.seats)
        out.removed = list(dict.fromkeys(out.removed + removed_here))
        if _SCOPE.search(_OFF_THE_PACKAGE.sub(" ", _WHOLE_KEPT.sub(" ", text))) and not _DISCOUNT_WORD.search(text):
            out.scope = True  # "30% off the spend, by trimming the package": a smaller package
    out.named_off = named_off and out.discount_pct is not None
    if out.discount_pct is not None and not stated_discount and out.seats is not None and account.seats and abs(
            account.seats * (1 - out.discount_pct / 100) - out.seats) < 1:
        out.discount_pct = None  # "скоротити на 15%, тобто залишити 17 місць": the cut those seats make, not a discount
    if out.priced and out.new_mrr is None and out.discount_pct is None and _UNPRICED_DISCOUNT.search(out.quote):
        out.notes.append(UNPRICED)  # "suspend it for a while, with a small discount on the rest"
    if (out.new_mrr is not None or out.discount_pct is not None) and not out.scope and out.seats is None \
            and out.seat_cut_pct is None and not out.removed and out.pause_months is None:
        out.notes.append("a price with no change of scope is read as a discount on today's package "
                         "(name the seats, services or smaller package for a right-sized one)")
    if account.seats is None and (out.seats is not None or out.seat_cut_pct is not None):
        out.notes.append("the account has no seat count: seat numbers are not priced")
        out.seats, out.seat_cut_pct = None, None
    return out


def to_offer(x: Extracted, account: Account, *, requested_mrr: float | None,
             hardship: Hardship | None) -> ProposedOffer:
    """Price what was extracted: explicit money wins; otherwise today's bill scaled by the package."""
    seats = x.seats
    if seats is None and x.seat_cut_pct is not None and account.seats:
        seats = round(account.seats * (1 - x.seat_cut_pct / 100))
    kept = None
    if x.removed:
        kept = [s.name for s in account.services if s.name not in x.removed]
    base = account.mrr
    if seats is not None and account.seats:
        base *= seats / account.seats
    if kept is not None and account.services:
        base *= sum(share for name, share in service_shares(account) if name in kept)
    if x.discount_pct is not None:
        base *= max(0.0, 1 - x.discount_pct / 100)
    if x.new_mrr is None:
        new_mrr = cents(base)
    elif x.named_off:
        # "30% off the whole thing ..., so you land just under $4,000": the discount named is given whatever the
        # rounded price says; the policy checks the lower of the two
        new_mrr = min(x.new_mrr, cents(base))
    else:
        new_mrr = x.new_mrr
    new_list = None
    if x.scope and seats is None and kept is None and account.mrr > 0:
        new_list = cents(max(0.0, new_mrr) * account.list_mrr / account.mrr)  # same discount, less scope
    return ProposedOffer(
        new_mrr=max(0.0, new_mrr), seats=seats, services_kept=kept, pause_months=x.pause_months,
        term_extension_months=x.term_months, hardship=hardship, requested_mrr=requested_mrr,  # type: ignore[arg-type]
        new_list_mrr=new_list)
