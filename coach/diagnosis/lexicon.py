"""The words the request grammar counts with: seat nouns, numbers, percentages, and nouns that are not seats.

Shared by the grammar (`grammar.py`) and its phrase patterns (`seat_phrases.py`); a noun added here is
read by every pattern.
"""

from __future__ import annotations

SEAT = (r"(?:seats?|licen[cs]es?|logins?|users?|user accounts?|accounts?|members|agents|"
        r"lisen[cs]es?|licnes\w*|licens\w*|lizens\w*|ліценц\w*|"
        r"місц[ьяе]?|ліцензі[йяїю]|користувач\w*|акаунт\w*|облікових записів|"
        r"licencias?|usuarios?|puestos?|asientos?|plazas?|"
        r"lizenzen|lizenz|nutzer\w*|benutzer\w*|plätze|sitze|arbeitsplätze|"
        r"licences?|sièges?|utilisateurs?|postes?|"
        r"licenças?|licencas?|usuários?|utilizadores?|assentos?|lugares|"
        r"licencj\w*|stanowisk\w*|użytkownik\w*|miejsc\w*|"
        r"terminals?|chairs?|юзер\w*|cuentas?|comptes?|contas?|agentes|kont\w*|"
        r"accès|accesos|acessos|zugänge|dostęp\w*|доступ\w*|логін\w*|perfiles|perfis)")
N = r"(\d{1,3}(?:[ ,.]\d{3})+|\d{1,6})"
PCT = r"(\d{1,3}(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|pct\b|відсот\w*|процент\w*|por ?ciento|prozent|pour ?cent|por cento|procent\w*)"
# Counts of people, places or money are facts ("we are 6 people instead of 15"), not seats asked for.
NOT_SEAT_NOUN = (r"(?:people|staff|persons?|employees|workers|salariés|employés|empleados|trabajadores|funcionários|"
                  r"colaboradores|angestellte\w*|pracownik\w*|leute|mitarbeit\w*|personas|personnes|pessoas|osób|osoby|osob[aęy]|людей|людин\w*|осіб|особи|"
                  r"люди|працівник\w*|співробітник\w*|юрист\w*|dział\w*|відділ\w*|departments?|abteilung\w*|"
                  r"départements?|departamentos?|restaurants?|restaurantes?|locales|tiendas|centros|oficinas|lojas|filiais|sklep\w*|oddzia\w*|офіс\w*|"
                  r"standorte|studios|locations?|stores?|shops?|sites?|clinics?|"
                  r"branches|hubs|offices|hours|годин\w*|stunden|horas|heures|godzin|zimmer|établissements|brasseries|магазин\w*|точ\w*|кас\b|філі\w*|filial\w*|"
                  r"thirds?|quarters?|третин\w*|чверт\w*|tercios|drittel|tiers|terços|trzecie|"
                  r"kuchni|кухонь|курс\w*|дітей|children|rooms|chambres|тисяч\w*|тис\b|mil\b|tys\w*|thousand|"
                  r"гривень|гривні|грн|złotych|mensu\w*|al mes|por m[eê]s|на міс\w*|за міс\w*|a month|per month|"
                  r"monthly|pro monat|im monat|par mois|miesięcznie|mensais|mensual\w*|ao mês)(?![\w-])")
# "fewer" after a figure, in every language: "10 fewer", "cinco menos", "drei weniger", "5 mniej".
FEWER = r"(?:fewer|less|menos|a menos|de menos|en moins|de moins|weniger|mniej|менше)"
