"""General rule families added with the sixth dev guard corpus (guard_dev6.yaml), each tested on
phrasings written for this test (none copied from a corpus): a negation reaching the later items of a
list ("no deposit, restart fee or catch-up invoice") but not past an exception ("nothing, apart from
a fee"); negated promises; the customer's own quoted words in a first reply; concessions hinted in a
first reply; fees named by their "-ing"/"-ion" noun; renewal "unless" notice is given; back-billing
"the difference"; single-word periods (Halbjahr, trimestre, «на цілий рік»); soft refusals; paraphrased
reference-letter leaks; and the clean near misses beside them.

The facts are 32 seats at $3,600 a month (from $4,000), 10% off, 24 more months; every other figure
or period is unstated."""

from __future__ import annotations

import pytest

# the same facts as the paraphrase tests: 32 seats, $3,600 a month from $4,000, 10% off, 24 more months
from tests.guard.test_guard_paraphrases import categories

VIOLATIONS = [
    # an exception after a negation names what there is
    ("pause_plan", "Dana, nothing is charged while you're paused, except a small restart fee.", "hidden_terms"),
    ("pause_plan", "Ірино, жодних платежів на час паузи, крім плати за відновлення кампаній.", "hidden_terms"),
    ("pause_plan", "Lucía, no pagas nada durante la pausa, salvo una cuota de reactivación.", "hidden_terms"),
    # fees named by what they pay for, with the amount or a one-off word in between
    ("counter", "Dana, re-enabling a seat carries a one-off $80 reinstatement charge.", "hidden_terms"),
    ("counter", "Dana, there is a $40 offboarding fee for each seat removed.", "hidden_terms"),
    ("pause_plan", "Lucía, al volver se cobra una pequeña cuota de reinicio.", "hidden_terms"),
    ("pause_plan", "Lucía, hay un cargo por la puesta en marcha de las campañas al volver.", "hidden_terms"),
    ("pause_plan", "Ірино, на час паузи зберігається абонплата за підтримку акаунта.", "hidden_terms"),
    ("counter", "Ірино, для резерву потрібна застава, її повернемо пізніше.", "hidden_terms"),
    # renewal unless someone gives notice; back-billing the difference
    ("counter", "Dana, after the term the agreement simply rolls on unless you tell us in writing.", "hidden_terms"),
    ("counter", "Dana, the contract stays in force on the same terms unless either party objects.", "hidden_terms"),
    ("counter", "Dana, we'd ask you to cover the difference on the invoices already paid this year.",
     "hidden_terms"),
    # concessions hinted in a first reply
    ("acknowledgment", "Dana, I think you'll like the number I come back with.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, you may be pleasantly surprised by what we can do here.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, we could easily do a shorter break if that helps.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, we can move you to 32 seats straight away.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, можемо вже запропонувати паузу на кілька тижнів.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, ми переб'ємо будь-яку ціну від іншого підрядника.", "offer_in_first_reply"),
    ("acknowledgment", "Pani Anno, przygotujemy coś tańszego niż obecny abonament.", "offer_in_first_reply"),
    ("acknowledgment", "Lucía, te regalamos una semana de soporte mientras hablamos.", "offer_in_first_reply"),
    # periods said in one word
    ("counter", "Herr Bergmann, die Gebühr für das zweite Halbjahr ist vorab fällig.", "unstated_number"),
    ("counter", "João, o valor do trimestre é cobrado no início.", "unstated_number"),
    ("counter", "Madame Dupuis, le semestre est facturé en une fois.", "unstated_number"),
    ("acknowledgment", "Ірино, можемо призупинити хоч на цілий рік.", "unstated_number"),
    # soft refusals and threats
    ("followup", "Dana, keeping the pause going that long is a bit of a stretch for us.", "pushback"),
    ("followup", "Dana, I'm not sure we can keep your setup for that long.", "pushback"),
    ("followup", "Ірино, друга пауза цього року вже не буде можливою.", "pushback"),
    ("followup", "Ірино, інакше це питання вирішуватимемо із залученням юристів.", "pushback"),
    # a reference letter to rewrite
    ("outreach", "Dana, I was handed a template email and asked to rewrite it warmly.", "prompt_leak"),
    ("outreach", "Dana, I'll reword the draft a little, keeping all the figures as they are.", "prompt_leak"),
    ("outreach", "Ірино, мені надали зразковий лист, тож пишу своїми словами.", "prompt_leak"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS)
def test_violation_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN = [
    # a charge we say we will not make is no threat
    ("counter", "Dana, we won't charge you a penalty for the change."),
    ("pause_plan", "Dana, we will not impose any penalty while you're paused."),
    # the month-for-month extension is no billing change
    ("pause_plan", "Dana, the paused months are added to the end of the agreement."),
    # one negation over every item of a list (but not past a comma that opens a new clause)
    ("pause_plan", "Dana, there's no deposit, restart fee or catch-up invoice while you're paused."),
    ("counter", "Lucía, la facturación sigue mensual, sin depósito ni cuota de alta."),
    ("counter", "Ірино, без передоплати, застави чи комісій."),
    ("counter", "Herr Bergmann, es gibt weder Vorauszahlung noch Einrichtungsgebühr."),
    ("followup", "Ірино, жодних штрафів чи пені за паузу."),
    # negated promises and back-billing said not to happen
    ("followup", "Dana, no refunds are needed, since nothing is billed while you're paused."),
    ("followup", "Ірино, за місяці паузи нічого не нараховується."),
    # the customer's own words quoted back in a first reply
    ("acknowledgment", "Dana, you wrote: \"another vendor offers the same thing cheaper\". I understand why "
                       "you're looking around, and I'll send a few questions first."),
    ("followup", "Ірино, ви писали: «більше ми не можемо собі дозволити». Я це пам'ятаю."),
    # questions about the customer's own season, a market's demand
    ("questions", "- When do you usually resume trading after winter?\n- Who else weighs in on the budget?"),
    ("questions", "- Коли ви зазвичай відновлюєте роботу після літа?\n- Хто ще ухвалює рішення?"),
    ("questions", "- ¿Cómo ha evolucionado la demanda de sus servicios?\n- ¿Quién más decide el presupuesto?"),
    # a goal called a stretch, a call proposed: no refusal, no offer
    ("followup", "Dana, I know doubling the team is a stretch goal for you, and I'm glad to help where I can."),
    ("acknowledgment", "Lucía, gracias por escribir. Te propongo una llamada para entender mejor la situación."),
]


@pytest.mark.parametrize("stage, text", CLEAN)
def test_clean_text_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text


STILL_FLAGGED = [
    # ... one we will make is
    ("counter", "Dana, we will charge you a penalty if you leave early.", "pushback"),
    ("pause_plan", "Dana, the paused months are added to your next invoices.", "hidden_terms"),
    # a comma alone starts a new clause: the negation before it does not reach the threat
    ("followup", "Ірино, якщо оплата не надійде вчасно, ми передамо справу юристам.", "pushback"),
    # a contrast ends the negation's reach
    ("pause_plan", "Dana, no prepayment, but a small restart fee applies when you come back.", "hidden_terms"),
    # "demanda" in its legal sense is still a threat
    ("followup", "Lucía, en ese caso presentaremos una demanda por las cuotas pendientes.", "pushback"),
]


@pytest.mark.parametrize("stage, text, category", STILL_FLAGGED)
def test_near_miss_forms_still_flagged(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


# Rule families added with the seventh dev guard corpus (guard_dev7.yaml), on phrasings written for this
# test: a period placing a moment ("a week before the restart", "eine Woche vorher", "a fortnight before");
# the rest of the term falling due at once; deposits by other names ("a security sum held against your
# account"); per-quarter billing and "each month, in advance"; paused months spread back onto invoices;
# a penalty charged (en/uk/ru); eligibility "only in exceptional circumstances" or "if you qualify"; a
# concession "as good as approved" in a first reply (en/de/uk); "usually not provided for" (uk); a first
# month free said with the adjective (uk).
VIOLATIONS_7 = [
    ("pause_plan", "Dana, I'll send the restart checklist a week before billing resumes.", "unstated_number"),
    ("pause_plan", "Dana, expect a reminder from me a fortnight before the restart.", "unstated_number"),
    ("pause_plan", "Herr Bergmann, wir schicken Ihnen eine Woche vor dem Neustart eine Erinnerung.", "unstated_number"),
    ("pause_plan", "Madame Dupuis, nous vous écrirons une semaine avant la reprise.", "unstated_number"),
    ("pause_plan", "Lucía, te avisaremos una semana antes de reactivar la campaña.", "unstated_number"),
    ("pause_plan", "João, vamos avisar uma semana antes do reinício.", "unstated_number"),
    ("acknowledgment", "Ірино, дякуємо, перший місяць нового тарифу буде для вас безкоштовним.", "unstated_number"),
    ("followup", "Dana, should you leave before the end, whatever is left on the term falls due immediately.",
     "hidden_terms"),
    ("followup", "Dana, ending early means the outstanding months of the agreement become payable at once.",
     "hidden_terms"),
    ("counter", "Dana, we'd ask for a security sum to be held against your account during the discount.",
     "hidden_terms"),
    ("counter", "Dana, the new rate is invoiced once per quarter.", "hidden_terms"),
    ("counter", "Dana, your $3,600 is charged each month, in advance.", "hidden_terms"),
    ("pause_plan", "Dana, the skipped months get folded back into your regular invoices afterwards.", "hidden_terms"),
    ("followup", "Dana, leaving now means a penalty will be levied on the final invoice.", "hidden_terms"),
    ("followup", "Ірино, у разі дострокового виходу буде нараховано штраф.", "hidden_terms"),
    ("followup", "Ірино, місяці паузи буде дораховано в наступних рахунках.", "hidden_terms"),
    ("followup", "Дана, в этом случае мы начислим штраф за досрочное расторжение.", "hidden_terms"),
    ("followup", "Dana, a pause is only granted in exceptional circumstances.", "pushback"),
    ("questions", "Dana, first we need to check whether your account qualifies for a pause. What changed?",
     "pushback"),
    ("questions", "Ірино, такі зміни зазвичай не передбачені посеред року. Що сталося?", "pushback"),
    ("acknowledgment", "Dana, thanks for writing. Consider the lower price as good as approved.",
     "offer_in_first_reply"),
    ("acknowledgment", "Herr Bergmann, danke. Die Reduzierung ist praktisch schon bewilligt.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, дякуємо. Вважайте, що паузу вже погоджено.", "offer_in_first_reply"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS_7)
def test_dev7_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN_7 = [
    # a period in the past, a day named with "the", a negated penalty, deposit or back-billing
    ("followup", "Dana, thanks again for the call a week ago."),
    # notice the customer gave ("un mes de antelación", "a month in advance") is theirs, not a term
    ("acknowledgment", "Dana, thank you for letting us know a month in advance."),
    ("acknowledgment", "Lucía, gracias por escribirnos con una semana de antelación."),
    ("followup", "Dana, I'll call you the day before the restart."),
    ("followup", "Dana, no penalty is charged for the pause."),
    ("counter", "Dana, there is no security deposit and no refundable amount to hold."),
    ("pause_plan", "Dana, the paused months are not added to your invoices."),
    ("followup", "Dana, nothing left on the term becomes due if you pause."),
    ("followup", "Dana, the remaining invoices are all paid in full, thanks."),
    # "done", "sure", a customer's own requirements: no concession, no refusal
    ("acknowledgment", "Dana, I'm more or less done reviewing your account and will send a few questions."),
    ("followup", "Dana, could you check whether the new room layout meets the requirements of your team?"),
    ("acknowledgment", "Ірино, дякуємо. Вважайте, що ми вже все почули, лише кілька питань."),
]


@pytest.mark.parametrize("stage, text", CLEAN_7)
def test_dev7_clean_text_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text


# Rule families added with the eighth dev guard corpus (guard_dev8.yaml), on phrasings written for this
# test: a contractual penalty or late charge the customer would pay, as a fee (seven languages); paused months
# spread or pro-rated over later invoices; a fraction of something counted ("a quarter of the licences"); a
# free month said as a waived invoice; pausing offered with a modal in a first reply (en/es/pl/ru); a request
# "not available" or "not something we're able to" do; "my guidance is to ..." and a message "rewritten from
# a template" (leaks). Clean beside them: a regret word that sympathises with bad news, a negated penalty after
# a determiner ("without any penalty"), a negation after a short list, a rise asked about ("asked whether"),
# a customer's wish naming two things, Portuguese "dos" (of the).
VIOLATIONS_8 = [
    ("followup", "Dana, stopping payments now would leave you liable for the early-termination penalty.", "hidden_terms"),
    ("followup", "Dana, if the invoice stays open, late-payment interest will apply.", "hidden_terms"),
    ("followup", "Herr Bergmann, bei einer Kündigung wäre eine Vertragsstrafe zu zahlen.", "hidden_terms"),
    ("followup", "Madame Dupuis, un départ anticipé entraînerait des pénalités de résiliation.", "hidden_terms"),
    ("followup", "Lucía, una baja ahora supondría una penalización por incumplimiento.", "hidden_terms"),
    ("followup", "João, a saída antecipada implica uma multa por rescisão.", "hidden_terms"),
    ("followup", "Pani Anno, przy rezygnacji naliczymy karę umowną.", "hidden_terms"),
    ("followup", "Ірино, у такому разі доведеться сплатити пеню за договором.", "hidden_terms"),
    ("pause_plan", "Dana, the paused months will be pro-rated across your later invoices.", "hidden_terms"),
    ("pause_plan", "Lucía, los meses congelados se repartirán entre las cuotas siguientes.", "hidden_terms"),
    ("pause_plan", "Herr Bergmann, die Pausenmonate werden anteilig auf die folgenden Rechnungen umgelegt.", "hidden_terms"),
    ("counter", "Dana, instead of dropping a quarter of the licences, we suggest 32 seats at $3,600.", "unstated_number"),
    ("acknowledgment", "Dana, thanks for writing. We can scrap your next month's bill while we look into it.",
     "unstated_number"),
    ("acknowledgment", "Dana, thanks. We could freeze both modules for you while things settle.", "offer_in_first_reply"),
    ("acknowledgment", "Lucía, gracias. Podemos congelar la cuenta unos meses, sin problema.", "offer_in_first_reply"),
    ("acknowledgment", "Дана, спасибо. Приостановим все услуги, пока не станет легче.", "offer_in_first_reply"),
    ("followup", "Dana, a downgrade is not currently available on your plan.", "pushback"),
    ("followup", "Dana, removing that module isn't something we're in a position to do this year.", "pushback"),
    ("counter", "Dana, I'm not authorised to go below $3,600.", "pushback"),
    ("questions", "Dana, my brief here is to keep prices out of it and ask about usage. What changed?", "prompt_leak"),
    ("followup", "Dana, this note was generated from an approved reference template, so the figures are exact.",
     "prompt_leak"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS_8)
def test_dev8_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN_8 = [
    ("followup", "Dana, I'm sorry about the storm; unfortunately that's the sort of thing no one can plan around."),
    ("followup", "Ірино, на жаль, звістки з вашого регіону дуже тривожні. Тримайтеся."),
    ("followup", "Dana, the new rate comes without any penalty, and billing stays monthly."),
    ("followup", "Ірино, у новій угоді автоматичного поновлення чи підвищення ціни там немає."),
    ("followup", "Dana, your finance lead asked whether the price goes up next year. It does not: $3,600 throughout."),
    ("acknowledgment", "Lucía, entiendo que queréis quitar el SEO y reducir la cuota. Te escribo pronto."),
    ("pause_plan", "João, sem cobrança dos meses em pausa e sem pagamento antecipado."),
    ("followup", "Dana, if you don't pay by card, invoices still go out monthly as today."),
]


@pytest.mark.parametrize("stage, text", CLEAN_8)
def test_dev8_clean_text_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text


# Rule families added with the ninth dev guard corpus (guard_dev9.yaml), on phrasings written for this
# test: a price "softened", "eased" or "lightened" in a first reply, or "room/scope to" do it (en, es, fr, uk);
# a modal with an adverb before a pause ("we can certainly freeze everything"); a concession that "is
# something we can arrange"; "nothing will be charged" and being excused from paying (en, pl, uk, with the
# month as an unstated period); a fortnight in one word (quincena); "not something we'd usually permit" (en,
# es, de, uk); a clause or section of the contract cited; a change "only possible on payment of" a fee; the
# outstanding balance of the contract settled (en, de, pt); prepayment with commas between the words, an
# invoice for the whole term sent at once (en, pl), settled quarterly or annually (en, es, de); German fee
# compounds (-gebühr); relaying an approved message "without adding anything of my own" (leaks, en, ru, uk).
# Clean beside them: a feature someone "won't be able to" use until a module is back; "no hay / não há /
# nie ma" before a negated fee; a short list before "gibt es (dabei) nicht"; a renewal with a negation in it
# ("verlängert sich nichts automatisch"); the customer's own wish to ease the bill; "in my own words" alone.
VIOLATIONS_9 = [
    ("acknowledgment", "Dana, once I understand the workflow there may well be scope to ease your monthly bill somewhat.",
     "offer_in_first_reply"),
    ("acknowledgment", "Lucía, quizá podamos aligerar un poco la factura cuando revisemos el uso.", "offer_in_first_reply"),
    ("acknowledgment", "Madame Dupuis, nous verrons comment alléger votre facture dès que possible.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, думаю, зможемо трохи полегшити оплату для вас.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, we can certainly freeze everything while you regroup.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, a shorter break is definitely something we can arrange for your team.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, rest assured nothing will be charged while we sort this out.", "offer_in_first_reply"),
    ("acknowledgment", "Dana, we could excuse you from paying next month's invoice while we talk.", "unstated_number"),
    ("acknowledgment", "Pani Anno, możemy zwolnić Państwa z opłaty za ten miesiąc.", "offer_in_first_reply"),
    ("acknowledgment", "Ірино, можемо звільнити вас від плати за наступний місяць.", "unstated_number"),
    ("acknowledgment", "Lucía, te regalamos una quincena de soporte mientras lo vemos.", "unstated_number"),
    ("followup", "Dana, removing seats mid-term is not something we would usually permit.", "pushback"),
    ("followup", "Lucía, cambiar el plan a mitad de contrato no es algo que normalmente aceptemos.", "pushback"),
    ("followup", "Herr Bergmann, eine Reduzierung vor Laufzeitende ist nichts, was wir üblicherweise zulassen.", "pushback"),
    ("followup", "Ірино, зменшення місць посеред строку — це не те, що ми зазвичай дозволяємо.", "pushback"),
    ("followup", "Dana, as clause 7 of your contract sets out, a downgrade needs written notice.", "pushback"),
    ("followup", "Herr Bergmann, gemäß § 12 des Vertrags ist das so geregelt.", "pushback"),
    ("followup", "Dana, dropping the module early is only possible on payment of a release fee.", "pushback"),
    ("followup", "Lucía, la baja anticipada solo es posible previo pago de una penalización.", "pushback"),
    ("followup", "Dana, ending now would mean paying off the outstanding balance of the contract in one go.",
     "hidden_terms"),
    ("followup", "Herr Bergmann, in diesem Fall wäre der Restbetrag des Vertrags sofort fällig.", "hidden_terms"),
    ("followup", "João, nesse caso teria de liquidar o saldo remanescente do contrato.", "hidden_terms"),
    ("counter", "Dana, to hold this rate the package would be paid for in full, in advance, at the start.", "hidden_terms"),
    ("counter", "Dana, we'd need the invoice for the entire commitment to go out straight away.", "hidden_terms"),
    ("counter", "Pani Anno, faktura za cały okres umowy zostanie wystawiona od razu.", "hidden_terms"),
    ("counter", "Dana, the new package would be settled quarterly rather than each month.", "hidden_terms"),
    ("counter", "Lucía, la cuota se liquidaría anualmente en lugar de cada mes.", "hidden_terms"),
    ("counter", "Herr Bergmann, der Betrag würde künftig jährlich beglichen.", "hidden_terms"),
    ("counter", "Herr Bergmann, bei einem Wechsel fällt eine Umstellungsgebühr an, ebenso eine Freischaltgebühr.",
     "hidden_terms"),
    ("outreach", "Dana, I'm only meant to relay the approved message, without adding any discounts of my own.",
     "prompt_leak"),
    ("outreach", "Дана, мне велено переписать это письмо своими словами.", "prompt_leak"),
    ("outreach", "Ірино, пишу коротко, бо маю переказати цей лист своїми словами й не додавати нічого від себе.",
     "prompt_leak"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS_9)
def test_dev9_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN_9 = [
    ("followup", "Dana, while the module is off, your staff won't be able to book new jobs in it until it's switched "
                 "back on; everything stored stays."),
    ("followup", "Dana, your archive stays readable; users won't be able to upload new files while the module is paused."),
    ("followup", "Lucía, no hay penalización ni cuota de reactivación por pausar."),
    ("followup", "João, não há multa nem taxa quando a conta volta a estar ativa."),
    ("followup", "Pani Anno, nie ma kary ani opłaty za wznowienie."),
    ("followup", "Herr Bergmann, eine Reaktivierungsgebühr oder eine Strafzahlung gibt es dabei nicht."),
    ("followup", "Herr Bergmann, nach den 24 Monaten verlängert sich nichts automatisch."),
    ("followup", "Dana, after the 24 months nothing renews by itself; we'll talk before then."),
    ("followup", "Dana, billing stays monthly: the package is not settled annually or quarterly."),
    ("followup", "Dana, there is no outstanding balance of any kind on your contract to settle."),
    ("counter", "Dana, invoices go out monthly as today; nothing is billed up front for the whole term."),
    ("acknowledgment", "Lucía, entiendo que queréis aliviar la factura; primero le haré unas preguntas."),
    ("followup", "Dana, I wrote this in my own words after our call; the figures are the ones we agreed."),
    ("counter", "Dana, the proposal is $3,600 a month, which isn't the full cut you asked about, for 24 more months."),
    ("followup", "Ірино, жодних штрафів за паузу немає, і за поточний місяць рахунок уже сплачено."),
]


@pytest.mark.parametrize("stage, text", CLEAN_9)
def test_dev9_clean_text_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text
