## Shlyerjet: sa u takon organizatorëve për hyrjet në derën e tyre.

settlements-title = Shlyerjet
# $organizer: the organizer’s name.
settlements-intro = Sa i takon organizatës { $organizer } për hyrjet e regjistruara: muaj pas muaji çfarë nuk është shlyer ende, pastaj çdo shlyerje me pasqyrën e saj.
settlements-pending = Ende pa shlyer
settlements-pending-empty = Të gjitha hyrjet janë shlyer.
settlements-list = Shlyerjet
settlements-empty = Ende asnjë shlyerje.
settlement-no-lines = Kjo shlyerje nuk ka rreshta.
column-month = Muaji
column-admissions = Hyrjet
column-admitted-amount = Vlera e hyrjeve
column-carried-voids = Anuluar pas shlyerjes
column-due = Shuma për t’u paguar
column-settlement = Shlyerja
column-period = Periudha
column-event = Ngjarja
column-session = Data e ngjarjes
column-reference = Referenca
column-door = Hyrja
# $count: a number of admissions.
settlement-admissions-count = { $count ->
        [one] { $count } hyrje
       *[other] { $count } hyrje
    }
settlement-status-unpaid = Në pritje të pagesës
settlement-status-paid = E paguar
settlement-statement = Pasqyra
# $first and $last: formatted dates, both included.
settlement-period = { $first } – { $last }
settlement-organizer = Organizatori
settlement-created = Hartuar më
# $date: a formatted date.
settlement-paid-on = Paguar më { $date }
settlement-paid-reference = Referenca e pagesës
settlement-line-admission = Hyrje
settlement-line-void = Hyrje e anuluar pas një shlyerjeje të mëparshme
# $count: how many admissions the settlement pays for.
settlement-total-admissions = { $count ->
        [one] { $count } hyrje
       *[other] { $count } hyrje
    }
# $count: how many admissions undone after an earlier settlement are deducted.
settlement-total-voids = { $count ->
        [one] Minus { $count } hyrje e anuluar pas shlyerjes
       *[other] Minus { $count } hyrje të anuluara pas shlyerjes
    }
settlement-mark-paid = Shëno si të paguar
field-payment-reference = Referenca e transfertës bankare
hint-payment-reference = Sipas dëshirës: referenca e transfertës me të cilën u pagua organizatori.
settlement-csv = Shkarko si CSV
settlement-languages = Kjo pasqyrë në:
settlement-print-hint = Për të mbajtur një kopje në letër, shtypeni këtë faqe nga shfletuesi: shtypet vetëm pasqyra.
# $number: the settlement’s number, such as S-1A2B3C4D.
settlement-title = Shlyerja { $number }
admin-settlements-title = Shlyerjet
admin-settlements-text = Paguani organizatorët për hyrjet në ngjarjet e tyre, periudhë pas periudhe.
admin-settlements-intro = Një shlyerje merr të gjitha hyrjet e një organizatori në periudhë që asnjë shlyerje nuk i ka marrë ende, dhe zbret hyrjet e anuluara pas një shlyerjeje të mëparshme. Mund të shlyhet vetëm një periudhë që ka mbaruar.
settlement-create = Krijo një shlyerje
field-period-first = Dita e parë
field-period-last = Dita e fundit
hint-period-last = E përfshirë. Periudha duhet të ketë mbaruar.
# $count: how many settlements were created (one per currency).
settlement-created-notice = { $count ->
        [one] Shlyerja është gati: hapni pasqyrën e saj më poshtë.
       *[other] { $count } shlyerje janë gati, një për çdo monedhë: hapni pasqyrat e tyre më poshtë.
    }
field-organization-language = Gjuha e pasqyrave
hint-organization-language = Pasqyrat e shlyerjeve dhe skedarët e tyre CSV shkruhen në këtë gjuhë.
