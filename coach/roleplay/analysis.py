"""One trainee turn -> `TurnAnalysis`: moves by meaning, pushback, questions, triggers, and every
offer priced and checked by the same rules engine the coach uses (`coach.policy.check_offer`)."""

from __future__ import annotations

import re
from typing import Any

from coach.accounts.model import Hardship
from coach.errors import CoachInputError
from coach.policy import Policy, ProposedOffer, check_offer
from coach.policy.rules import lock_ends
from coach.roleplay import moves, offers, stance, timing
from coach.roleplay.models import OfferRecord, Shape, TurnAnalysis
from coach.roleplay.own_words import EMPTY, OwnWords
from coach.roleplay.personas import Persona

MAX_TURN_CHARS = 4000
_PROPOSES = re.compile(r"\blet me\b|\bi'?ll (?:arrange|set up|bring|loop|put|book)|\bwe'?ll (?:build|put|set)|"
                       r"\bmy suggestion\b|\bi'?d suggest\b|\bwe (?:lock|keep|move|shift)\b|"
                       r"\bwhat i'?d (?:like|suggest|propose|recommend)\b|\bi'?d like to (?:offer|propose|"
                       r"suggest|set up|"
                       r"run|arrange|book|show|bring)\b|"
                       r"\b(?:we'?ll|let'?s) focus\b|"
                       r"залучу|залучимо|підключу|проведемо|складемо|покажу|покажемо|організую|зосередимо", re.I)
SOLUTION_SHARE = 0.7  # a plan or save read from a weak vote needs a proposing phrase as well
# "every month paused adds a month" (not a one-month extension)
_EACH_MONTH = re.compile(r"\b(?:each|every) (?:paused )?month(?: of (?:the )?pause| paused)? (?:adds|puts) (?:a|one|"
                         r"another) month\b|"
                         # "for each paused month the end date moves back by a month": the end named between them
                         r"\b(?:each|every) (?:paused )?month(?: of (?:the )?pause| paused| on pause)?,? (?:\w+ ){0,6}?"
                         r"(?:moves?|pushe[sd]|push|shifts?|slides?|runs?|extends?) (?:back |out |on |later )?by (?:a|one) "
                         r"(?:\w+ )?month\b", re.I)
_SAME_MONTHS = re.compile(r"(?:by|for) the (?:same|paused) (?:\w+ )?(?:months|period|number of months)|"
                          # "extend the agreement by the months we pause", "by however many months it's on hold"
                          r"(?:by|for) (?:the|however many) months? (?:we|you|they|it) (?:\w+ )?(?:pause|hold|freeze|"
                          r"stop|switch off)\w*\b|" + _EACH_MONTH.pattern + "|"
                          r"(?:by|for) the months (?:paused|of the pause|you pause)|\bmonths? paused\b|"
                          # "the agreement simply extends by the months you're paused"
                          r"(?:by|for) (?:the|those|these) (?:\w+ )?months? (?:you'?re|you are|we'?re|we are|"
                          r"it'?s|it is|"
                          r"they'?re|it'?ll be|you'?ll be|we'?ll be) (?:\w+ )?(?:paused|on hold|frozen|off)\b|"
                          r"\bpaused months?\b|"
                          # "each month of the pause adds a month", "Кожен місяць паузи додає місяць до договору",
                          # "the agreement extended by six months" beside the pause
                          r"\b(?:each|every) (?:paused )?month(?: of (?:the )?pause| paused)? (?:adds|puts) (?:a|one|"
                          r"another) month\b|"
                          r"(?<!\w)(?:кожен|кожний|кожного) місяц\w* (?:паузи )?(?:дода\w*|подовжу\w*) "
                          r"[^.?!]{0,25}?місяц\w*|"
                          # "за кожен місяць паузи договір подовжується на місяць", "for every month paused the
                          # agreement runs one month longer": the term named between the month and the verb
                          r"(?<!\w)(?:кожен|кожний|кожного) місяц\w* (?:паузи|перерви|призупинення) (?:ваш |наш )?"
                          r"(?:договір|контракт|термін|строк)\w* (?:\w+ )?(?:дода\w*|подовжу\w*|продовжу\w*|зсува\w*) "
                          r"[^.?!]{0,25}?місяц\w*|"
                          r"\b(?:each|every) (?:paused )?month(?: of (?:the )?pause| paused| on pause)?,? (?:your |the |our )?"
                          r"(?:agreement|contract|term|subscription) (?:\w+ )?(?:runs|extends|is extended|gets extended|"
                          r"grows|moves out)\b[^.?!]{0,25}\bmonth\b|"
                          r"\b(?:agreement|contract|term|subscription)\b[^.?!]{0,15}\bextended by\b|"
                          # each paused month added to the agreement, no "end" named ("Кожен місяць паузи додається
                          # до договору", "every paused month is added to your contract")
                          r"(?<!\w)(?:кожен|кожний|кожного) місяц\w* (?:паузи|перерви|призупинення) (?:дода\w*|"
                          r"зарахову\w*) (?:до|в|у) (?:вашого |нашого )?(?:договору|строку|терміну|контракту)(?!\w)|"
                          r"\b(?:each|every) (?:paused )?month(?: of (?:the )?pause| paused| on pause)? (?:is|gets|will be) "
                          r"(?:added|tacked) (?:on )?to (?:the|your|our) (?:agreement|contract|term|subscription)\b|"
                          # "the months are added to the end of the agreement", "ці три місяці додамо в кінець договору"
                          # "the five months go onto the end of the agreement", "договір подовжимо на стільки ж"
                          r"\bmonths? (?:go|goes|get|gets|are|is|will) (?:\w+ )?(?:onto|on to|to|on) the end of "
                          r"(?:the|your|our) (?:term|agreement|contract|subscription)\b|"
                          r"(?<!\w)(?:подовж|продовж)\w*[^.?!]{0,20}на стільки ж(?!\w)|"
                          r"\b(?:add|tack|put|bolt|mov|push|shift)\w*\b[^.?!]{0,40}\b(?:to|onto|on to|at|"
                          r"on) the end of "
                          r"(?:the|your|our) (?:term|agreement|"
                          r"contract|subscription)\b|(?<!\w)дода\w*[^.?!]{0,40}(?:в|у|до|на) кін\w* (?:договору|"
                          r"строку|терміну|контракту|співпраці)|"
                          r"\b(?:those|the|these) (?:\w+ )?months? (?:are|is|get|gets|will be|would be) "
                          r"(?:simply |just )?(?:added|tacked)\b|"
                          r"month[- ]for[- ]month|\badd\w* (?:those|the|these) (?:\w+ )?months\b|"
                          r"\b(?:by|for) (?:the same|an equal|that same) (?:period|length|amount of time|time)\b|"
                          r"\badd\w* (?:the|those|these) (?:\w+ )?months (?:on|to)\b|"
                          r"на (?:ті самі|ті ж|ці ж|ці самі|стільки ж|ту саму кількість|той самий|такий самий|"
                          r"той же|такий же) "
                          r"(?:\w+ )?(?:місяц|строк|термін|період|час)|місяць за місяць|"
                          r"на (?:час|період|строк|термін) паузи|на місяці паузи|"
                          # "the term just shifts by three months", "the end date moves out by the same"
                          r"\b(?:term|agreement|contract|end date|renewal)\b[^.?!]{0,20}\b(?:shift|push|mov|roll)\w*"
                          r"[^.?!]{0,25}\blater\b|"
                          r"\b(?:term|agreement|contract|end date|renewal)\b[^.?!]{0,20}\b(?:shift|push|mov|roll)\w*"
                          r"(?: \w+)?(?: out| back| on)? by\b|(?:договір|термін|строк)\w* (?:\w+ )?(?:зсува|посува|"
                          r"переноси)\w* на", re.I)
# a figure of its own: a sentence that prices something is an offer, not a proposal announced
_FIGURE = re.compile(r"\d")
_SAVE = re.compile(r"side[- ]by[- ]side|compar\w+ (?:us|both|the (?:two|options))|product (?:team|manager|lead)|"
                   # a trial scored against the competitor ("a two-week pilot ... scored against BrightMetrics on the
                   # same checklist", "оціните за тим самим чек-листом, що й DataHub")
                   r"\b(?:pilot|trial|proof of concept)\b[^.?!]{0,90}\b(?:against|versus|vs\.?|alongside|next to)\b|"
                   r"\bon the same (?:checklist|criteria|scorecard|test)\b|"
                   r"(?<!\w)за (?:тим самим|тими самими|таким самим) (?:чек-лист\w*|критері\w*|списк\w*)|"
                   r"roadmap|head[- ]to[- ]head|\bbake-?off\b|on your (?:own )?(?:data|pipeline|accounts)\b|"
                   r"порівня\w*|пліч-о-пліч|продакт|продуктов\w+ (?:менеджер|команд)|план розвитку|"
                   r"(?:поруч|поряд) (?:з|із)\b|на ваших (?:власних )?даних", re.I)
# A save promised with nothing concrete: no comparison, product or date, only "something to show we're as good"
# the customer's own comparison asked about ("are you comparing us with anyone?", «ви порівнюєте нас із кимось
# конкретним?»): a diagnosis question, not a side-by-side put forward
_THEIR_COMPARISON = re.compile(r"\b(?:are|were|have) you (?:\w+ ){0,2}?compar\w*|\bdo you (?:\w+ )?compar\w*|"
                               r"(?<!\w)(?:ви|вас) (?:\w+ ){0,2}?порівню\w*|(?<!\w)порівнюєте|(?<!\w)порівнювали", re.I)
_VAGUE_SAVE = re.compile(r"\b(?:(?:come up with|figure out|work out|think of|put together|find) something|(?:put|pull) "
                         r"something together)\b[^.?!]{0,40}"
                         r"\b(?:show|prove|convince)|\b(?:show|prove) (?:you )?(?:that )?we(?:'re| are) "
                         r"(?:not worse|just as good|as good|better|no worse)\b|"
                         r"(?<!\w)(?:щось (?:придума\w*|підготу\w*|вигада\w*)|"
                         r"(?:придума\w*|підготу\w*|вигада\w*) щось)(?!\w)[^.?!]{0,40}(?:показати|довести|переконати)|"
                         r"(?<!\w)(?:показати|довести),? що ми (?:не гірш\w*|кращ\w*|не поступаємося)", re.I)
_GRANT = re.compile(r"as (?:you )?(?:asked|requested)|\bi'?ll (?:just )?(?:process|cancel|remove|cut|make the change|"
                    r"halve|reduce|lower|downgrade|put you (?:down )?(?:to|on)|take you (?:down )?to|drop you to)\b|"
                    r"we'?ll (?:drop|remove|do|cut|cancel|process)|go ahead|consider it done|"
                    r"\byou'?(?:ll be|re| are| will be) (?:down )?on \d+ (?:seats?|licen[cs]es?|users?)\b|"
                    r"\b(?:will|'ll) be (?:switched off|turned off|removed|cancell?ed|dropped|stopped|processed)\b|"
                    r"(?<!\w)у вас (?:буде|залишиться|лишиться) \d+ (?:місц|ліценз|користувач)\w*|оформлю|приберемо|"
                    r"як ви (?:й |і |же )?просили|як ви (?:й |і )?хотіли|"
                    # "give you exactly what you asked for", "зробимо, як ви просите": the request granted as it stands
                    r"\bgive you (?:exactly |just )?what you (?:asked|wanted|requested)\b|"
                    r"(?<!\w)(?:зробимо|зроблю|робимо),? (?:саме |все )?(?:так,? )?як ви (?:й |і )?(?:просите|хочете)(?!\w)", re.I)
# Processing the request: sending the cancellation paperwork, offboarding (a close, whatever came before).
# "I've put the cancellation through", "Я вже надіслав вам форму про непродовження": done, in the past tense.
_OFFBOARD = re.compile(r"\b(?:send|email|give|mail) (?:me|us) (?:your |a |the )?(?:written |formal )?notice\b|"
                       # "please send us a formal letter ... and we'll handle the rest", "надішліть, будь ласка,
                       # офіційний лист": the notice asked for, under another name
                       r"\b(?:send|email|give|mail) (?:me|us)(?:,? please,?)? (?:your |a |an |the )?(?:written|formal|"
                       r"official|signed) (?:notice|letter|email|request|confirmation)\b|"
                       r"(?<!\w)(?:надішліть|надіслати|направте)(?:,? будь ласка,?)? (?:нам )?(?:офіційн\w+|письмов\w+) "
                       r"(?:лист|повідомлення|запит)|"
                       # "... and we'll confirm the end date and help you export your dashboards": the steps taken on
                       r"\b(?:we'?ll|i'?ll|we will|i will) (?:\w+ ){0,6}?help you (?:with the )?export\b|"
                       r"\b(?:we'?ll|i'?ll|we will|i will) confirm the end date\b|"
                       r"\b(?:we'?ll|i'?ll|we will|i will) export (?:your|all|the)\b|"
                       r"(?<!\w)надішліть (?:\w+ )?(?:письмове )?повідомлення (?:про|щодо) (?:завершення|розірвання|"
                       r"непродовження)|"
                       # "надішліть офіційний лист, і ми закриємо договір", "we'll close the account"
                       r"(?<!\w)(?:надішліть|надіслати) (?:\w+ )?(?:офіційн\w+|письмов\w+) (?:лист|повідомлення)|"
                       r"(?<!\w)лист\w* (?:про|щодо) (?:непродовження|розірвання|завершення|скасування)|"
                       r"(?<!\w)(?:і|й|та) ми (?:все |усе )?закриємо(?: договір| акаунт| співпрацю)?(?!\w)|"
                       r"(?<!\w)закриємо (?:договір|акаунт|співпрацю)(?!\w)|"
                       r"\b(?:we'?ll|i'?ll|we will|i will) close (?:the|your) (?:contract|account|agreement)\b|"
                       r"\b(?:i'?ll|we'?ll|i will|we will|let me|i'?ve|we'?ve|i have|we have)\b[^.?!]{0,40}\b"
                       r"(?:cancellation|offboarding|"
                       r"termination|data export)\b|\bprocess (?:it|that|the (?:cancellation|request))\b|"
                       r"(?:підготую|надішлю|оформлю|оформимо|надішлемо|підготуємо|надіслав|надіслала|надіслали|"
                       r"оформив|оформила|оформили|підготував|підготувала|підготували)[^.?!]{0,40}"
                       r"(?:документ\w* (?:для|на|щодо) (?:завершенн|розірванн|скасуванн)|скасуванн|розірванн|"
                       r"непродовженн|припиненн|"
                       r"заверш\w+ (?:договір|співпрац\w*)|завершенн)|"
                       r"\b(?:i'?ll|we'?ll|i will|let me)\b[^.?!]{0,30}\b(?:send|share)\b[^.?!]{0,30}\b(?:how to "
                       r"(?:cancel|end|close)|termination|cancellation (?:steps|form|checklist))",
                       re.I)
# The paperwork for a change ("Done.", "I'll get the paperwork going", "I'll send the amendment over"): a close;
# a grant only when no counter came before it.
_PAPERWORK = re.compile(r"^(?:ok(?:ay)?,? |great,? |right,? )?(?:done|(?:all |that'?s |it'?s )?sorted)\b|"
                        r"\b(?:i'?ll|we'?ll|i will|we will|let me)\b[^.?!]{0,20}\b(?:get|start|send|draw up|prepare|"
                        r"put through)\b[^.?!]{0,20}\b(?:paperwork|amendment|change form)\b|"
                        r"(?:підготую|надішлю|оформлю)[^.?!]{0,20}(?:документи|зміни до договору|"
                        r"додаткову угоду)", re.I)
# The request processed only if the save or plan put forward in the same turn fails ("If it doesn't hold up,
# I'll process the cancellation myself"): the decision accepted, not granted now. "... if you'd like" grants it.
_CONDITIONAL = re.compile(r"^\W*(?:(?:and|but|then|so|а|і|але|тоді)\s+)?(?:if|unless|should (?:it|that|this)|якщо|якби|"
                          r"у разі)\b|,\s*(?:if|unless|якщо|у разі)\b(?! you(?:'d| would)? (?:like|want|prefer|"
                          r"wish)\b)",
                          re.I)
# "a 30% reduction isn't something we can simply switch on": a negated "we can"
_NEGATED = re.compile(r"\b(?:isn'?t|is not|not) (?:something|possible|an option)\b|\bcan'?t\b|\bcannot\b|\bwon'?t be\b|"
                      r"\bunable\b|(?<!\w)(?:не можемо|не можу|неможлив\w*|не передбачен\w*|не вийде)(?!\w)", re.I)
# the order of the steps, not a refusal ("We can't offer the right alternative until we understand why", «не можемо нічого
# запропонувати, поки не зрозуміємо причину»)
_UNTIL_UNDERSTOOD = re.compile(r"\b(?:can'?t|cannot|won'?t)\b[^.?!]{0,60}\buntil (?:we|i) (?:\w+ )?(?:understand|know|hear|"
                               r"see)\b|(?<!\w)не (?:можемо|можу|будемо)[^.?!]{0,60}поки не (?:зрозуміємо|зрозумію|"
                               r"дізнаємося|дізнаюся|почуємо)", re.I)
# A bare "nothing (for now)" ("Поки нічого."): the answer to "what do you need from us?", not a refusal.
_NOTHING_YET = re.compile(r"^\W*(?:nothing|not a thing|(?:поки(?: що)? |наразі )?нічого)"
                          r"(?: (?:yet|for now|at the moment|"
                          r"just yet|right now|поки|наразі|поки що))?\W*$", re.I)
# "Nothing, we just restart billing in March.", "Нічого, просто з березня відновимо оплату.": the answer to "what do you
# need from us?", then the plan; nothing refused
_NOTHING_ASKED = re.compile(r"^\W*(?:(?:поки(?: що)?|наразі|honestly|really)\s+)?(?:nothing|not a thing|нічого)(?: (?:at all|"
                            r"really|зовсім|взагалі|yet|for now|just yet|right now|at this stage|поки що|поки|наразі))?"
                            r"\s*[,:;—–-]", re.I)
# "Nothing until the comparison is done.", "До порівняння — нічого.": nothing asked before a step the offer waits on
_NOTHING_UNTIL = re.compile(r"^\W*(?:nothing|not a thing)(?: (?:at all|yet))? (?:until|till|before) [^.?!]{1,60}[.!]?\s*$|"
                            r"^\W*(?:до|поки не) [^.?!,:;—–-]{1,40}\s*[,:;—–-]\s*(?:поки що |поки |наразі )?нічого\W*$|"
                            r"^\W*нічого(?: не треба| не потрібно)?,? (?:до|поки не) [^.?!]{1,60}[.!]?\s*$", re.I)
# "Only the signature on the extension.", "Тільки підпис під подовженням.": the one term asked for the offer on the table
_ONLY_SIGNATURE = re.compile(r"^\W*(?:just|only|simply|лише|тільки|просто)\s+(?:(?:a|the|your)\s+)?(?:signature|"
                             r"sign-?off|підпис\w*)\b(?![^.?!]{0,40}\b(?:no|not|without|без|ні)\b)[^.?!,;:]{0,40}[.!]?\s*$",
                             re.I)
# "The 24-month renewal, nothing else.", "Лише продовження на два роки, більше нічого.": the term asked for the offer
# on the table, and that it is all; nothing refused
_ONLY_TERM = re.compile(r"^\W*(?!(?:no|not|without|без|ні)\b)(?:(?:just|only|simply|лише|тільки|просто)\s+)?"
                        r"(?:(?:a|an|the|your)\s+)?(?![^.?!,;:]{0,30}?\b(?:no|not|without|без)\b)[^.?!,;:]{0,30}?"
                        r"\b(?:extension|renewal|commitment|signature|term|продовження|подовження|підпис\w*)\b"
                        r"[^.?!,;:]{0,20}\s*[,:;—–-]\s*(?:(?:and\s+)?nothing (?:else|more)|that'?s (?:it|all)|"
                        r"(?:і|та)?\s*(?:більше )?нічого(?: більше| іншого)?|це все)\W*$", re.I)
# The steps for ending sent on ("Процедуру надішлю.", "I'll send you the steps."): the request taken on
_SENDS_STEPS = re.compile(r"\b(?:i'?ll|i will|we'?ll|we will|let me)\s+(?:\w+\s+)?(?:send|email|share)\s+(?:you\s+)?"
                          r"(?:over\s+)?(?:the|all the)\s+(?:\w+\s+)?(?:steps|process|procedure|instructions)\b|"
                          # "I'll send over a short offboarding checklist so you have it to hand"
                          r"\b(?:i'?ll|i will|we'?ll|we will|let me)\s+(?:\w+\s+)?(?:send|email|share)\s+(?:you\s+)?"
                          r"(?:over\s+)?(?:a|an|the|our|your)\s+(?:[\w-]+\s+){0,2}(?:checklist|guide|step-by-step|"
                          r"how-to|walkthrough)\b|"
                          r"(?<!\w)(?:(?:надішлю|скину|пришлю|відправлю)\s+(?:вам\s+)?(?:покроков\w*\s+)?(?:процедуру|"
                          r"інструкці\w*|кроки|порядок (?:дій|завершення|розірвання|припинення|скасування|непродовження))|(?:процедуру|інструкцію|кроки)\s+(?:вам\s+)?(?:надішлю|скину|"
                          r"пришлю|відправлю))(?!\w)", re.I)
# "When you say ..., is it ...?", "Коли ви кажете ..., це ...?": a question that clarifies the customer's words
_CLARIFIES = re.compile(r"^\W*(?:(?:so|and|ok(?:ay)?),?\s+)?when you say\b|^\W*(?:(?:а|і|то),?\s+)?коли ви (?:кажете|"
                        r"говорите|пишете)\b", re.I)
# a proposal worded as a question ("why don't you take a year off?", "а чому б вам не взяти паузу?"): it asks
# nothing about the cause
_PROPOSAL_Q = re.compile(r"\bwhy (?:don'?t|not) (?:you|we)\b|\bhow about (?:we|you|a|an|taking|moving|pausing|"
                         r"keeping|putting|switching)\b|\bwhat if (?:we|you|i)\b|\bwhy not\b|"
                         r"(?<!\w)(?:чому б (?:вам|нам|не)|а якщо (?:ми|ви) (?:просто )?(?:візьмемо|зробимо|"
                         r"призупинимо|поставимо|перенесемо)|як щодо того,? щоб)(?!\w)", re.I)
# the agreement said to run on by the paused or given months ("the agreement is extended by six months")
_EXTENDED = re.compile(r"\b(?:is|gets|will be|would be) extended\b|\bextends? (?:by|for)\b|"
                       r"(?<!\w)(?:подовж|продовж)\w*(?:ся|ться)(?!\w)", re.I)
# a giveaway said to come with nothing asked ("no strings", "nothing needed from you for that")
_FOR_NOTHING = re.compile(r"\bnothing (?:needed|required|asked|expected|in return)\b|\bno (?:catch|strings)\b|"
                          # given apart from the deal: "regardless of that", "whatever you decide", "незалежно від цього"
                          r"\bregardless(?: of (?:that|this|the \w+|what you decide|whether you \w+))?\b|"
                          r"\bwhatever you decide\b|\bseparate(?:ly)? from (?:that|this|the \w+)\b|"
                          # "it's yours either way", "yours regardless", «це ваше в будь-якому разі»
                          r"\byours (?:either way|anyway|regardless|whatever happens)\b|"
                          r"(?<!\w)(?:ваш\w*|для вас),? (?:у|в) будь-якому (?:разі|випадку)(?!\w)|"
                          r"(?<!\w)(?:незалежно від (?:цього|того|рішення|вашого рішення)|окремо від цього)(?!\w)|"
                          r"\bfor nothing\b|\bwith no (?:conditions|strings)\b|(?<!\w)(?:нічого не (?:треба|потрібно|"
                          r"вимагаємо)|без (?:жодних )?(?:умов|зобов['’]язань)|просто так)(?!\w)", re.I)
# the offer left open ("The offer stands if it helps.", "Пропозиція залишається в силі."): nothing refused
_OFFER_OPEN = re.compile(r"\b(?:offer|proposal|option)s?\b[^.?!]{0,15}\b(?:still )?(?:stands?|remains? (?:open|on the "
                         r"table|available)|(?:is|stays) (?:still )?(?:open|on the table|there))\b|"
                         r"(?<!\w)пропозиці\w*[^.?!]{0,15}(?:в силі|чинн\w*|актуальн\w*|залишається|лишається)(?!\w)",
                         re.I)
# a choice left for a later talk ("... and we decide together whether we restart or right-size"): not given now
# ("look at a smaller package if you're open to extending" is a condition asked back, not a later choice)
_LATER_CHOICE = re.compile(r"\b(?:decide|see|look at|talk about|discuss)\w*\b[^.?!]{0,30}\b"
                           r"(?:whether|if(?! you(?:'re| are|"
                           r"'d be| would be)? (?:open|willing|happy|ok|okay|prepared|ready|extend|sign|commit|renew|"
                           r"agree|stay)))\b[^.?!]*|"
                           r"(?<!\w)(?:виріш\w*|подивимос\w*|обговорим\w*)[^.?!]{0,30}(?<!\w)чи(?!\w)[^.?!]*", re.I)
# proposing a time for the next meeting ("Пропоную 12 січня", "How about Tuesday the 12th for the demo")
_MEET_ON = re.compile(r"^(?:i'?d )?(?:propose|suggest|how about|what about|shall we say|let'?s (?:say|do|book|meet))\b|"
                      # "Let's hold it on 13 January", "Let's run the session on the 9th": the meeting put on a day
                      r"^(?:(?:great|good|perfect|then|so|ok(?:ay)?)[,.!]?\s+)?let'?s (?:hold|run|have|schedule|set|"
                      r"pencil|fix|put) (?:it|that|this|the (?:\w+[- ])?(?:session|call|meeting|comparison|review|demo|"
                      r"side-by-side))\b|"
                      # "Then 13 January, before your decision", "Тоді 13 січня, до вашого рішення": a day put forward
                      r"^(?:then|so|тоді|отже)[,\s]+(?:on )?(?:the )?\d{1,2}(?:st|nd|rd|th|-?го)?\s+(?:of\s+)?(?:jan|feb|mar|"
                      r"apr|may|jun|jul|aug|sep|oct|nov|dec|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|"
                      r"груд)\w*|"
                      r"^(?:пропоную|давайте|може)\b", re.I)
# an appointment: a weekday with its date ("Wednesday 13 January", "Tuesday, March 3rd", "Вівторок, 19 січня",
# "в середу, 13 січня"): a time booked for the next contact, even with no verb
_APPOINTMENT = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|"
    r"mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d{1,2}"
    r"(?:st|nd|rd|th)?)\b|(?<!\w)(?:понеділ\w+|вівтор\w+|серед[аиуі]|четвер\w*|п['’]ятниц\w+|субот\w+|неділ\w+),?\s+"
    r"\d{1,2}(?:-?го)?\s+(?:січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)\w*", re.I)
_AFTER_LOCK = re.compile(r"\b(?:once|when|after|as soon as)\s+(?:the|your)\s+(?:\w+[- ]month\s+)?lock(?:[- ]in)?"
                         r"(?:\s+period)?\s+(?:ends|is over|expires|runs out|lifts|finishes)\b|\bafter the lock\b|"
                         r"(?<!\w)(?:після|щойно|коли)\s+(?:\w+\s+){0,2}(?:закінч|мин|сплив)\w*\s+(?:\w+\s+)?"
                         r"(?:блокуванн|мораторі|lock)\w*", re.I)
# a next contact named ("I'll call you", "check in", "зателефоную")
_CONTACT = re.compile(r"\b(?:call|ring|phone|check[- ]in|check back|catch up|meet|meeting|talk|speak|follow[- ]up|"
                      r"touch base|reach out|ping|email you|review)\b|(?<!\w)(?:зателефон\w*|набер\w*|зв['’]яж\w*|"
                      r"зустр\w*|напиш\w*|поговор\w*)", re.I)
# Offboarding steps put on a date ("we'll schedule your data export for the end of the term", "закриємо
# доступи в кінці строку і вивантажимо ваші дані"): the request processed, not a next contact.
_OFFBOARD_STEP = re.compile(r"\bdata export\b|\bwrap (?:things|it|everything|this|the account) up\b|"
                            r"\bwind (?:things|it|everything|the account) down\b|"
                            r"(?<!\w)(?:оформимо|оформлю|оформлюємо) (?:завершення|закриття)|завершимо співпрацю|"
                            r"\bexport (?:of )?(?:all )?your (?:data|reports|files)\b|\bnon-?renewal\b|"
                            r"\boffboard\w*|\b(?:close|closing|switch off|turn off) (?:your |the )?"
                            r"(?:access|accounts?|logins?)\b|"
                            r"(?<!\w)(?:вивантаж\w*|експорт\w* (?:ваших |усіх |всіх )?даних|закри\w* доступ\w*|"
                            r"непродовженн\w*)", re.I)
# Going away to prepare the counter ("let me sit down with our PPC team this week and come back to you with something
# concrete", "обговорю з командою і повернуся до вас із пропозицією"): the next step of this talk
_GOES_AWAY = re.compile(r"\b(?:come|get|circle) back to you with\b|\b(?:sit down|go through (?:it|this|that|the \w+)|"
                        r"work (?:it|this|that) through|look (?:into|at) (?:it|this|that)) with (?:my|our|the) (?:\w+ ){0,2}"
                        r"(?:team|colleagues|manager|lead|deal desk)\b|\b(?:take|bring) (?:it|this|that) (?:back )?to "
                        r"(?:my|our|the) (?:\w+ ){0,2}(?:team|colleagues|manager|lead|deal desk)\b|"
                        r"(?<!\w)повернус[ья]\w* (?:до вас )?(?:з|із) (?:пропозиці\w*|варіант\w*|цифрами|планом|"
                        r"рішенням|чимось)|(?<!\w)(?:обговорю|обговоримо|опрацюю|опрацюємо) (?:це |все )?(?:з|із) "
                        r"(?:командою|колегами|керівник\w*)", re.I)
# Putting the options off until the cause is heard ("I'd like to understand the pressure you're under before we
# talk options", "перш ніж говорити про варіанти"): diagnosis, not a plan.
_DEFERS = re.compile(r"\bbefore (?:we|i|you and i) (?:\w+ )?(?:talk|look at|discuss|get (?:in)?to|go (?:in)?to|"
                     r"jump (?:in)?to|"
                     r"move (?:on )?to|explore|put)\b[^.?!]{0,25}\b(?:options|solutions|numbers|alternatives|offers?|"
                     r"changes|anything)\b|(?<!\w)перш ніж (?:\w+ )?(?:говорити|обговорювати|переходити|шукати|"
                     r"пропонувати|думати)", re.I)
# a clause of a sentence ("Let's start it from December and I'll check in with you in the spring")
_STARTS = re.compile(r"\b(?:start|begin|commence|effective|kick\w* off|take effect|go live|resum|restart|"
                     r"switch\w* (?:on|off))\w*|"
                     r"(?<!\w)(?:почн\w*|почина\w*|стартує\w*|діятиме|набуде|відновимо|відновлюємо|відновлю\w*|"
                     r"відновиться)", re.I)
# the end of the term stated as a fact ("Your term ends on 31 March 2027.", "Договір завершується 31 березня.")
_TERM_ENDS = re.compile(r"^\W*(?:\w+,?\s+){0,2}?(?:your|the|our|ваш|наш)?\s*(?:current\s+)?(?:term|contract|agreement|"
                        r"subscription|договір|контракт)\s+(?:ends|runs out|finishes|expires|runs (?:until|till|to|through)|"
                        r"is valid (?:until|till|to|through)|завершується|закінчується|спливає|діє до|чинний до)\b"
                        r"[^.?!;]{0,40}[.!]?\s*$", re.I)
# How to end it, the question the customer asked: the notice, the steps ("a written notice before that date is all it
# takes", "достатньо письмового повідомлення від вас до цієї дати", "I'll send you the steps")
_NOTICE_STEPS = re.compile(r"\b(?:a |your )?(?:written |formal )?notice (?:\w+ ){0,4}?(?:is (?:all|enough)|is all it takes|"
                           r"will do|suffices)\b|\ball (?:it takes|you need) is (?:a |your )?(?:written |formal )?notice\b|"
                           r"(?<!\w)(?:достатньо|вистачить|потрібно лише|треба лише) (?:\w+ )?(?:письмового|офіційного)? ?"
                           r"(?:повідомлення|листа)(?!\w)", re.I)
# the date a change starts ("suspend Personalisation from January", "скоротити з наступного місяця"): when the
# change begins, not a next contact
_FROM_DATE = re.compile(
    r"(?<!\w)(?:from|starting(?: in| from)?|effective|з|із|від)\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+|"
    r"початку\s+)?(?:\d{1,2}(?:st|nd|rd|th|-?го)?\s+(?:of\s+)?)?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|next (?:month|quarter)|січ\w+|лют\w+|берез\w+|квіт\w+|трав\w+|черв\w+|"
    r"лип\w+|серп\w+|верес\w+|жовт\w+|листопад\w*|груд\w+|наступного (?:місяця|кварталу))(?!\w)", re.I)


# The notice steps themselves, the answer to "how do we end it?" ("Notice goes to billing 60 days before the term
# ends.", "Send written notice 30 days before the end of the term.", "Процедура проста: письмове повідомлення за 30 днів
# до кінця терміну."): the process, stated
EXIT_STEPS = re.compile(r"\b(?:send|give|email|submit|put in|you'?ll need to send)\b[^.?!]{0,25}\b(?:written |formal )?"
                        r"notice\b|\bnotice (?:goes|needs to go|has to go|should go|is due|must reach)\b|"
                        r"(?<!\w)(?:(?:письмове|офіційне) повідомлення за \d+ дн\w*|"
                        r"надішліть (?:\w+ )?(?:письмове |офіційне )?повідомлення)(?!\w)", re.I)
# ... but as a wall: the agreement's clauses, the earliest date, a change "mid-term" (not the ending asked about)
_WALL = re.compile(r"\b(?:under|per|according to|in) (?:your|the) (?:\w+[- ])?(?:agreement|contract)\b|\bsection\b|"
                   r"\bclause\b|\bmid-?term\b|\bearliest\b|\blocked\b|\bcommitted\b|(?<!\w)(?:згідно з|відповідно до|"
                   r"за умовами|пункт\w*|найраніше)(?!\w)", re.I)


def exit_steps(sentence: str) -> bool:
    """States how to end the agreement (the notice steps asked for), not the contract as a wall."""
    return bool(EXIT_STEPS.search(sentence)) and not (_WALL.search(sentence) or stance.THREAT.search(sentence)
                                                      or stance.ARGUE.search(sentence)
                                                      or stance.REFUSES_CHANGE.search(sentence))


def offboards(sentence: str) -> bool:
    """The cancellation's own steps taken on ("we'll confirm the end date and help you export"), not a grant."""
    return bool(_OFFBOARD.search(sentence)) and not _GRANT.search(sentence)


def _dated_from_only(sentence: str) -> bool:
    """Dated only by the start of a change ("from January"), with no next contact named."""
    return not _CONTACT.search(sentence) and timing.timing(sentence) == "dated" and bool(
        _FROM_DATE.search(sentence)) and timing.timing(_FROM_DATE.sub(" ", sentence)) != "dated"


# the bill starting again on a date ("Billing restarts in April", "оплата відновлюється з березня"): the change's
# own date, not a next contact
_BILLING_BACK = re.compile(r"\b(?:billing|payments?|invoic\w*|charges?|fees?)\b[^.?!]{0,20}\b(?:re-?start|resum|start|"
                           r"kick\w* in|begin)\w*|(?<!\w)(?:оплата|рахунк\w*|платеж\w*|платіж\w*)[^.?!]{0,20}"
                           r"(?:відновлю|відновить|почина|почнеться|підуть|піде|надход|виставля)\w*", re.I)
# a concession only set aside ("No discount, no new paperwork.", "Без знижок і без нових підписів."): a limit, not
# a refusal of the change put forward
_SET_ASIDE_ONLY = re.compile(r"^\W*(?:no|without|без)\b[^.?!]{0,15}\b(?:discounts?|price cuts?|знижок|знижки)\b"
                             r"[^.?!]{0,40}[.!]?\s*$", re.I)  # its own full stop too ("Без знижок, тільки факти.")
# the price said to stay put inside a save ("No price games.", "Ціну не чіпаємо, показуємо продукт."): no
# discount is the save's own term, not a refusal of the change
_PRICE_KEPT = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:no (?:price|discount) (?:games|tricks|haggling)|we (?:don'?t|won'?t) "
                         r"touch the price|the price (?:stays|doesn'?t change)|(?:ціну|ціни) не (?:чіпаємо|змінюємо|"
                         r"торкаємося)|ціна (?:не змінюється|лишається|залишається))\b[^.?!]{0,40}[.!]?\s*$", re.I)
# the spend kept while it is moved ("Same spend, but it goes where the calls come from.", "Той самий бюджет, але він
# піде на рекламу."): the terms of a reallocation, nothing refused
_SAME_SPEND_MOVED = re.compile(# "Same plan, same price, and nothing sits in a queue.": the terms of a fix
                               r"^\W*same (?:plan|package|setup|service|team|scope),? (?:and )?(?:the )?same "
                               r"(?:price|spend|budget|bill|fee|cost)\b|"
                               r"^\W*(?:той самий|той же|такий самий) (?:пакет|план|тариф),? (?:і )?(?:та сама|та ж|такий "
                               r"самий|той самий) (?:ціна|бюджет|рахунок|вартість)(?!\w)|"
                               r"^\W*(?:(?:the|your)\s+)?same (?:spend|budget|bill|total|money|investment|price)\b"
                               r"[^.?!]{0,15}\b(?:but|just|only|and)\b[^.?!]{0,30}\b(?:goes|go|going|moves?|moved|"
                               r"shifts?|spent|put|works?|working|lands?|redirected)\b|"
                               r"^\W*(?:той самий|той же|такий самий|та сама|та ж) (?:бюджет|сума|рахунок)\w*"
                               r"[^.?!]{0,15}(?:але|просто|лише|тільки)[^.?!]{0,30}(?:піде|підуть|йде|працю|спрямо|"
                               r"перерозподіл|витрач)", re.I)
# a commitment said as a bare noun phrase ("A 24-month renewal at $4,500", "Just the two-year extension", "Лише
# продовження договору на 24 місяці"): no verb of its own, it names what is asked for the offer on the table
_ANSWERS_TERM = re.compile(r"^\W*(?:(?:just|only|simply|all i need is|all we need is|лише|тільки|просто)\W+)?"
                           r"(?:(?:a|an|the|your)\s+)?(?:\w+[- ]\w+[- ]|\w+[- ])?(?:extension|renewal|commitment|term|"
                           r"agreement|contract|продовження|подовження|підпис\w*|договір)\b", re.I)
_TERM_LENGTH = re.compile(r"\d+[\s-]*(?:(?:paused|extra|more|further|additional|призупинен\w*|додатков\w*)\s+)?"
                          r"(?:years?|months?|рок\w*|рік|місяц\w*)|\b(?:two|three|one)[\s-]years?\b|"
                          r"\b(?:multi-?year)\b|(?<!\w)(?:два|три|дворічн\w*|трирічн\w*) ?(?:роки|рок\w*)?", re.I)
_CLAUSES = re.compile(r",?\s+(?:and|but|then|і|й|та|а)\s+|;\s*", re.I)


def _follow_up_timing(sentence: str) -> str:
    """The timing of a sentence's follow-up: where a clause without a follow-up dates a change ("Let's start
    it from December and I'll check in in the spring"), the follow-up's own clauses say when."""
    when = timing.timing(sentence)
    parts = [c for c in _CLAUSES.split(sentence) if c.strip()]
    if when != "dated" or len(parts) < 2:
        return when
    contact = [c for c in parts if timing.follow_up(c)]
    change = [c for c in parts if not timing.follow_up(c) and timing.timing(c) == "dated"
              and (_STARTS.search(c) or offers.concession(c) or _GRANT.search(c))]
    if not contact or not change:
        return when
    order = {"dated": 2, "rough": 1, "none": 0}
    return max((timing.timing(c) for c in contact), key=order.__getitem__)


_SUBORDINATE = re.compile(r"(?:that|because|since|how|що|бо|адже|як)\b", re.I)
_AE = re.compile(r"account executive|\bAE\b|sales (?:lead|director)|менеджер\w* з продаж", re.I)


def _asked_cut(persona: Persona) -> int | None:
    """The seats the customer asked to remove (from the persona's request), when it is a seat cut."""
    seats, r = persona.account.seats, persona.request
    if r.kind != "seat_reduction" or not seats:
        return None
    return r.seats or (round(seats * r.reduction_pct / 100) if r.reduction_pct else None)


def _offer_shape(offer: ProposedOffer, mrr: float) -> Shape:
    if offer.pause_months:
        return "pause"
    return "reduce" if offer.new_mrr < mrr - 0.005 else "hold"


def price_offer(x: offers.Extracted, persona: Persona, policy: Policy, *, requested_mrr: float | None,
                hardship: Hardship | None, previous: dict[str, Any] | None, context: str = "") -> OfferRecord:
    """Price an extraction (a bare term amends the previous offer) and run the policy checks. `context`:
    the whole turn ("The agreement simply extends by the months paused." may follow the pause)."""
    account = persona.account
    notes = list(x.notes)
    amended = False
    restated = previous is not None and x.new_mrr is not None and abs(x.new_mrr - previous.get("new_mrr", -1)) < 1 \
        and x.seats is None and x.seat_cut_pct is None and not x.removed and x.pause_months is None
    if restated and previous is not None:  # "Just the 24-month renewal at $4,500": the package offered before
        offer = ProposedOffer.model_validate({**previous, "hardship": hardship, "term_extension_months": x.term_months
                                              or previous.get("term_extension_months")})
        amended = True
        notes.append("restates the price of the previous offer")
    elif not x.priced and previous is not None:
        offer = ProposedOffer.model_validate({**previous, "term_extension_months": x.term_months,
                                              "hardship": hardship})
        amended = True
        notes.append("adds a term to the previous offer")
    else:
        offer = offers.to_offer(x, account, requested_mrr=requested_mrr, hardship=hardship)
        unstated = [n for n in notes if n.startswith("pause length not stated")]
        if offer.pause_months and unstated:
            if previous and previous.get("pause_months"):  # the pause restated: its length stands
                span, why = previous["pause_months"], "the length of the pause offered before"
            else:  # "pause right through to the end of July"
                span, why = timing.months_through(f"{x.quote} {context}", persona.today), "the months named"
            if span:
                offer = offer.model_copy(update={"pause_months": span})
                notes = [n for n in notes if n not in unstated] + [f"pause length: {span} months ({why})"]
        if offer.pause_months and (offer.term_extension_months is None or _EACH_MONTH.search(x.quote)) and \
                _SAME_MONTHS.search(f"{x.quote} {context}"):
            offer = offer.model_copy(update={"term_extension_months": offer.pause_months})
            notes.append("extends the agreement by the paused months")
        elif offer.pause_months and offer.term_extension_months is None and previous and \
                previous.get("pause_months") and previous.get("term_extension_months"):
            # the pause restated ("pause through June, billing resumes in July"): its extension stands
            offer = offer.model_copy(update={"term_extension_months": previous["term_extension_months"]})
            notes.append("keeps the extension of the pause offered before")
        elif offer.term_extension_months is None and previous and previous.get("term_extension_months") \
                and not offer.pause_months:  # a pause is its own offer: a discount's term does not carry over
            offer = offer.model_copy(update={"term_extension_months": previous["term_extension_months"]})
            notes.append(f"keeps the {previous['term_extension_months']}-month term offered before")
    # "take Social Media off once the lock ends": the change starts when the lock is over, so it is
    # checked on that day
    when = persona.today
    ends = lock_ends(account, policy)
    if ends is not None and ends > when and _AFTER_LOCK.search(f"{x.quote} {context}"):
        when = ends
        notes.append(f"starts when the lock ends ({ends})")
    try:
        checks = check_offer(account, offer, policy, when)
    except CoachInputError as exc:  # e.g. a service the account does not have
        notes.append(str(exc))
        checks = []
    return OfferRecord(quote=x.quote, offer=offer.model_dump(mode="json"),
                       shape=_offer_shape(offer, account.mrr), amended=amended, checks=checks, notes=notes)


def _granted(persona: Persona, policy: Policy, quote: str, requested_mrr: float | None,
             hardship: Hardship | None) -> OfferRecord:
    """"OK, I'll cancel it" / "we'll remove PPC as you asked": the customer's own request, as is."""
    mrr = requested_mrr if requested_mrr is not None else 0.0
    # the request as asked: fewer seats or fewer services, not a discount on the same package
    r, account = persona.request, persona.account
    seats = account.seats - cut if (cut := _asked_cut(persona)) and account.seats else None
    kept = [s.name for s in account.services if s.name not in r.modules] if r.modules and mrr > 0 else None
    offer = ProposedOffer(new_mrr=mrr, hardship=hardship, requested_mrr=requested_mrr, seats=seats,  # type: ignore[arg-type]
                          services_kept=kept)
    checks = check_offer(persona.account, offer, policy, persona.today)
    return OfferRecord(quote=quote, offer=offer.model_dump(mode="json"),
                       shape=_offer_shape(offer, persona.account.mrr), as_requested=True, checks=checks)


def analyse(text: str, persona: Persona, policy: Policy, *, embedder, requested_mrr: float | None,
            hardship: Hardship | None = None, previous_offer: dict[str, Any] | None = None,
            first_turn: bool = False, own: OwnWords = EMPTY, countered: bool = False,
            planned: bool = False) -> TurnAnalysis:
    """Analyse a trainee turn; raises CoachInputError when it is empty. Sentences in `own` (the
    coach's own template wording) never count as pushback, refusal or an empathy-only "offer"."""
    if not isinstance(text, str) or not text.strip():
        raise CoachInputError("text: the turn is empty", field="text")
    text = text.strip()[:MAX_TURN_CHARS]
    parts = moves.sentences(text)
    injected = [p for p in parts if moves.is_injection(p)]
    clean = [p for p in parts if p not in injected]
    # the customer's own comparison asked about ("are you comparing us with anyone?"): a question about the cause
    sentences = [moves.Sentence(s.text, "ask:competitive_displacement", s.share, True, s.pushback_words)
                 if s.question and not s.topic and s.label not in ("pushback", "refuse")
                 and _THEIR_COMPARISON.search(s.text) else s for s in moves.classify(clean, embedder)]
    a = TurnAnalysis(language=moves.language_of(text), injected=injected)
    mine = {s.text for s in sentences if s.text in own}
    a.own = [s.text for s in sentences if s.text in mine]
    a.moves = list(dict.fromkeys(s.label for s in sentences))
    # "A 24-month extension at that rate.", "Продовження договору на 24 місяці за новою ціною.": the commitment
    # named as the answer to "what would you want in return?" after an offer is that offer's term
    answers = {p for p in clean if previous_offer is not None and _ANSWERS_TERM.search(p) and "?" not in p
               and not _NEGATED.search(p) and offers.commitment(p) and _TERM_LENGTH.search(offers.digits(p))}
    mine = mine | answers
    proposing_parts = offers.offer_sentences(clean, also=mine)
    for i, s in enumerate(sentences):
        if s.label in ("pushback", "refuse") and not s.pushback_words and offers.commitment(s.text) and \
                _TERM_LENGTH.search(offers.digits(s.text)) and (_EXTENDED.search(s.text) or offers.IN_RETURN.match(s.text)) and not (
                _NEGATED.search(s.text) or stance.THREAT.search(s.text) or stance.REFUSES_CHANGE.search(s.text)):
            # "... а договір подовжиться рівно на шість місяців", «А натомість продовжуємо договір на 24 місяці»: the
            # exchange named, not an argument
            sentences[i] = moves.Sentence(s.text, "other", s.share, s.question, s.pushback_words)
    labels = {s.text: s.label for s in sentences}
    # "you're in month 15 of a 24-month agreement, so ..." names a term to argue, it does not offer one
    # ... but the commitment asked for an offer already made ("Лише підписати продовження на два роки") is the offer
    contract_talk = {p for p in proposing_parts if p not in mine and (
        stance.ARGUE.search(p) or first_turn and stance.CONTRACT_FIRST.search(p)) and not offers.commitment(p)} | {
        p for p in proposing_parts if labels.get(p) in ("pushback", "refuse") and p not in mine
                     and not (previous_offer is not None and offers.commitment(p) and not _NEGATED.search(p))
                     and (not offers.extract([p], persona.account, also=[p]).priced or stance.THREAT.search(p)
                          or stance.CONTRACT.search(p) and _NEGATED.search(p))}
    priced = {p for p in proposing_parts if p not in contract_talk
              and not offers.extract([p], persona.account, also=[p]).empty}  # a carried sentence prices the offer
    x_first = offers.extract([p for p in clean if p not in contract_talk], persona.account,
                             policy.pause.default_months, policy.multi_year.default_extension_months, also=mine,
                             asked_cut=_asked_cut(persona), asked_services=persona.request.modules)
    announced = False  # the sentence before proposed something ("Here's what I'd propose.", "Тоді пропоную так.")
    for s in sentences:
        label = s.label
        if label in ("pushback", "refuse") and not s.pushback_words and (
                stance.only_acknowledges(s.text) or stance.accepts_decision(s.text)):
            label = "acknowledge"  # "Ending at the end of the quarter, understood." takes the request on
        if label in ("pushback", "refuse") and not s.pushback_words and stance.CONCEDES.search(s.text) and not (
                stance.REFUSES_CHANGE.search(s.text) or stance.THREAT.search(s.text) or stance.GUILT.search(s.text)):
            label = "acknowledge"  # "That isn't good enough, and I won't defend it." sides with the complaint
        if label in ("pushback", "refuse") and not s.pushback_words and _SET_ASIDE_ONLY.match(s.text):
            label = "other"  # "No discount, no new signatures.": the terms of a save, nothing refused
        if label in ("pushback", "refuse") and not s.pushback_words and _PRICE_KEPT.match(s.text):
            label = "other"  # "Ціну не чіпаємо, показуємо продукт.": the save's terms, nothing refused
        if label in ("pushback", "refuse") and not s.pushback_words and _SAME_SPEND_MOVED.match(s.text):
            label = "other"  # "Same spend, but it goes where the calls come from.": a reallocation's terms
        if label in ("pushback", "refuse") and not s.pushback_words and _OFFER_OPEN.search(s.text) and not (
                stance.REFUSES_CHANGE.search(s.text) or stance.THREAT.search(s.text)):
            label = "other"  # "The offer stands if it helps.": an offer kept open, nothing refused
        if label in ("pushback", "refuse") and not s.pushback_words and _TERM_ENDS.match(s.text) and any(
                _OFFBOARD.search(p) for p in clean):
            label = "other"  # "Your term ends on 31 March 2027." beside the notice steps: the process asked for
        if label in ("pushback", "refuse") and not s.pushback_words and (_NOTHING_YET.match(s.text) or (
                _NOTHING_ASKED.match(s.text) and not (stance.REFUSES_CHANGE.search(s.text) or _NEGATED.search(s.text)
                                                      or stance.ARGUE.search(s.text)))):
            label = "other"  # "Nothing for now." answers "what do I need to sign?": nothing is asked, nothing refused
        if label in ("pushback", "refuse") and not s.pushback_words and _UNTIL_UNDERSTOOD.search(s.text) and not (
                stance.THREAT.search(s.text) or stance.REFUSES_CHANGE.search(s.text)):
            label = "other"  # the diagnosis put before any offer, nothing refused
        if label in ("pushback", "refuse") and not s.pushback_words and (
                _NOTHING_UNTIL.match(s.text) or _ONLY_SIGNATURE.match(s.text)) and not (
                stance.REFUSES_CHANGE.search(s.text) or _NEGATED.search(s.text) or stance.ARGUE.search(s.text)
                or stance.THREAT.search(s.text)):
            label = "other"  # "Nothing until the test is done.", "Only the signature.": what the offer asks, not a refusal
        if first_turn and label in ("pushback", "refuse") and not s.pushback_words and exit_steps(s.text):
            label = "other"  # "Notice goes to billing 60 days before the term ends.": the process asked for
        if label in ("pushback", "refuse") and not s.pushback_words and _ONLY_TERM.match(s.text) and not (
                _NEGATED.search(s.text) or stance.THREAT.search(s.text) or stance.REFUSES_CHANGE.search(s.text)):
            label = "other"  # "The 24-month renewal, nothing else." answers "what would you want in return?"
        if label in ("pushback", "refuse") and not s.pushback_words and not stance.leans_on_terms(s.text) and \
                timing.follow_up(s.text) and timing.timing(s.text) == "dated":
            label = "trigger"  # "Side-by-side on 14 January, and a decision call on the 28th" sets the next step
        # the end date given as the answer to "how do we end it?", beside the notice or the steps ("Ваш договір діє до
        # 31 травня 2027 року; ... достатньо письмового повідомлення"): the process asked for, not contract talk
        answers_how = first_turn and not s.pushback_words and bool(_TERM_ENDS.match(s.text)) and any(
            _NOTICE_STEPS.search(p) or _SENDS_STEPS.search(p) or _OFFBOARD.search(p) for p in clean) and not (
            stance.THREAT.search(s.text) or stance.ARGUE.search(s.text) or stance.REFUSES_CHANGE.search(s.text))
        argues = bool(stance.ARGUE.search(s.text) or stance.THREAT.search(s.text)) or (
            # "I should mention, though, that your rate was set on the 120-seat tier of the subscription"
            first_turn and not s.question and not answers_how and (stance.but_contract(s.text) or bool(
                stance.CONTRACT_FIRST.search(s.text)))) or (
            first_turn and stance.pitches(s.text))  # "Our platform has AI bid optimisation": arguing for the product
        refuses = bool(stance.REFUSES_CHANGE.search(s.text)) and not stance.LIMIT.search(s.text)
        if s.topic and _PROPOSAL_Q.search(s.text):
            s = moves.Sentence(s.text, "other", s.share, s.question, s.pushback_words)  # a proposal, not a question
        if s.topic and stance.PERSUADE.search(s.text):
            s = moves.Sentence(s.text, "other", s.share, s.question, s.pushback_words)  # persuading, not asking
        if s.topic and "?" not in s.text and timing.follow_up(s.text):
            s = moves.Sentence(s.text, s.label, s.share, False, s.pushback_words)  # "Will check back in a while"
        if s.topic and s.text not in priced:  # "how about $3,500 a month?" proposes, it does not ask
            a.topics.append(s.topic)
            a.questions.append(s.text)
        # "Okay, noted: thirty percent fewer seats." acknowledges by its words even where the vote is unsure
        acknowledges = label == "acknowledge" or not s.question and bool(_SENDS_STEPS.search(s.text)) or (
            not s.question) and s.text not in priced and (
            label == "other" and stance.only_acknowledges(s.text)
            or label not in ("pushback", "refuse") and offers.accepts_request(s.text))
        if acknowledges and a.acknowledgment is None and not s.pushback_words and not (
                first_turn and stance.pitches(s.text)):  # "I'd really hold off on that!" is no acknowledgment
            a.acknowledgment = s.text
        # In a first reply any word the guard refuses is pushback; later, only by meaning.
        proposing = s.text in priced and label != "refuse"  # asking for a term is not arguing
        ours = s.text in mine  # the coach's own template wording never counts against the trainee
        # the counter's own lock or extension ("in return we'd extend by two years so your rate stays locked") is the
        # exchange asked for, not contract talk
        own_terms = proposing and offers.commitment(s.text) and not (stance.THREAT.search(s.text) or
                                                                     stance.ARGUE.search(s.text))
        if not ours and ((label in ("pushback", "refuse") and not proposing) or (
                first_turn and s.pushback_words and not own_terms)
                         or ((argues or refuses) and s.text not in priced)):
            a.pushback.append(s.text)
            a.pushback_words += [w for w in s.pushback_words if w not in a.pushback_words]
        # a cap on a concession ("Більше за 10% я дати не можу, це межа.", "I can't go beyond 10%"): a limit, not a
        # refusal of any change
        caps_only = bool(stance.LIMIT.search(s.text)) and not (stance.THREAT.search(s.text) or stance.CONTRACT.search(
            s.text) or stance.GUILT.search(s.text))
        if not ours and (label == "refuse" and not caps_only or refuses and s.text not in priced):
            a.refusal.append(s.text)
        if not ours and stance.GUILT.search(s.text):
            a.guilt.append(s.text)
        follow_up = timing.follow_up(s.text)
        when = _follow_up_timing(s.text) if follow_up else timing.timing(s.text)
        # "I'll make the change for January" dates the change itself: a trigger needs a follow-up
        # when the sentence grants or prices the request.
        dated_change = not follow_up and (s.text in priced or bool(_GRANT.search(s.text)) or (
            offers.concession(s.text) and offers.proposes(s.text))) or (  # "a free month of Content in January"
            offers.giveaway(s.text) and not _CONTACT.search(s.text)) or (
            not follow_up and bool(_BILLING_BACK.search(s.text)) and not _CONTACT.search(s.text)) or (
            _dated_from_only(s.text)) or (
            not follow_up and bool(offers.SENDS_PAPERS.search(s.text)) and not _CONTACT.search(s.text))
        # A save or plan step with a date ("the side-by-side on 13 January") sets the next contact too.
        scheduled = when == "dated" and not dated_change and (
            s.label in ("save", "plan", "escalate") or not s.question and s.text not in priced
            and bool(_MEET_ON.search(s.text) or _APPOINTMENT.search(s.text))
            or bool(_SAVE.search(s.text)) and bool(offers.proposes(s.text) or _PROPOSES.search(s.text)))
        # A diagnosis question ("when is your next budget review?") asks about the timeline, and a refusal
        # that defers the request ("keep everything as it is and revisit at renewal") stalls: neither sets
        # a re-engagement trigger.
        # The examples' vote alone ("Let's see what fits") is no trigger: it needs a next contact or a time.
        sets = (s.label == "trigger" and not dated_change and (follow_up or when == "dated")) or scheduled or (
            follow_up and when != "none" and not dated_change)
        if sets and argues and not follow_up:
            sets = False  # "eleven leads in six months is actually decent": arguing with the reason, no next contact
        if sets and s.question and _CLARIFIES.search(s.text):
            sets = False  # "When you say they're all over Google, is it the ads or the reviews?": a clarifying question
        if sets and s.question and not (moves.proposes_contact(s.text) or _MEET_ON.search(s.text)
                                        or moves.puts_forward(s.text) or _SAVE.search(s.text) or follow_up):
            # "Should the posts scheduled for this month still go out?", "When you say they're all over Google,
            # is that the map listings?": a question that asks, not a next contact put on a date
            sets = False
        if sets and offers.accepts_request(s.text) and not follow_up and not _CONTACT.search(s.text):
            sets = False  # "Let's make sure January looks right for you.": the request taken on, no next contact
        if sets and _GOES_AWAY.search(s.text) and previous_offer is None and not countered and x_first.empty:
            # "Let me go through it with our team this week and come back to you with a proposal": the counter still
            # to come, before anything was put forward; the next step of this talk, not a re-engagement trigger
            sets = False
        if sets and s.topic is None and label not in ("refuse", "pushback") and not (
                stance.CONTRACT.search(s.text) and not follow_up):  # "your subscription runs through January 2028"
            concrete, loose = when == "dated", when == "rough"
            if _OFFBOARD_STEP.search(s.text) and not _CONTACT.search(s.text):
                concrete = loose = False  # "we'll schedule your data export for the end of the term": no next contact
            if a.trigger is None or (concrete, loose) > (a.trigger_concrete, a.trigger_loose):
                a.trigger, a.trigger_concrete, a.trigger_loose = s.text, concrete, loose
        if _SAVE.search(s.text) and (s.label in ("save", "offer", "plan", "escalate", "other", "acknowledge")
                                     and (offers.proposes(s.text) or _PROPOSES.search(s.text) or announced)):
            if "save" not in a.moves:
                a.moves.append("save")
            a.solution = a.solution or s.text
        # "Here's what I'd propose, and it isn't a discount." then the save itself in the next sentence
        announced = not s.question and bool(offers.proposes(s.text)) and not _FIGURE.search(s.text)
        if s.label in ("plan", "save", "escalate") and a.solution is None and not offers.accepts_request(s.text) \
                and not (first_turn and s.text in a.pushback and not offers.proposes(s.text)
                         and not _PROPOSES.search(s.text)) \
                and not _DEFERS.search(s.text) and (
                s.share >= SOLUTION_SHARE or offers.proposes(s.text) or _PROPOSES.search(s.text)):
            a.solution = s.text  # "I want whatever we land on to fit your team" is empathy, not a plan
        if s.label == "escalate" or _AE.search(s.text):
            a.escalation = a.escalation or s.text
            a.account_executive = a.account_executive or bool(_AE.search(s.text))
    x = offers.extract([p for p in clean if p not in contract_talk], persona.account, policy.pause.default_months,
                       policy.multi_year.default_extension_months, also=mine, asked_cut=_asked_cut(persona),
                       asked_services=persona.request.modules)
    if not x.priced and x.term_months is not None and previous_offer is None and any(
            offers.unpriced_concession(p) for p in clean if p not in contract_talk):
        # "bring the overall price down, if you'd commit for longer": a concession with no figure and a length
        # asked back; no price was named, so no priced offer (the counter with no length or price, below)
        x = offers.Extracted(quote=x.quote)
    if not x.empty:
        a.offer = price_offer(x, persona, policy, requested_mrr=requested_mrr, hardship=hardship,
                              previous=previous_offer, context=" ".join(clean))
        if "offer" not in a.moves:
            a.moves.append("offer")
    closing = next((s.text for s in sentences if s.text not in mine and s.label not in ("pushback", "refuse")
                    and not (_CONDITIONAL.search(s.text) and (a.solution or not x.empty))
                    # "надішлю вам порядок завершення. ... що стоїть за рішенням?", "I'll send you the exact steps
                    # in writing ... what's led the team to this?": the steps sent on while asking why
                    and not (_SENDS_STEPS.search(s.text) and not _GRANT.search(s.text) and bool(a.topics)) and (
        s.label == "accept_request" and s.share >= SOLUTION_SHARE and not offers.accepts_request(s.text)
        or _GRANT.search(s.text)
        or _OFFBOARD.search(s.text) or _PAPERWORK.search(s.text))), None)
    if a.offer is None and closing is not None:
        a.closing = closing  # the request processed: a close
        # Processing a cancellation after a declined counter is accepting the decision, not granting it
        # without a counter; cutting the package as asked is still the request granted. The paperwork for
        # a counter already made is that counter's.
        paperwork = bool(_PAPERWORK.search(closing)) and not (_GRANT.search(closing) or _OFFBOARD.search(closing))
        # The steps sent "so you have them" or "either way" beside a save or plan: ready for the decision, not
        # carrying it out now ("I'll send the cancellation process today too, so you have it.")
        ready = stance.accepts_decision(closing) and not _GRANT.search(closing) and (
            a.solution is not None or a.trigger is not None or previous_offer is not None or countered)
        if ready:
            pass
        elif paperwork and planned and previous_offer is None and not countered:
            pass  # "Great, I'll get the paperwork started." after a plan agreed (no price): that plan's paperwork
        elif (previous_offer is None and not countered) or (requested_mrr or 0) > 0 and not (
                paperwork and (previous_offer is not None or countered)):
            a.offer = _granted(persona, policy, closing, requested_mrr, hardship)
    if a.offer is not None and a.offer.shape == "hold" and (a.refusal or any(
            stance.REFUSES_CHANGE.search(p) and not stance.LIMIT.search(p) for p in clean if p not in mine)) \
            and not a.offer.offer.get(
            "term_extension_months") and offers.REALLOCATES not in a.offer.notes and not a.offer.amended:
        # "Keeping all 120 is the better deal for you. Why not keep them for the new hires?": the package kept
        # while refusing the change insists on it; it is no counter
        a.offer = None
        a.moves = [m for m in a.moves if m != "offer"]
    if a.offer is not None and not a.offer.as_requested:
        # "... and as a thank-you, next month is free; nothing needed from you for that": a giveaway beside the
        # counter, with nothing asked for it
        a.vague_offer = next((p for k, p in enumerate(clean) if p not in mine and offers.giveaway(p)
                              and not offers.commitment(p) and (_FOR_NOTHING.search(p) or k + 1 < len(clean) and bool(
                                  _FOR_NOTHING.search(clean[k + 1])) and not offers.giveaway(clean[k + 1]))), None)
    if a.offer is None and a.closing is None:
        # "I can do a smaller seat count if you extend the term": a counter, but with no length or price.
        a.vague_offer = next((p for p in offers.offer_sentences(clean, also=mine) if p not in contract_talk
                              and labels.get(p) not in ("refuse", "pushback") and offers.concession(p)
                              and not (stance.ARGUE.search(p) or stance.REFUSES_CHANGE.search(p))
                              and offers.concession(_LATER_CHOICE.sub(" ", p))), None)
        # asked back in the concession's sentence or after it ("... if you extend"); a commitment that
        # answered for an earlier offer ("Just the extension signed. And I'll waive January.") is not
        # ("... That's separate from the renewal, it's yours either way." names a commitment only to set it apart)
        a.vague_exchanged = a.vague_offer is not None and any(
            offers.commitment(p) and not _FOR_NOTHING.search(p) for p in clean[clean.index(a.vague_offer):])
        if a.vague_offer and "offer" not in a.moves:
            a.moves.append("offer")
    if a.vague_offer in a.questions:  # "What I can do is give you December for free": a concession, not a question
        k = a.questions.index(a.vague_offer)
        del a.questions[k], a.topics[k]
    if a.trigger and a.refusal and not a.solution and a.offer is None:
        # "No, the seats stay as they are; we can revisit it at renewal": deferring a refused request
        # is stalling, not a re-engagement trigger.
        a.trigger, a.trigger_concrete, a.trigger_loose = None, False, False
    if first_turn and a.acknowledgment is None and not a.pushback:
        # "Андрію, дуже дякую, що звернулися, я розумію, що такі рішення не ухвалюють легко, ... як вам таке?":
        # the acknowledgment may be a clause of a longer sentence
        soft = []
        for p in clean:
            clauses = [c.strip() for c in re.split(r",\s+(?=\w)", p) if c.strip()]
            for i, c in enumerate(clauses):
                if stance.only_acknowledges(c) and not offers.proposes(c):
                    tail = [t for t in clauses[i + 1:i + 2] if _SUBORDINATE.match(t) and not offers.proposes(t)]
                    soft.append(", ".join([c, *tail]))
        a.acknowledgment = next((c for c in soft if len(c.split()) >= 5), soft[0] if soft else None)
    if a.offer is None and a.vague_offer is None and not a.refusal and (
            a.solution is None or _VAGUE_SAVE.search(a.solution)):
        vague_save = next((s.text for s in sentences if s.text not in mine and _VAGUE_SAVE.search(s.text)
                           and s.label not in ("pushback", "refuse")), None)
        if vague_save:  # "ми можемо щось придумати, щоб показати, що ми не гірші": a save, but a vague one
            a.solution, a.vague_save = vague_save, True
            if "save" not in a.moves:
                a.moves.append("save")
    if a.trigger and "trigger" not in a.moves:
        a.moves.append("trigger")
    return a

