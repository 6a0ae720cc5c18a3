# ruff: noqa: E501  (sample sentences, one language per line)
"""Language identifiers measured for the guard: accuracy on full sentences and on short replies (en, uk,
ru, es, de, fr, pt, pl), load time and time per text. py3langid is the dependency; langid, lingua
(lingua-language-detector) and pycld2 are measured only when installed. Usage:
    .venv/bin/python benchmarks/language_id.py py3langid|langid|lingua|pycld2   (HARD=1: the short replies)"""

import os
import sys
import time

S = {
"en": ["Hi Anna, thanks for letting me know about the budget change.", "We can move you to 8 seats at $1,200.00 a month.", "I understand, and I'm on it.", "Does this work for you?", "Billing stays monthly, with no prepayment.", "Thanks for being upfront with me about this.", "Let's look at which results matter most to your team now.", "Happy to help with the change.", "I'll come back with a proposal shortly.", "Could you tell me what changed on your side?"],
"uk": ["Дякую, Олено, що повідомили про зміну бюджету.", "Ми можемо залишити 8 місць за 1 200,00 $ на місяць.", "Я розумію і вже працюю над цим.", "Чи підходить вам такий варіант?", "Оплата залишається щомісячною, без передоплати.", "Дякую за відвертість.", "Що змінилося у вашій команді останнім часом?", "Радо допоможу зі змінами.", "Я повернуся з пропозицією найближчим часом.", "Які результати для вас зараз найважливіші?"],
"ru": ["Спасибо, Елена, что сообщили об изменении бюджета.", "Мы можем оставить 8 мест за 1 200,00 $ в месяц.", "Я понимаю и уже работаю над этим.", "Подходит ли вам такой вариант?", "Оплата остаётся ежемесячной, без предоплаты.", "Спасибо за откровенность.", "Что изменилось в вашей команде за последнее время?", "Рад помочь с изменениями.", "Я вернусь с предложением в ближайшее время.", "Какие результаты для вас сейчас важнее всего?"],
"es": ["Hola Ana, gracias por avisarme del cambio de presupuesto.", "Podemos pasar a 8 licencias por 1.200,00 $ al mes.", "Lo entiendo y ya estoy en ello.", "¿Le parece bien esta opción?", "La facturación sigue siendo mensual, sin pago por adelantado.", "Gracias por ser tan claro.", "¿Qué ha cambiado en su equipo últimamente?", "Con gusto le ayudo con el cambio.", "Le enviaré una propuesta en breve.", "¿Qué resultados son más importantes ahora?"],
"de": ["Hallo Anna, danke für den Hinweis zur Budgetänderung.", "Wir können auf 8 Plätze für 1.200,00 $ im Monat gehen.", "Ich verstehe das und kümmere mich darum.", "Passt Ihnen diese Lösung?", "Die Abrechnung bleibt monatlich, ohne Vorauszahlung.", "Danke für Ihre Offenheit.", "Was hat sich in Ihrem Team zuletzt geändert?", "Ich helfe gern bei der Änderung.", "Ich melde mich in Kürze mit einem Vorschlag.", "Welche Ergebnisse sind Ihnen jetzt am wichtigsten?"],
"fr": ["Bonjour Anne, merci de m'avoir prévenu du changement de budget.", "Nous pouvons passer à 8 postes pour 1 200,00 $ par mois.", "Je comprends et je m'en occupe.", "Cette option vous convient-elle ?", "La facturation reste mensuelle, sans prépaiement.", "Merci pour votre franchise.", "Qu'est-ce qui a changé dans votre équipe récemment ?", "Je vous aide volontiers pour ce changement.", "Je reviens vers vous rapidement avec une proposition.", "Quels résultats comptent le plus pour vous ?"],
"pt": ["Olá Ana, obrigado por me avisar sobre a mudança de orçamento.", "Podemos passar para 8 licenças por 1.200,00 $ por mês.", "Entendo e já estou cuidando disso.", "Esta opção funciona para você?", "A cobrança continua mensal, sem pagamento antecipado.", "Obrigado pela franqueza.", "O que mudou na sua equipe recentemente?", "Fico feliz em ajudar com a mudança.", "Volto em breve com uma proposta.", "Quais resultados são mais importantes agora?"],
"pl": ["Cześć Anno, dziękuję za informację o zmianie budżetu.", "Możemy przejść na 8 stanowisk za 1 200,00 $ miesięcznie.", "Rozumiem i już się tym zajmuję.", "Czy ta opcja Panu odpowiada?", "Rozliczenie pozostaje miesięczne, bez przedpłaty.", "Dziękuję za szczerość.", "Co ostatnio zmieniło się w Państwa zespole?", "Chętnie pomogę przy zmianie.", "Wkrótce wrócę z propozycją.", "Które wyniki są teraz najważniejsze?"],
}
HARD = {
"en": ["Thanks, Олена!", "Sounds good.", "Hi Taras, thank you.", "Deal?", "Noted, thanks.", "Moving Kyivstar Media to $900.00 a month.", "See you on 2027-03-01.", "OK, Petro, talk soon."],
"uk": ["Дякую!", "Гаразд.", "Привіт, Тарасе.", "Домовились?", "Зрозуміло, дякую.", "Так, звісно.", "До зустрічі 2027-03-01.", "Щиро дякую, Acme Dental."],
"ru": ["Спасибо!", "Хорошо.", "Привет, Тарас.", "Договорились?", "Понятно, спасибо.", "Да, конечно.", "До встречи 2027-03-01.", "Большое спасибо, Acme Dental."],
"es": ["¡Gracias!", "De acuerdo.", "Hola, Tarás.", "¿Trato hecho?", "Entendido, gracias.", "Sí, claro.", "Nos vemos el 2027-03-01.", "Muchas gracias, Acme Dental."],
"de": ["Danke!", "Einverstanden.", "Hallo Taras.", "Abgemacht?", "Verstanden, danke.", "Ja, natürlich.", "Bis zum 2027-03-01.", "Vielen Dank, Acme Dental."],
"fr": ["Merci !", "D'accord.", "Bonjour Taras.", "Marché conclu ?", "Compris, merci.", "Oui, bien sûr.", "À bientôt, le 2027-03-01.", "Merci beaucoup, Acme Dental."],
"pt": ["Obrigado!", "Combinado.", "Olá, Taras.", "Fechado?", "Entendido, obrigado.", "Sim, claro.", "Até dia 2027-03-01.", "Muito obrigado, Acme Dental."],
"pl": ["Dziękuję!", "Zgoda.", "Cześć, Taras.", "Umowa stoi?", "Rozumiem, dziękuję.", "Tak, oczywiście.", "Do zobaczenia 2027-03-01.", "Bardzo dziękuję, Acme Dental."],
}

if os.environ.get("HARD"): S = HARD
LANGS = list(S)
def run(name, fn):
    t=time.perf_counter(); fn("warm up text"); load=time.perf_counter()-t
    ok=0; n=0; errs=[]; t=time.perf_counter()
    for lang, xs in S.items():
        for x in xs:
            n+=1; g=fn(x)
            if g==lang: ok+=1
            else: errs.append((lang,g,x[:40]))
    dt=(time.perf_counter()-t)/n*1000
    print(f"{name}: acc {ok}/{n} load {load:.2f}s {dt:.2f} ms/text"); [print("   ",e) for e in errs[:12]]
which = sys.argv[1]
if which=="py3langid":
    import py3langid as langid
    t=time.perf_counter(); langid.set_languages(LANGS); print('load', time.perf_counter()-t)
    run("py3langid", lambda x: langid.classify(x)[0])
elif which=="langid":
    import langid
    langid.set_languages(LANGS)
    run("langid", lambda x: langid.classify(x)[0])
elif which=="lingua":
    from lingua import Language, LanguageDetectorBuilder
    m={"en":Language.ENGLISH,"uk":Language.UKRAINIAN,"ru":Language.RUSSIAN,"es":Language.SPANISH,"de":Language.GERMAN,"fr":Language.FRENCH,"pt":Language.PORTUGUESE,"pl":Language.POLISH}
    inv={v:k for k,v in m.items()}
    det = LanguageDetectorBuilder.from_languages(*m.values()).build()
    run("lingua", lambda x: inv.get(det.detect_language_of(x)))
    det2 = LanguageDetectorBuilder.from_languages(*m.values()).with_low_accuracy_mode().build()
    run("lingua-low", lambda x: inv.get(det2.detect_language_of(x)))
elif which=="pycld2":
    import pycld2
    def f(x):
        ok, _, d = pycld2.detect(x)
        return d[0][1] if ok else None
    run("pycld2", f)
