"""How a trainee sentence stands towards the request, from general wording in English and Ukrainian:
arguing for the product, refusing any change, leaning on guilt, persuading instead of asking, or only
acknowledging. These back up the nearest-neighbour vote in `moves` where the wording is plain.
Pure: regular expressions only."""

from __future__ import annotations

import re

# Everything kept, as the object of "I'd rather you kept ...": "all 120 (seats)", "every seat", "everything", "all of
# them", "усі 20 місць", "все як є"
_KEEP_ALL = (r"(?:all (?:\d+|of (?:them|it|your \w+)|the (?:seats|licen\w+|users|modules|services))\b|every (?:seat|licen\w+|"
             r"user|module|service)\b|everything\b)")
# Arguing to keep things as they are ("a 40% cut would wipe out two years of progress").
ARGUE = re.compile(
    r"(?<!rather than )(?<!instead of )(?<!\bnot )(?<!n't )(?<!won't )(?<!never )(?<!no need to )(?<!not going to )"
    r"(?<!n't want to )(?<!not gonna )"
    r"\bpush back\b(?! (?:the|your|our|a|on the (?:date|start)))|\bwipe out\b|\bthrow (?:away|it all away)\b|"
    r"\bundo (?:all|everything|your|the (?:work|progress|results)|\w+ (?:months|years))\b|"
    r"\bstart(?:ing)? (?:again )?from (?:zero|scratch)\b|\byou'?(?:d|ll| would| will) regret\b|"
    r"\bi (?:really )?think (?:that'?s|it'?s|this is) a mistake\b|\bi'?d (?:strongly )?(?:advise|recommend) against\b|"
    r"\bi'?d (?:urge|encourage) you to (?:keep|stay|reconsider)\b|\bit would be a shame\b|\bwould undo\b|"
    # "it feels like a shame to shrink the account now", "seems a pity to cut back"
    r"\b(?:feels|seems|is|'s|would be) (?:like )?(?:such )?a (?:real |big )?(?:shame|pity) to (?:shrink|cut|reduce|drop|"
    r"downsize|scale (?:it )?back|lose|give up|let go)\b|"
    r"\b(?:recommend|advise|urge) (?:that )?you (?:keep|stay (?:on|with)|hold on to) (?:all|everything|the (?:full|"
    r"whole|entire)|your (?:full|whole|entire))\b|\bi wouldn'?t rush\b|"
    r"\b(?:lose|waste) (?:all|the) (?:progress|momentum|results|ground|work)\b|"
    r"\bare you (?:sure|certain)\b|"
    # "I'd really encourage you to stick with it", "it'll come good", "кращого за ці гроші ви не знайдете", "ви точно
    # все зважили?": the product argued for, the decision doubted
    r"\b(?:encourage|urge|advise|ask) you to stick with (?:it|them|us|the \w+)\b|\bit'?(?:ll| will) come good\b|"
    r"(?<!\w)(?:кращ\w+|дешевш\w+|вигідніш\w+) [^.?!]{0,50}(?:ви )?не знайдете(?!\w)|"
    r"(?<!\w)(?:ви )?(?:точно|справді|впевнені,? що) (?:все |усе )?(?:зважили|обдумали|продумали|прорахували)(?!\w)|"
    r"\bi'?d (?:think|consider) (?:very |really |long and )?(?:carefully|hard|twice)\b|"
    # "keep the full package and give it another year", "cutting 40% means cutting results"
    r"\bgiv(?:e|ing) (?:it|them|us|the \w+) (?:another|one more|a(?: few)? more|a further) (?:year|quarter|chance|"
    r"go|try|\w+ months)\b|\bmeans (?:cutting|losing|fewer|less|giving up) (?:\w+ )?(?:results|leads|patients|clients|"
    r"customers|traffic|visibility|rankings|bookings)\b|"
    r"(?<!\w)(?:дайте (?:нам |цьому |їй |йому )?ще (?:один )?(?:рік|шанс|квартал)|означає (?:втратити|менше) "
    r"(?:результат\w*|клієнт\w*|пацієнт\w*|лід\w*))(?!\w)|"
    r"\bthink (?:very |really )?(?:carefully|hard|twice) before\b|"
    # "PPC usually takes nine to twelve months to mature"
    r"\btakes? (?:\w+ ){0,5}(?:time|months?|weeks?) to (?:mature|kick in|ramp up|pay off|bed in|take effect|show results)\b|"
    r"(?<!\w)(?:(?:добре|двічі|ретельно) (?:по)?думав би|подумайте (?:добре|двічі|ще раз))(?!\w)|"
    # defending the price: the discount they already have, the value for the money, the results they can see, what a
    # stop would lose or cost ("you're already on a discounted rate", "you get a lot for the money", "у вас і так
    # знижка", "за ці гроші ви отримуєте дуже багато", "але ж ви самі бачите результати", "це втратити позиції",
    # "все доведеться починати спочатку, і це вийде дорожче")
    r"\byou(?:'re| are) already (?:on|getting|paying) (?:a |the )?(?:discount\w*|reduced|special|lower|below[- ]list)\b|"
    r"\byou already (?:get|have) (?:a |the )?discount\b|"
    r"\byou(?:'re| are)? get(?:ting)? (?:a lot|so much|plenty|great value) (?:for|out of) (?:the|your|that|this) "
    r"(?:money|price|spend|budget|fee)\b|\bworth (?:a lot |far |much )?more than (?:what )?you(?:'re)? pay\w*\b|"
    r"\byou can see the results (?:yourself|for yourself)\b|\b(?:have|need|having) to start (?:all )?over\b|"
    r"\b(?:will|would|'ll|'d) (?:end up )?cost(?:ing)? (?:you )?more (?:in the end|in the long run|later|to restart)\b|"
    r"(?<!\w)(?:у вас (?:і так|й так|вже) (?:є )?знижк\w*|за ці (?:гроші|кошти) ви (?:отримуєте|маєте)|"
    r"(?:ви )?(?:самі|сам|сама) бачите результат\w*|втратити (?:позиці\w*|результат\w*|прогрес|весь|усе|все|"
    r"напрацьован\w*)|(?:доведеться|треба буде) (?:все |усе )?починати (?:спочатку|заново|з нуля)|"
    r"(?:це |все )?вийде дорожче)(?!\w)|"
    # arguing with the customer's reason: "eleven leads in six months is actually decent", "the campaigns are actually
    # doing their job", "well above the benchmark"
    r"\b(?:is|are|was|were|it'?s|they'?re) actually (?:(?:quite|pretty|really|very) )?(?:decent|good|great|normal|fine|"
    r"strong|solid|healthy|not bad|doing (?:its|their) job|working)\b|"
    r"\bwell above the (?:\w+ )?(?:benchmark|average)\b|"
    # "six months is really early for PPC", "the data says it's working", "a hasty decision"
    r"\b(?:really|very|quite|still|far too|much too|way too) early (?:for|in)\b|"
    r"\bthe (?:data|numbers|figures|stats) (?:says?|shows?|tells? us) (?:it'?s|it is|they'?re|they are|this is) "
    r"(?:working|paying off)\b|\b(?:hasty|rash|premature|rushed) (?:decision|move|call|step)\b|"
    r"(?<!\w)(?:поспішн\w* (?:рішенн|крок)\w*|передчасн\w* (?:рішенн|крок)\w*|(?:дані|цифри) (?:показують|кажуть),? "
    r"що (?:все |це )?працює)(?!\w)|"
    # too early to judge: "it's a bit early to judge it", "SEO needs six months to mature", "give it more time"
    r"\b(?:too|a bit|a little|bit|rather|still) (?:too )?early to (?:judge|tell|say|call it|give up|decide|pull|cut|"
    r"drop|write (?:it|\w+) off)\b|\bneeds? (?:\w+ ){0,4}(?:time|months?|weeks?) to (?:mature|kick in|ramp up|pay off|"
    r"bed in|take effect|show results|build (?:up )?momentum)\b|\bgive (?:it|them|us|the \w+) (?:a bit |a little )?"
    r"(?:more )?time\b|\b(?:isn'?t|is not|not|aren'?t) (?:enough|long enough) to (?:judge|tell|say|see|know)\b|"
    r"\bi'?m not (?:sure|convinced) (?:that'?s|this is|it'?s|it would be) (?:wise|a good|the right|smart|sensible)|"
    r"\b(?:wrong|bad|risky) (?:move|idea|call|decision|choice)\b|"
    r"\b(?:would be|that'?s|it'?s|this is) (?:a )?(?:big |huge |real |serious )?mistake\b|"
    r"\bi (?:really )?(?:don'?t|wouldn'?t) (?:think you should|recommend|advise|do that|cut|drop|go)\b|"
    r"\byou(?:'d| would|'ll| will) (?:be )?(?:los(?:e|ing)|giv(?:e|ing) up|miss(?:ing)? out on|throw(?:ing)? away)\b|"
    r"\b(?:just|right) (?:when|as) (?:it|things|the (?:results|campaigns?|numbers)) "
    r"(?:is|are|start\w*|began|finally)\b|"
    r"\b(?:not (?:the|a) (?:best|right|good|great|ideal) (?:time|moment)|(?:a |the )?(?:bad|wrong|terrible) (?:time|"
    r"moment)) to (?:cut|reduce|drop|pause|cancel|downsize|scale back|shrink|trim)\b|"
    r"\bnow of all times\b|\b(?:crazy|mad|foolish|silly) to\b|\bhold on\b|"
    # the harm of the change laid on the customer's people or purse ("your members will be the ones who suffer if it
    # goes", "switching usually costs more than it looks", "перехід зазвичай обходиться дорожче, ніж здається")
    r"\b(?:will|would|'ll|'d) be the ones (?:who|that) (?:suffer|lose out|pay for it|miss (?:it|out))\b|"
    r"\b(?:your|the) (?:members|patients|customers|clients|guests|users|team|staff|people) (?:will|would|'ll|'d) "
    r"(?:really )?(?:suffer|lose out|be hurt)\b|"
    r"\b(?:switching|migrations?|migrating|moving|leaving) (?:\w+ ){0,3}?(?:usually |often |typically |"
    r"always |generally )?(?:costs?|ends? up costing|turns? out) (?:far |much |a lot |way )?(?:more|pricier)\b|"
    r"(?<!\w)(?:постраждають|(?:перехід|міграці\w+|переїзд) (?:[\w'’]+ ){0,4}(?:обходиться|обійдеться|коштує|"
    r"коштуватиме|вийде) (?:\w+ )?дорожче)(?!\w)|"
    r"\bwait a (?:sec|second|minute|moment)\b|"
    r"\bdon'?t (?:throw|walk) away\b|\brules are rules\b|\b(?:i|we) don'?t make the rules\b|"
    r"\bthose are the rules\b|"
    r"\b(?:it'?s|that'?s) (?:just )?(?:company |our )?policy\b|"
    r"\bi'?m (?:just|only) (?:explaining|informing|telling you)\b|"
    r"(?<!\w)(?:правила є правила|(?:я )?(?:лише|просто|тільки) інформую|не я (?:це )?(?:вирішую|встановлюю))(?!\w)|"
    r"(?<!\w)(?:пошкодуєте|це помилка|перекреслить|втратите (?:весь|усі|все|результат|прогрес)|почина\w+ з нуля|"
    r"не раджу|раджу залишити|радив би|б (?:дуже )?радив|не поспішав|не поспішайте|не варто поспішати|"
    r"ви (?:точно |справді )?(?:впевнені|певні)|(?:велик\w+|серйозн\w+) помилк\w*|буде помилкою|"
    r"б не (?:радив|радила|рекомендував|рекомендувала|став|стала)|не (?:радив|радила|рекомендував|рекомендувала) б|"
    # "я б, чесно, не радив ставити SEO на паузу", "зараз не найкращий момент різати місця"
    r"б,? (?:[\w'’]+,? ){1,2}не (?:радив|радила|рекомендував|рекомендувала)|(?:не найкращ\w*|невдал\w*|поганий) "
    r"(?:момент|час) (?:для |щоб )?(?:різати|скорочувати|урізати|зменшувати|призупиняти|зупиняти|скасовувати|"
    r"ставити на паузу|відмовлятися|скорочення|паузи)|"
    r"втратите|втрачаєте|шкода (?:буде )?(?:все |усе )?(?:втрачати|кидати|зупинятися|зупиняти|припиняти|скасовувати|"
    r"обривати|скорочувати|урізати|зменшувати)|саме (?:зараз|тоді), коли|"
    r"не поспіша\w*|не квапте\w*|зачекайте|стривайте|божевілл\w*|(?:ще )?(?:зарано|рано) (?:судити|оцінювати|"
    r"робити висновки|відмовлятися)|дайте (?:\w+ )?(?:ще )?(?:трохи )?час\w*)(?!\w)", re.I)
# Refusing any change ("PPC has to stay", "I can't set that up", "the package stays as it is").
REFUSES_CHANGE = re.compile(
    r"\b(?:has|have|needs? to|must) (?:to )?stay\b(?! (?:under|below|within|inside|beneath))|"
    r"\bstays? as (?:it is|they are)\b|"
    # «ціна є ціна, і пакет лишається як є», "a price is a price"
    r"(?<!\w)(?:ціна є ціна|договір є договір|(?:пакет|ціна|договір) (?:лишається|залишається) (?:як є|як "
    r"було))(?!\w)|\ba (?:price|contract|deal) is a (?:price|contract|deal)\b|"
    # "I'm afraid the full fee stays until month ten", "повна оплата залишається до кінця терміну"
    r"\b(?:the|your) (?:full|whole|entire) (?:fee|price|bill|rate|amount|invoice|package) (?:stays|remains|still applies|"
    r"is still due)\b|(?<!\w)повн\w+ (?:оплата|сума|ціна|вартість|пакет) (?:залишається|лишається)(?!\w)|"
    r"\bkeep (?:everything|it all|all of it) (?:as it is|running)\b|\bkeep the (?:full|whole) package\b|"
    r"\bkeep (?:the|your) (?:\w+ )?package as (?:it is|is)\b|"
    r"\bkeep all \d+(?: seats| licen\w+| users)?(?=\s*(?:[.!]|$))|"
    # "I'd really recommend keeping all 40 seats and the full package", "I really think you should keep the 120 seats"
    r"\bkeep(?:ing)? all \d+ (?:seats|licen\w+|users) and the (?:full|whole) package\b|"
    r"\b(?:recommend|advise|suggest|think you should|you should really|you'?d be better off) keep(?:ing)? "
    r"(?:all |the |your )"
    r"(?:\d+ )?(?:seats|licen\w+|users|full package|whole package)\b|"
    r"\b(?:renew|continue|carry on|stay|sign again)\w* (?:\w+ ){0,4}?(?:as is|as it is|as things are|unchanged|on the "
    r"(?:full|same|current|whole) (?:package|plan|terms))\b|"
    r"\bcan'?t (?:set (?:that|this|it) up|do (?:that|this)|process (?:that|this|it)|allow (?:that|this|it)|"
    r"approve (?:that|this|it))\b|\b(?:is|it'?s) not possible\b|\bisn'?t possible\b|\b(?:isn'?t|is not) an option\b|"
    r"\b(?:package|price|contract|plan) is (?:fixed|final|locked)\b|\bno (?:changes|reductions|exceptions) (?:are|is) "
    r"(?:possible|allowed)\b|\b(?:not|isn'?t|aren'?t) (?:allowed|permitted)\b|\bdoesn'?t (?:allow|permit)\b|"
    r"\bwe don'?t (?:do|offer|allow) (?:downgrades|reductions|pauses|cancellations|changes|that)\b|"
    r"\bthere'?s nothing (?:i|we) can (?:do|change)\b|"
    # "I really don't want to just process that", "I'm not starting an offboarding before we've talked"
    r"\b(?:don'?t|do not) want to (?:just |simply )?(?:process|action|start|put through) (?:that|this|it|the|your)\b|"
    r"\b(?:i'?m|i am|we'?re|we are) not (?:going to |gonna )?(?:start\w*|process\w*|begin\w*|action\w*|put\w* through) "
    r"(?:an? |the |your |any )?(?:offboarding|cancell?ation|termination|downgrade|exit|that|this)\b|"
    # no fewer than the count they have ("I wouldn't go below 20 seats", "Менше ніж 20 місць я вам не раджу"): the
    # full package insisted on
    r"\b(?:wouldn'?t|don'?t|can'?t|won'?t) (?:recommend|advise|suggest) (?:going )?(?:below|under|fewer than|less than) "
    r"\d+ (?:seats|licen\w+|users)\b|\bi wouldn'?t go (?:below|under) \d+ (?:seats|licen\w+|users)\b|"
    r"(?<!\w)(?:менше|нижче) (?:ніж |за )?\d+ (?:місць|ліцензі\w*|користувач\w*) (?:я )?(?:вам )?не (?:раджу|"
    r"рекомендую|радив би|радила б)(?!\w)|"
    # the contract as a wall: "there's no early termination", "you're locked in until March"
    r"\bthere'?s no (?:early|mid-?term) (?:termination|exit|cancellation|way out)\b|\byou'?re locked in\b|"
    # insisting on the full package: "I'd really rather you kept the full package"
    r"\b(?:rather|prefer(?:red)?|want|like) (?:you|it if you) (?:to )?(?:kept|keep|stay(?:ed)? on|stuck with) "
    r"(?:(?:the|your) (?:full|whole|entire|complete) (?:package|plan|bundle|setup)\b|" + _KEEP_ALL + ")|"
    r"\b(?:i'?m|we'?re|i am|we are) (?:not able|unable) to "
    r"(?:change|reduce|cancel|remove|pause|lower|cut|do)\b|"
    r"(?<!\w)(?:залиша\w+ як є|залишитися на повному пакеті|продовж\w* (?:договір )?(?:як є|без змін)|"
    r"нічого не змінюємо|(?:так|це|зараз|поки що|поки|їх|його|її|раніше|просто так) не вийде|"
    r"ми не (?:скорочуємо|змінюємо|призупиняємо|зменшуємо|скасовуємо|робимо (?:цього|такого|так))|"
    r"не можемо (?:нічого )?(?:зменш|скорот|скасув|прибра|змін|"
    r"призупин)\w*|неможлив\w*|не передбачен\w*|не дозволя\w*|не можна|"
    r"(?:зробити|дати|змінити|зменшити|скоротити|скасувати|прибрати|призупинити) не (?:можу|можемо|зможу|зможемо)|"
    r"не (?:можу|можемо|зможу|зможемо) (?:\w+ )?(?:зробити|дати|змінити|зменшити|скоротити|скасувати|прибрати|"
    r"призупинити)|"
    r"нічого (?:не )?(?:можу|можемо|вийде) (?:зробити|змінити|вдіяти)|(?:пакет|ціна|договір) (?:фіксован|незмінн)\w*)"
    r"(?!\w)", re.I)
# Insisting on the full package ("I'd really rather you kept the full package"): fighting the downsell even
# while offering something else.
INSISTS = re.compile(r"\b(?:rather|prefer(?:red)?|want|like) (?:you|it if you) (?:to )?(?:kept|keep|stay(?:ed)? on|"
                     r"stuck with) (?:(?:the|your) (?:full|whole|entire|complete) (?:package|plan|bundle|setup)\b|"
                     + _KEEP_ALL + ")|"
                     r"(?<!\w)(?:краще|хотів би|хотіла б|хочу),? (?:щоб )?(?:ви )?(?:залишили|зберегли|лишили) "
                     r"(?:весь|повний|"
                     r"цілий) пакет(?!\w)", re.I)
# Guilt ("that's really disappointing after two years together").
GUILT = re.compile(r"\bi'?d hate for you to\b|\bi'?d (?:really |truly )?hate to see\b|"
                   # the hurt laid on the customer ("it stings to hear", "they'd throw all that away", "боляче чути")
                   r"\b(?:it |that )?(?:stings|hurts) (?:a bit |a little )?to (?:hear|see|think)\b|"
                   # "it stings a bit after all the work our team put into your posts"
                   r"\b(?:it |that )?(?:stings|hurts)\b[^.?!]{0,30}\bafter all the (?:work|effort|hours|time)\b|"
                   r"\bafter all the (?:work|effort|hours) (?:we|i|our team|the team) (?:put|poured|invested)\b|"
                   # "I hope you won't let us down", «для нашої команди дуже болючим», «сподіваюся, ви нас не підведете»
                   r"\b(?:won'?t|will not|don'?t) let (?:us|me|the team) down\b|(?<!\w)(?:не підведете|не підведіть|"
                   r"(?:для нашої команди|для нас|нам) (?:\w+ ){0,3}(?:болюч\w*|боляче))(?!\w)|"
                   r"\bthrow (?:that|this|it|all (?:of )?(?:that|this|it)|(?:all )?(?:that|this|the) work) away\b|"
                   r"(?<!\w)(?:боляче (?:це )?(?:чути|бачити)|(?:викинути|перекреслити) (?:все|усе|це|всю (?:цю )?роботу))(?!\w)|"
                   # the team's feelings laid on the customer ("stopping now is unfair to our team", "зупинятися
                   # зараз — несправедливо щодо нашої команди")
                   r"\b(?:unfair|not fair) (?:on|to|for) (?:our|my|the) (?:team|people|staff)\b|"
                   r"(?<!\w)несправедлив\w* (?:щодо|стосовно|до|для) (?:нашої |моєї )?(?:команди|людей|колективу)(?!\w)|"
                   r"\bdon'?t be surprised (?:if|when)\b|\b(?:the|our|my) team (?:will|would|'ll) be (?:so |really )?"
                   r"(?:upset|gutted|disappointed|sad|heartbroken|crushed)\b|"
                   r"(?<!\w)(?:не дивуйтеся|(?:мені )?(?:було б|буде) (?:дуже )?шкода (?:це |все це |таке )?бачити|"
                   r"команда (?:буде|будуть) (?:дуже )?засмучен\w*|(?:стільки|так багато) (?:\w+ ){1,2}"
                   r"(?:вклали|вклав|вклала|зробили|поклали|витратили)|а тепер ви (?:просто )?йдете)(?!\w)|"
                   r"\b(?:i'?m|we'?re|i am|we are) (?:\w+ )?disappointed\b|\b(?:that'?s|it'?s|this is) (?:\w+ )?"
                   # "That's disappointing, and I understand not wanting to pay for it": sympathy, not guilt
                   r"disappointing\b(?![^.?!]*\b(?:i (?:fully |completely )?(?:understand|get|see why)|understood|makes sense|"
                   r"i'?m sorry)\b)|"
                   r"\bafter (?:all|everything) (?:we|you)\b|\bafter \w+ years? together\b|"
                   r"\blet (?:us|me) down\b|\bhate to (?:lose|see) you\b|"
                   r"\bafter (?:all|everything) (?:the team|our team|i'?ve|we'?ve|that)\b|"
                   r"\bafter all (?:these|this|those) (?:years|time|months)\b|"
                   r"\bi (?:thought|hoped) we (?:had|were) (?:a )?(?:good|great|strong|real)\b|"
                   r"\b(?:i'?m|we'?re) (?:\w+ )?hurt\b|"
                   # "we've done so much for you", "ми стільки для вас зробили"
                   r"\b(?:we'?ve|we have|i'?ve|i have) (?:\w+ )?(?:done|given|put in) so much (?:for you|into)\b|"
                   r"(?<!\w)(?:ми |я )?(?:стільки|так багато) (?:всього |усього )?(?:для вас |у вас |вам )?"
                   r"(?:зробили|зробив|зробила|вклали|дали)(?!\w)|"
                   # "прикро таке чути" lays it on the customer; "Мені дуже прикро" is sympathy
                   r"(?<!\w)(?<!мені )(?<!мені дуже )(?<!мені так )(?<!мені щиро )(?<!як )(?<!як же )прикро(?!\w)|"
                   r"(?<!\w)(?:розчаров\w*|після всього|після \w+ років|"
                   r"неприємно (?:чути|дізнатися)|"
                   r"(?:я|ми) (?:думав|думала|думали|сподівався|сподівалася|сподівалися),? (?:що )?у нас)(?!\w)",
                   re.I)
# Persuading, not diagnosing ("What would it take to change your mind?").
PERSUADE = re.compile(r"\bchange your mind\b|\bwhat would it take\b|\banything (?:i|we) can do to (?:keep|change)|"
                      r"\breconsider\b|(?<!\w)(?:змінити (?:ваше |своє )?рішення|передумати|передумаєте)(?!\w)",
                      re.I)
# Contract talk: the agreement's terms as an argument.
CONTRACT = re.compile(r"contract|agreement|subscription is for|\bterm\b|penalt|legal|lawyer|\block|notice|obligat|"
                      r"bound by|договір|договор|штраф|юрист|зобов['’]яз", re.I)
# A threat made of the agreement's terms: penalties, fees, forfeits, clauses ("the early-exit terms in
# section 9 would kick in", "компенсація в розмірі трьох платежів").
# The lawyers drafting the deal ("our legal team will draw up the details", "деталі юристи пропишуть"): paperwork,
# not a legal threat.
_DRAFTS_EN = (r"\s+(?:team\s+|department\s+|colleagues\s+|folks\s+)?(?:will\s+|can\s+|would\s+|'ll\s+)?(?:draw|write|"
              r"draft|prepare|sort|put together|word|finali[sz]e)")
THREAT = re.compile(r"penalt\w*|\b(?:early[- ](?:exit|termination)|termination|cancellation|exit|break) (?:fee|charge|"
                    r"terms|clause|penalt\w*)|\bforfeit\w*|\b(?:section|clause|paragraph) \d|\blegal(?!" + _DRAFTS_EN + r")\w*|"
                    r"\blawyer(?!s?" + _DRAFTS_EN + r")|"
                    r"\bliable\b|\bliability\b|\bbreach\b|"
                    # the rest of the term to be paid: "means paying out the remaining twelve months", "you'd still owe the
                    # full amount", "доведеться сплатити залишок", "виплати всієї суми до кінця терміну"
                    r"\bpay(?:s|ing)? (?:out |off )?(?:the )?(?:rest|remaining|remainder|balance|full (?:amount|term|"
                    r"contract))\b|\b(?:still )?owe (?:us )?(?:the )?(?:full|whole|remaining|rest)\b|"
                    r"(?<!\w)(?:(?:с|до|ви)плат\w* (?:\w+ )?(?:залиш\w*|решт\w*|всю суму|всієї суми|повну суму|повної суми)|"
                    r"компенсац\w*|неустойк\w*|штраф\w*|п\.\s?\d|пункт\w* \d|юрист(?!\w*\s+(?:все |усе |це |деталі |договір |"
                    r"умови )?(?:пропиш|оформ|підготу|склад|напиш|узгод)\w*)\w*|"
                    r"порушенн\w* договору)", re.I)
# words in quotes are named, not said ("ranking for 'personal injury lawyer'"): a search term is no legal talk
_QUOTED = re.compile(r"(?<!\w)['‘\"“«][^'’\"”»\n]{2,60}['’\"”»](?!\w)")


def unquoted(text: str) -> str:
    """The text with its quoted words ("'personal injury lawyer'") left out."""
    return _QUOTED.sub(" ", text)


# Only acknowledging: thanks, empathy, "understood", with no "but".
_SOFT = re.compile(r"\bno catch\b|\bno strings\b|\bi'?m not (?:arguing|pushing)\b|\bnot trying to (?:argue|push)\b|"
                   r"(?<!\w)(?:не сперечаюся|не тисну|без підвохів|немає (?:жодних )?(?:пасток|підвохів))(?!\w)|"
                   r"\bunderstood\b|\bgot it\b|\bnoted\b|\bsorry\b|\bthank|\bappreciate|\bmakes sense\b|\bof course\b|"
                   # courtesy ("you're welcome", "Нема за що")
                   r"\byou'?re welcome\b|\bmy pleasure\b|\bno problem\b|"
                   r"(?<!\w)(?:нема за що|немає за що|радий допомогти|рада допомогти|прошу)(?!\w)|"
                   r"\bglad you\b|\bi (?:hear|see) (?:you|what|where|why)\b|\bi get (?:it|that|why)\b|"
                   # "Totally understand, Marcus", "I completely understand"
                   r"\b(?:(?:i|we) )?(?:totally|completely|fully|absolutely|really|entirely) understand\b|"
                   r"\b(?:totally |that'?s |completely |perfectly )?(?:fair|understandable|reasonable)\b|"
                   # the customer's step approved ("That's sensible housekeeping.", "That's a wise move."), and
                   # reassurance ("Please don't worry about the admin."): on their side, nothing refused
                   r"\bthat'?s (?:a |very |perfectly |entirely |completely |really )?(?:sensible|wise|prudent|smart)\b|"
                   r"\b(?:please )?(?:don'?t|do not) (?:you )?worry\b|\bno need to worry\b|"
                   r"\bthat'?s (?:so |really |just )?(?:a lot|hard|tough|difficult|awful|terrible|horrible|"
                   r"devastating|heartbreaking|rough)\b|\bthe last thing you need\b|"
                   # a wish for the customer's people ("I hope everyone is safe", "сподіваюся, всі в безпеці"): empathy
                   r"\bi (?:really |do |truly )?hope (?:everyone|everybody|you|your (?:\w+ )?(?:team|staff|family|people|"
                   r"guests)|all of you|all)(?:'re| is| are) (?:all )?(?:safe|okay|ok|well|all right|alright|unhurt|"
                   r"doing (?:ok|okay|well|all right))\b|"
                   r"(?<!\w)сподіва\w*,? (?:що )?(?:всі|усі|ви|ваша команда|ваші люди|з вами все)\b[^.?!]{0,15}"
                   r"(?:в безпеці|у безпеці|гаразд|добре|живі|здорові)|"
                   r"(?<!\w)(?:мені (?:дуже |так |щиро )?прикро|"
                   r"це (?:(?:справді|дійсно|дуже|так|направду) )?(?:жахливо|важко|складно|непросто|тяжко)|жах)(?!\w)|"
                   r"\bsounds (?:like )?(?:a )?(?:tough|hard|rough|difficult)\b|"
                   r"(?<!\w)(?:ціную|чудово розумію|добре розумію|це зрозуміло|слушно|бачу ваш\w* (?:запит|лист|"
                   r"повідомлення)|мені жаль|прийнято)(?!\w)|"
                   r"(?<!\w)(?:розумію|зрозуміл\w*|дякую|шкода|співчува\w*|звісно|не хвилюйтеся|чую вас)(?!\w)", re.I)
# Conceding the customer's point ("that isn't good enough, and I won't defend it", "I'd rather understand it than
# argue with it", "не буду це прикрашати"): siding with the complaint, never pushing back on it.
CONCEDES = re.compile(r"\b(?:i|we) (?:won'?t|will not) (?:defend|argue with|dress (?:it|that|this) up|sugar-?coat|make excuses)\b|"
                      r"\b(?:i'?m|we'?re|i am|we are) not (?:going to|gonna) (?:defend|argue|dress (?:it|that|this) up|"
                      r"sugar-?coat|make excuses)\b|\b(?:isn'?t|is not|aren'?t|are not|wasn'?t|was not) good enough\b|"
                      r"\brather (?:understand|hear|listen to|learn)\b[^.?!]{0,30}\bthan (?:argue|push|debate)\w*|"
                      r"\b(?:rather than|instead of|not here to|won'?t|i don'?t want to) (?:push(?:ing)? back|"
                      r"argu\w*)\b|"
                      r"(?<!\w)(?:не буду (?:це )?(?:захищати|виправдовуватися|сперечатися|прикрашати|виправдовувати)|"
                      r"не (?:сперечатимусь|сперечатимуся|виправдовуватиму)|(?:це )?недостатньо (?:добре|"
                      r"добрий результат)|"
                      r"замість того,? щоб сперечатися)(?!\w)", re.I)
_BUT = re.compile(r"\bbut\b|\bhowever\b|\bthough\b|(?<!\w)(?:але|проте|однак|втім)(?!\w)", re.I)


# Making ready for the customer's decision whichever way it goes ("it helps me hand things over properly",
# "whichever way this goes", "у будь-якому разі все передамо"): accepting it, never refusing it.
_ACCEPTS_DECISION = re.compile(r"\bhand(?:s|ing|ed)? (?:\w+ )?over\b|\bhandover\b|\bwhichever way\b|\beither way\b|"
                               # the steps sent "so you have them", "just in case": ready, not processing it now
                               r"\bso (?:that )?you(?:'ve got| have) (?:it|them|everything|the \w+)(?: to hand| ready)?\b|"
                               r"\bjust in case\b|\beven if (?:nothing|it doesn'?t|the decision doesn'?t) (?:\w+ )?change\w*\b|"
                               r"(?<!\w)навіть якщо (?:нічого|рішення) (?:\w+ )?не змін\w*(?!\w)|(?<!\w)(?:про всяк випадок|щоб (?:вона|він|вони|це|все) (?:у вас )?"
                               r"(?:було|була|були|був) (?:під рукою|у вас))(?!\w)|"
                               r"\bwhatever (?:you decide|the (?:answer|outcome|decision))\b|"
                               # "Whatever happens, I'll keep it simple for you.", "Що б ви не вирішили, ..."
                               r"\bwhatever (?:happens|you (?:choose|go with|land on)|comes of (?:it|this))\b|"
                               r"(?<!\w)(?:що б (?:ви )?не вирішили|що б не сталося|як би не вирішили)(?!\w)|"
                               # the decision left to the customer ("if that's your decision, I'll make it smooth", "if
                               # the other tool still wins, I'll walk you through it", "якщо рішення остаточне, ...")
                               r"^\W*(?:and |but |so )?if (?:that'?s|that is|it'?s|this is) (?:the|your|their) "
                               r"(?:final )?(?:decision|call|choice)\b|"
                               r"^\W*(?:and |but |so )?if (?:\w+ ){1,3}(?:still|then|really) (?:wins?|comes out (?:on top|"
                               r"ahead)|looks better|fits better)\b|"
                               r"^\W*(?:and |but |so )?if you (?:still|then|really|do) (?:decide|choose|want) to (?:go|leave|"
                               r"cancel|end|move|switch)\b|"
                               r"(?<!\w)якщо (?:це )?(?:ваше |їхнє )?(?:рішення|вибір) (?:остаточн\w*|ухвалене|не зміниться)|"
                               r"(?<!\w)якщо (?:ви )?(?:все ж|все-таки|таки|все одно) (?:вирішите|захочете|оберете) "
                               r"(?:піти|завершити|перейти|скасувати)|(?<!\w)якщо (?:\w+ ){1,3}(?:все ж|все-таки|все одно) "
                               r"(?:виграє|переможе|виявиться кращ\w*)|"
                               r"(?<!\w)(?:переда\w*|у будь-якому разі|в будь-якому разі|хай там як)(?!\w)", re.I)


def accepts_decision(sentence: str) -> bool:
    """Prepares for the customer's decision whichever way it goes, with no argument or refusal."""
    return bool(_ACCEPTS_DECISION.search(sentence)) and not (ARGUE.search(sentence) or REFUSES_CHANGE.search(sentence)
                                                           or CONTRACT.search(sentence) or THREAT.search(sentence))


def only_acknowledges(sentence: str) -> bool:
    """Thanks, empathy or "understood" with no argument, refusal, contract talk or "but"."""
    return bool(_SOFT.search(sentence)) and not (_BUT.search(sentence) or ARGUE.search(sentence)
                                                 or REFUSES_CHANGE.search(sentence) or CONTRACT.search(sentence)
                                                 or GUILT.search(sentence))


def leans_on_terms(sentence: str) -> bool:
    """Argues, refuses, threatens, guilts or cites the contract."""
    return any(r.search(sentence) for r in (ARGUE, REFUSES_CHANGE, THREAT, CONTRACT, GUILT))


# A limit on a concession ("I can't go beyond 10%", "Більше за 10% я дати не можу"), not a refusal of any change.
LIMIT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|відсот\w*)|[$€£₴]\s?\d|\d\s*(?:[$€£₴]|usd|eur|грн|"
                   r"доларів|dollars)|\b(?:more than|beyond|further|any (?:more|lower|further)|anything more)\b|"
                   r"(?<!\w)(?:більше|понад|далі|нижче)(?!\w)", re.I)


# The agreement's terms put first ("let's first see what the contract says about pausing before I promise
# anything", "your agreement runs until February", "договір у нас діє до кінця лютого"): contract talk in a
# first reply, whatever else the sentence says.
CONTRACT_FIRST = re.compile(
    r"\b(?:what|check|look at) (?:\w+ ){0,2}(?:contract|agreement) (?:says|allows|covers|permits)\b|"
    r"\b(?:your|the|our) (?:contract|agreement) (?:runs|is valid|lasts|is in force) (?:until|till|through|to)\b|"
    r"\baccording to (?:your|the) (?:contract|agreement)\b|\bbefore (?:i |we )?promis\w* anything\b|"
    # "You signed for SEO, PPC and Content as one package, and the pricing was built on that."
    r"\byou signed (?:up )?for\b|"
    # the term put first ("I should remind you the subscription is for 120 seats through month 36", "seat numbers are
    # fixed for the term", "cutting 48 mid-term isn't standard")
    r"\bremind you (?:that )?(?:the|your|our) (?:\w+ )?(?:subscription|contract|agreement|term|commitment)\b|"
    # "у вашому договорі немає пункту про призупинення", "до кінця терміну ще три місяці оплат"
    r"(?<!\w)(?:у|в) (?:вашому |нашому )?(?:договорі|контракті) (?:немає|нема|не передбачено|не передбачений)(?!\w)|"
    r"(?<!\w)до кінця (?:терміну|договору|строку) (?:ще )?(?:\w+ )?місяц\w* (?:оплат|платеж)\w*|"
    r"\b(?:the|your) subscription is for \d+|"
    # "I'm required to let you know that your agreement is for 40 seats ..., and mid-term reductions need a signed
    # amendment": the agreement's terms read out before the request is heard
    r"\b(?:the|your) (?:agreement|contract) is for \d+|\b(?:i'?m|i am|we'?re|we are) (?:required|obliged) to "
    r"(?:let you know|tell you|inform you|remind you|point out|mention)\b|\bmid-?term (?:reductions?|changes?|"
    r"cancell?ations?|downgrades?) (?:need|needs|require|requires|are subject to)\b|"
    r"\b(?:seat numbers|seats|the seat count|seat counts|the package|your package|the price|your price) (?:are|is) "
    r"(?:fixed|locked|set) (?:for|until|till|through) (?:the|your) (?:term|contract|agreement|renewal)\b|"
    r"\bmid-?term (?:isn'?t|is not|wouldn'?t be) (?:standard|normal|usual|how (?:it|this) works)\b|"
    r"\b(?:pricing|price|rate|discount) (?:was|is) (?:built|based|set) on (?:that|this|it|the)\b|"
    # where the customer stands in the term ("you're in month 15 of a 24-month agreement", "the seats are part of that
    # agreement", "нагадаю, що у вас 24-місячний договір", "зараз 21-й місяць"): the contract put before the request
    r"\byou(?:'re| are) (?:only |now |currently |still )?in month \d+ of (?:a|an|your|the)\b[^.?!]{0,40}"
    r"(?:agreement|contract|term)\b|\b(?:is|are) (?:all )?part of (?:that|the|your|this) (?:agreement|contract)\b|"
    r"(?<!\w)нагада\w*,? що\b[^.?!]{0,40}(?:договір|договору|договором|контракт\w*)|"
    r"(?<!\w)(?:зараз|у вас|ви на|йде) \d+-?(?:й|му|ий) місяц\w*|"
    r"(?<!\w)(?:договір (?:у нас |з вами |ваш )?(?:діє|чинний) до|що (?:в ньому|в договорі|у договорі) "
    r"(?:сказано|написано|передбачено)|згідно з договором|за умовами договору|перш ніж (?:щось )?обіцяти)(?!\w)",
    re.I)


def but_contract(sentence: str) -> bool:
    """Contract talk put against the request with a "but" or "though" ("I do need to flag, though, that your
    price was set on the 120-seat tier of the subscription")."""
    return bool(_BUT.search(sentence) and (CONTRACT.search(sentence) or _TERMS.search(sentence)))


_TERMS = re.compile(r"\bsubscription\b|\btier\b|\bminimum (?:term|commitment|seats?)\b|(?<!\w)(?:підписк\w*|"
                    r"тариф\w*)", re.I)


# Arguing for the product in a first reply: its features, its roadmap, how it compares, what other
# customers get from it, or a plea to try it before ending ("Our PPC platform has AI bid optimisation",
# "Most clinics see results in months 9 to 12", "have you seen our new forecasting module?",
# "наша платформа дуже виросла", "мало хто на ринку дає таку глибину звітів", "варто спершу його
# спробувати, перш ніж щось завершувати"). Judged on the first reply only (F1); later, a save that shows
# the product is a counter.
PITCH = re.compile(
    r"\bour (?:[\w-]+ ){0,3}(?:platform|product|tool|software|dashboards?|modules?|features?|service|system|app|"
    r"solution)s? (?:(?:now|already|also|really) )?(?:has|have|offers?|includes?|is (?:the|one of|far|much)|gives|"
    r"delivers?|(?:has|have) (?:grown|improved))\b|"
    r"\b(?:brand[- ]new|new) (?:[\w-]+ ){0,3}(?:launching|coming|rolling out|released?)\b|"
    r"\bhave you (?:seen|tried|looked at) (?:our|the) (?:new|latest)\b|"
    r"\bmost (?:of our )?(?:clients|customers|clinics|firms|companies|users|teams|accounts) (?:see|get|find|start)\b|"
    r"\babout to (?:hit|see|reach) the (?:good|best) part\b|\bi'?d (?:really |strongly )?hold off\b|"
    r"\bnobody (?:else )?(?:on the market )?(?:offers|gives|has|matches)\b|"
    r"\b(?:needs?|takes?) (?:\w+ ){0,4}(?:months?|weeks?|years?|time)(?: or (?:more|longer|so))? before "
    r"(?:it|they|you) (?:pays? off|works?|kicks? in|"
    r"see|shows?)\b|\bwould (?:really )?(?:hurt|damage|harm) your\b|"
    r"\btry (?:it|them|this|the \w+)(?: [\w-]+){0,3} before (?:you )?(?:cancel|end|drop|leav|decid)\w*|"
    # "SEO takes time to build", "your rankings have been climbing steadily": the results argued for
    r"\b(?:takes?|needs?|requires?) (?:\w+ )?time(?: to (?:build|work|grow|compound|kick in|pay off|show|learn|"
    r"optimi[sz]e|settle))?\b|"
    r"\byour (?:impressions|clicks|traffic|rankings?|leads|calls|visits|bookings|reach|numbers) (?:are|is) (?:\w+ )?"
    r"up\b|\bahead of (?:everyone|everybody|anyone|the (?:competition|market|rest|pack))\b|"
    # the product's worth or rank argued ("Commerce Search has been paying for itself", "we're still stronger than most
    # alternatives", "за аналітикою ми сильніші за більшість альтернатив", "модуль давно окупився")
    r"\b(?:has been |is |'s |have been |are |'re )?(?:paying|pays|paid) for (?:itself|themselves)\b|"
    r"\b(?:still |far |much )?(?:(?:stronger|better) than|ahead of) most (?:of the )?(?:alternatives|competitors|"
    r"options|tools|platforms|agencies|vendors|providers)\b|"
    r"(?<!\w)(?:(?:сильніш|кращ)\w* (?:за|ніж) більшість (?:альтернатив|конкурентів|інструментів|платформ|агенцій|"
    r"рішень)|(?:вже |давно |повністю )?окупи(?:вся|лася|лося|лися)|окупається)(?!\w)|"
    r"(?<!\w)(?:попереду (?:всіх|усіх|конкурентів)|найкращ\w* (?:на ринку|серед)|кращ\w* за (?:всіх|усіх|"
    r"конкурентів))(?!\w)|"
    # "наша аналітична платформа сильніша за будь-що на ринку", "better than anything else out there": no rival named
    r"(?<!\w)(?:сильніш|кращ|потужніш)\w* (?:за|ніж) (?:будь-що|будь-кого|будь-яку|будь-який|усе інше|все інше)(?!\w)|"
    r"\b(?:stronger|better|more powerful) than (?:anything|anyone|any other [\w-]+)\b|"
    # "наша платформа — найсильніша аналітика на ринку", "the strongest analytics on the market": the rank argued
    r"(?<!\w)(?:найсильніш|найкращ|найпотужніш)\w* (?:[\w'’-]+ ){0,3}(?:на ринку|у (?:своїй )?(?:категорії|галузі|ніші))"
    r"(?!\w)|\b(?:the )?(?:strongest|best|most powerful) (?:[\w-]+ ){0,3}(?:on the market|in the (?:category|industry|"
    r"market|business))\b|"
    r"\byour (?:rankings?|results|traffic|leads|numbers|positions|visibility|reach|bookings) (?:have|has) (?:been )?"
    r"(?:\w+ )?(?:climbing|growing|improving|rising|gone up|doubled|grown|improved)\b|"
    r"(?<!\w)(?:потребує часу|потрібен час|ваші (?:позиції|результати|ліди|продажі|показники) (?:\w+ )?"
    r"(?:зростають|ростуть|покращуються|виросли|покращилися))(?!\w)|"
    r"(?<!\w)(?:наш\w* (?:[\w'’-]+ ){0,3}(?:платформ|продукт|сервіс|модул|інструмент|систем|дашборд|функці)\w* "
    r"(?:[\w'’-]+ ){0,4}(?:виріс|виросл|покращ\w*|має|дає|пропону\w*)|мало хто (?:на ринку )?(?:дає|пропону\w*|має)|"
    r"ви бачили наш\w* нов\w*|(?:нов\w+|свіж\w+) (?:[\w'’-]+ ){0,3}(?:запуска\w*|виходить|вийде)|"
    r"більшість (?:наших )?(?:клієнтів|клінік|компаній) (?:бач\w*|отриму\w*)|"
    r"(?:варто|спробуйте|спробувати) (?:[\w'’,-]+ ){0,3}перш ніж (?:щось )?(?:завершувати|скасовувати|відмовлятися|"
    r"йти|вирішувати))(?!\w)", re.I)


# Empathy first, then a "but" ("I understand, but ...", "Розумію, але ж ..."): the remark that follows argues
# gently rather than pushing the request away.
_EMPATHY_BUT = re.compile(r"^\W*(?:(?:i|we) (?:completely |totally |really |do )?"
                          r"(?:understand|get (?:it|that)|hear you)|"
                          r"i see|understood|(?:я )?(?:розумію|чую вас|зрозуміл\w*))\b[^.!?]{0,40}?"
                          r"(?:\bbut\b|\bthough\b|(?<!\w)(?:але|проте|однак)(?!\w))", re.I)


# The contract named, then set aside at once ("That said, let's see what we can do.", "Втім, давайте подивимося, що можна
# зробити."): the terms given as background, arguing gently rather than pushing the request away.
SETS_ASIDE = re.compile(r"^\W*(?:that said|having said that|even so|all the same|still|but|with that said)\b[,\s]*(?:let'?s|"
                        r"i'?(?:ll|d like to|m happy to|want to)|we (?:can|could|'ll))\b[^.?!]{0,40}\b(?:see|look|work|"
                        r"figure|find|help|what we can do)\b|"
                        r"^\W*(?:втім|проте|однак|але|та все ж|і все ж)\b[,\s]*(?:давайте|я |ми |подивимо)[^.?!]{0,40}"
                        r"(?:подивимо|знайдемо|розберемо|що можна|допоможу|допоможемо)", re.I)


def gentle_guilt(pushback: list[str], guilt: list[str], words: list[str], refusal: list[str]) -> bool:
    """A first reply whose only pushback is guilt voiced after empathy ("Розумію, але ж ми стільки для вас
    зробили, шкода все зупиняти"): no contract, refusal, threat or pitch. It argues gently (the
    acknowledgment is partial), does not push the request away (F1), and the guilt is F5's."""
    return bool(pushback) and not (words or refusal) and all(
        q in guilt and _EMPATHY_BUT.search(q) and not (CONTRACT.search(q) or THREAT.search(q) or PITCH.search(q)
                                                      or REFUSES_CHANGE.search(q)) for q in pushback)


def pitches(sentence: str) -> bool:
    """Argues for the product (features, roadmap, results others get, "try it before you end")."""
    return bool(PITCH.search(sentence))

