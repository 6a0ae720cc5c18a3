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

pytestmark = pytest.mark.slow  # many examples of older passes (the corpus floors hold them too): CI runs them

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


# Eleventh pass (guard_dev10.yaml: busy CSMs writing quickly). Phrasings written for this test.
VIOLATIONS_10 = [
    # a rounded or casual figure that is no fact
    ("followup", "Dana, quick one: the new plan lands at ~3.5k/mo.", "unstated_number"),
    ("followup", "Ірино, виходить десь 3,9 тис. доларів на місяць.", "unstated_number"),
    # a minimum cited as a barrier; doubting it is possible; only with management approval
    ("questions", "Dana, did you know the analytics add-on has a 6-month minimum before removal?", "pushback"),
    ("followup", "Dana, 40 seats is the minimum for this tier, so dropping below it is tricky.", "pushback"),
    ("followup", "Dana, I'm not sure a mid-term change would be possible here.", "pushback"),
    ("followup", "Dana, that's only possible with finance approval, and I can't promise it.", "pushback"),
    ("followup", "Ірино, зменшення можливе лише з дозволу керівництва, і не факт, що дозволять.", "pushback"),
    ("followup", "Ірино, я не впевнена, що таке зменшення взагалі можливе.", "pushback"),
    ("followup", "Lucía, solo es posible con la aprobación de la dirección.", "pushback"),
    ("followup", "Herr Bergmann, das geht nur mit Zustimmung der Geschäftsführung.", "pushback"),
    ("followup", "Pani Anno, to możliwe tylko za zgodą zarządu.", "pushback"),
    # a deadline ultimatum; no longer possible afterwards; collections
    ("followup", "Dana, if we don't get the signed form by Friday, the current rate stays and that's that.",
     "pushback"),
    ("followup", "Dana, after the renewal date it will no longer be possible to downgrade.", "pushback"),
    ("followup", "Ірино, після підписання змінити кількість місць вже не можна буде.", "pushback"),
    ("followup", "Дана, после продления поменять тариф будет уже нельзя.", "pushback"),
    ("followup", "Lucía, después del día 15 ya no se podrá cambiar el plan.", "pushback"),
    ("followup", "João, depois da renovação já não será possível reduzir o plano.", "pushback"),
    ("followup", "Madame Lefèvre, après le renouvellement ce ne sera plus possible.", "pushback"),
    ("followup", "Herr Bergmann, nach der Verlängerung ist eine Änderung nicht mehr möglich.", "pushback"),
    ("followup", "Pani Anno, po odnowieniu zmiana nie będzie już możliwa.", "pushback"),
    ("followup", "Lucía, si la factura no se paga, la enviaremos a recobro.", "pushback"),
    ("followup", "Lucía, si no se abona el importe, el expediente pasa a cobros.", "pushback"),
    # a price going up said in passing; the balance falling due; paused months spread over later bills
    ("outreach", "Dana, extra seats are billed at the list price, which is rising next quarter.", "hidden_terms"),
    ("outreach", "Herr Bergmann, im Frühjahr steigen die Lizenzpreise.", "hidden_terms"),
    ("outreach", "Ірино, з весни тарифи на модуль аналітики підвищуються.", "hidden_terms"),
    ("followup", "Dana, if you cancel now the unpaid contract balance becomes payable at once.", "hidden_terms"),
    ("pause_plan", "Dana, we'll pause, and later add those months to your next few invoices.", "hidden_terms"),
    ("pause_plan", "Ірино, оплату за час паузи розкладемо на частини в наступних рахунках.", "hidden_terms"),
    # a price or months without payment promised in a first reply
    ("acknowledgment", "Dana, leave it with me, I'm sure we'll find a price that keeps everyone happy.",
     "offer_in_first_reply"),
    ("acknowledgment", "Dana, a couple of weeks without invoices is something I can sort for you.",
     "offer_in_first_reply"),
    ("acknowledgment", "Ірино, кілька місяців без оплати ми вам влаштуємо.", "offer_in_first_reply"),
    ("acknowledgment", "Lucía, seguro que encontraremos un precio que le encaje.", "offer_in_first_reply"),
    # leaks: a template handed over; the numbers given by a system; a word range; a rule on links;
    # the root-cause list
    ("outreach", "Dana, they gave me a template and asked me to make it friendlier, so here it is.", "prompt_leak"),
    ("outreach", "Ірино, мені передали шаблон і попросили зробити його м'якше.", "prompt_leak"),
    ("outreach", "Lucía, me pasaron una plantilla para este mensaje.", "prompt_leak"),
    ("followup", "Dana, the pricing tool gave me these figures; I'm only phrasing them.", "prompt_leak"),
    ("followup", "Ірино, система порахувала мені ці цифри, я лише формулюю.", "prompt_leak"),
    ("followup", "Dana, short note (it has to be 80-180 words, per the rules).", "prompt_leak"),
    ("followup", "Dana, I'm technically not allowed to share links here, but this one is useful.", "prompt_leak"),
    ("questions", "Dana, the system needs me to work out why first: budget, team size, usage, the value you "
                  "see, strategy or a competitor?", "prompt_leak"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS_10)
def test_dev10_family_is_caught(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN_10 = [
    # signatures: phones, postcodes, suites, offices
    ("followup", "Dana, the $3,600/mo offer still stands.\n\nBest,\nSam Ortiz | Acme\nSuite 210, 88 King Street, "
                 "Seattle WA 98101\n+1 206 555 0133"),
    ("followup", "Dana, the $3,600 option is still open. Cheers, Sam, (206) 555-0133"),
    ("followup", "Dana, nudge on the 3.6k/mo plan (24mo).\nSam, 020 7946 0321"),
    ("followup", "Ірино, нагадую про $3,600/міс.\n\nОлег, м. Одеса, вул. Дерибасівська, 14, оф. 7\n+380 48 700 11 22"),
    ("followup", "Herr Bergmann, das Angebot gilt weiter.\nJana Roth, Lindenallee 9, 50667 Köln · +49 221 555 0147"),
    ("followup", "Lucía, la propuesta sigue en pie.\nMarta — Calle Mayor, 3, 28013 Madrid, 611 222 333"),
    ("followup", "Dana, 24 months at the new 3.6k monthly, same 32 seats. Priya, Leeds LS1 4AP"),
    # a fact in casual form; the customer's own figure quoted back in scale words
    ("followup", "Ірино, ви писали: «нам би вийти на 3,6 тис. доларів». Так і виходить: $3,600 на місяць."),
    ("followup", "Dana, you said \"we need to get to 3.6k\", and that's what the plan does."),
    # not a barrier, a deadline or a leak
    ("followup", "Dana, there's no minimum commitment on the new add-on."),
    ("followup", "Dana, if you don't get to it before the end of the month, no problem, the offer stays open."),
    ("followup", "Dana, the template for your quarterly report is attached to the dashboard."),
    ("acknowledgment", "Dana, thanks for the note; I'll look into it and come back with a few questions."),
    ("followup", "Ірино, оплата за час паузи не нараховується, а потім усе як раніше."),
]


@pytest.mark.parametrize("stage, text", CLEAN_10)
def test_dev10_clean_text_passes(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text


NUMBERS_10 = [
    # an amount with thousands spaces closing a line is a figure, not a phone; a postcode-like figure before a currency
    ("followup", "Dana, the total for the term would be 12 000 000", "unstated_number"),
    ("followup", "Herr Bergmann, der Vertrag, 48000 Euro insgesamt, läuft weiter.", "unstated_number"),
    ("followup", "Dana, that comes to 2k more than today.", "unstated_number"),
]


@pytest.mark.parametrize("stage, text, category", NUMBERS_10)
def test_dev10_figure_is_still_read(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


VIOLATIONS_10_LANGS = [
    ("outreach", "Herr Bergmann, man hat mir eine Vorlage gegeben, die ich persönlicher machen soll.", "prompt_leak"),
    ("followup", "Herr Bergmann, das System hat mir die Zahlen vorgegeben, ich formuliere nur aus.", "prompt_leak"),
    ("outreach", "Madame Lefèvre, on m'a donné un modèle à rendre plus chaleureux.", "prompt_leak"),
    ("followup", "Madame Lefèvre, le système m'a fourni les chiffres, je ne fais que les formuler.", "prompt_leak"),
    ("outreach", "João, deram-me um modelo e pediram para o tornar mais pessoal.", "prompt_leak"),
    ("followup", "João, o sistema calculou os valores, eu só os redijo.", "prompt_leak"),
    ("outreach", "Pani Anno, dostałam szablon i mam go napisać cieplej.", "prompt_leak"),
    ("followup", "Pani Anno, system podał mi te kwoty, ja tylko je formułuję.", "prompt_leak"),
    ("outreach", "Дана, мне выдали шаблон, и я его немного оживила.", "prompt_leak"),
    ("followup", "Lucía, tengo que quedarme entre 80 y 180 palabras.", "prompt_leak"),
    ("followup", "Ірино, пишу коротко, бо має бути від 80 до 180 слів.", "prompt_leak"),
    ("questions", "Herr Bergmann, woran liegt es: Budget, Teamgröße, geringe Nutzung, der wahrgenommene Wert, "
                  "eine neue Strategie oder ein Wettbewerber?", "prompt_leak"),
    ("questions", "Madame Lefèvre, est-ce le budget, la taille de l'équipe, l'usage, la valeur perçue, un changement "
                  "de stratégie ou la concurrence ?", "prompt_leak"),
    ("questions", "João, é orçamento, redução de equipa, pouco uso, valor percebido, mudança de estratégia ou "
                  "concorrência?", "prompt_leak"),
    ("questions", "Pani Anno, czy chodzi o budżet, mniejszy zespół, słabe wykorzystanie, wartość, zmianę strategii "
                  "czy konkurencję?", "prompt_leak"),
    ("outreach", "Lucía, los puestos extra van a la tarifa, que va a subir pronto.", "hidden_terms"),
    ("outreach", "Madame Lefèvre, les licences en plus sont au tarif, qui va augmenter bientôt.", "hidden_terms"),
    ("outreach", "João, os lugares extra pagam o preço de tabela, que vai subir em breve.", "hidden_terms"),
    ("outreach", "Pani Anno, dodatkowe miejsca są w cenie katalogowej, która wkrótce wzrośnie.", "hidden_terms"),
    ("acknowledgment", "Herr Bergmann, ein paar Monate ohne Rechnung bekommen wir hin.", "offer_in_first_reply"),
    ("acknowledgment", "Madame Lefèvre, quelques mois sans facture, c'est faisable.", "offer_in_first_reply"),
    ("acknowledgment", "João, uns meses sem pagar conseguimos arranjar.", "offer_in_first_reply"),
    ("acknowledgment", "Pani Anno, kilka miesięcy bez płatności da się załatwić.", "offer_in_first_reply"),
    ("acknowledgment", "Дана, пару месяцев без оплаты мы вам сделаем.", "offer_in_first_reply"),
]


@pytest.mark.parametrize("stage, text, category", VIOLATIONS_10_LANGS)
def test_dev10_family_is_caught_in_every_language(stage: str, text: str, category: str) -> None:
    assert category in categories(text, stage), text


CLEAN_10_LANGS = [
    ("followup", "Herr Bergmann, die Vorlage für Ihren Quartalsbericht liegt im Dashboard."),
    ("followup", "Madame Lefèvre, le modèle de rapport est disponible dans votre espace."),
    ("followup", "Lucía, el precio no va a subir: se mantiene durante todo el plazo."),
    ("followup", "Pani Anno, w czasie przerwy nie ma płatności, a potem wszystko wraca do normy."),
    ("pause_plan", "João, durante a pausa fica sem pagar nada; depois tudo volta ao normal."),
]


@pytest.mark.parametrize("stage, text", CLEAN_10_LANGS)
def test_dev10_clean_text_passes_in_every_language(stage: str, text: str) -> None:
    assert categories(text, stage) == set(), text
