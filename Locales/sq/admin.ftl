# Mentore · admin · sq

## Administration (admins only): organizers, partners, venues, events, audit log.

dashboard-admin-title = Administrimi
admin-organizers-title = Organizatorët
# $pending is the number of applications still to review.
admin-organizers-text = Aplikime në pritje: { $pending }.
admin-organizers-empty = Ende asnjë organizator.
admin-organizer-edit-title = Ndrysho organizatorin
# Status of an organizer application (badge).
organizer-status-pending = Në pritje
organizer-status-approved = Miratuar
organizer-status-rejected = Refuzuar
admin-partners-title = Partnerët
# Short description under the heading.
admin-partners-text = Shoqatat që propozojnë përfituesit.
admin-partners-empty = Ende asnjë partner.
admin-partner-new = Partner i ri
admin-partner-edit-title = Ndrysho partnerin
admin-venues-title = Vendndodhjet
admin-venues-text = Vendndodhjet ku zhvillohen ngjarjet.
admin-venues-empty = Ende asnjë vendndodhje.
admin-venue-new = Vendndodhje e re
admin-venue-edit-title = Ndrysho vendndodhjen
admin-events-title = Ngjarjet
admin-events-text = Kurse dhe ngjarje kulturore, me datat e tyre.
admin-events-empty = Ende asnjë ngjarje.
admin-event-new = Ngjarje e re
admin-event-edit-title = Ndrysho ngjarjen
# Shown above the title/description fields in the three languages.
admin-event-texts-hint = Titulli dhe përshkrimi duhen shkruar të paktën në një gjuhë; për gjuhët që mungojnë lexuesit do të shohin një njoftim.
# Heading of the list of dates (sessions) of one event.
admin-sessions-title = Datat e ngjarjes
admin-sessions-empty = Ende asnjë datë.
admin-session-add = Shto një datë
admin-audit-title = Regjistri i veprimeve
# Short description under the heading of the audit log.
admin-audit-text = Kush bëri çfarë, kur dhe nga ku.
admin-audit-empty = Asnjë veprim i regjistruar.

## Admin forms for venues and events.

field-organizer = Organizatori
field-venue-name = Emri i vendndodhjes
field-address = Adresa
field-country = Shteti
field-time-zone = Zona kohore
# ISO 3166 country codes; IT is Italy, AL is Albania.
hint-country = Kod me dy shkronja, për shembull IT ose AL.
# IANA time zone names; keep them as they are.
hint-time-zone = Për shembull Europe/Rome ose Europe/Tirane.
field-venue = Vendndodhja
field-kind = Lloji
field-price = Vlera e një vendi
# The lek (ALL) is Albania’s currency and has no decimals.
hint-price = Për shembull 40 ose 12,50; shumat në lekë nuk kanë decimale.
field-currency = Monedha
# Which languages the course or event is held in (check boxes).
field-languages = Gjuhët në të cilat zhvillohet
# $language is the language’s name in the reader’s language (e.g. Albanian).
field-title-in = Titulli ({ $language })
# $language is the language’s name in the reader’s language (e.g. Albanian).
field-description-in = Përshkrimi ({ $language })
# Check box: show the event in the public catalog.
field-published = Publikuar në katalog
field-starts-at = Fillimi
field-ends-at = Mbarimi
field-capacity = Vende në dispozicion
# $zone is the venue’s time zone, e.g. Europe/Rome.
hint-venue-time = Ora lokale e vendndodhjes ({ $zone }).

## Translations side by side (events, venues)
# The language a text was first written in.
field-original-language = Gjuha origjinale
# Badge on a language column that has no text yet.
translation-missing = Mungon
# Who wrote the text of one language: a person or a machine translation.
field-text-origin = Origjina e tekstit
# Choice for field-text-origin, completes the sentence “Written by …”.
text-origin-human = Shkruar nga një person
# Choice for field-text-origin, completes the sentence “Written by …”.
text-origin-machine = Përkthim automatik
field-directions = Si të vini
hint-directions = Transporti publik, hyrja, aksesueshmëria: çfarë i duhet dikujt që vjen për herë të parë.

## Funds and contributions (admins): creating funds, and recording the bank transfers that
## pay contributions.

admin-funds-title = Fondet
admin-funds-text = Fonde me një qëllim, që mbushen nga kontributet e mentorëve.
admin-funds-empty = Ende asnjë fond.
admin-fund-new = Fond i ri
admin-fund-edit-title = Ndrysho fondin
field-fund-name = Emri
field-fund-purpose = Qëllimi
field-face-value = Vlera e një vauçeri (sipas dëshirës)
hint-face-value = Për shumat e dhëna pa destinacion të caktuar (vlerë për çdo ngjarje): çdo vlerë e plotë bëhet një vauçer; pjesa tjetër mbetet në fond.
field-fund-event = I destinuar për një ngjarje
field-fund-partner = I destinuar për një partner
field-fund-circuit = I destinuar për një rrugëtim (një vend është i gjithë rrugëtimi)
field-fund-public = Trego në faqen publike çfarë ka bërë të mundur
field-fund-open = I hapur për kontribute
# Option of a drop-down list meaning “no choice”.
option-none = Asnjë
# What a fund pays for (column of the funds list).
fund-scope-general = Çdo gjë
fund-scope-event = Një ngjarje
fund-scope-circuit = Një rrugëtim
fund-scope-partner = Një partner
fund-state-open = I hapur
fund-state-closed = I mbyllur
column-currency = Monedha
column-scope = Për
column-amount = Shuma
column-mentor = Mentori
column-provider = Pagesa
action-view = Shiko
admin-contributions-title = Kontributet
admin-contributions-text = Pagesat e mentorëve; regjistroni transfertat bankare kur mbërrijnë.
admin-contributions-empty = Ende asnjë kontribut.
action-record-transfer = Regjistro transfertën
admin-transfer-title = Regjistro një transfertë bankare
# $reference is the payment reference (MNT-…), $amount the amount expected with its currency.
admin-transfer-intro = Kontributi { $reference }: priten { $amount }.
# $currency is a currency code such as EUR.
field-received-amount = Shuma e marrë ({ $currency })
field-bank-reference = Referenca bankare e transfertës
admin-transfer-recorded = Transferta u regjistrua: kontributi është paguar dhe vauçerët e tij janë lëshuar.
admin-transfer-already = Ky kontribut ishte paguar tashmë: nuk ndryshoi asgjë.
action-refund = Rimburso
admin-refund-title = Rimburso një kontribut
# $reference payment reference; $amount paid; $refunded already given back; $refundable what
# can still go back (loose value in the fund and vouchers nobody holds yet).
admin-refund-intro = Kontributi { $reference }: paguar { $amount }, rimbursuar deri tani { $refunded }. Mentorit mund t’i kthehen tani { $refundable }; vauçerët që i janë dhënë tashmë dikujt mbeten të vlefshëm.
# Asked for contributions paid by bank transfer: the admin sends the money back first.
field-refund-bank-reference = Referenca e transfertës së kthimit
# $amount is what was refunded now, with its currency.
admin-refund-done = U rimbursuan { $amount }.

## A contribution’s vouchers, for admins (/admin/contributions/ID/vouchers).

action-vouchers = Vauçerët
admin-vouchers-title = Vauçerët e një kontributi
# $reference is the contribution’s number, such as MNT-000042.
admin-vouchers-intro = Vauçerët e kontributit { $reference }. Një vauçer që nuk e ka përdorur ende askush mund të anulohet: vlera e tij kthehet në fond.
admin-vouchers-empty = Ky kontribut nuk ka vauçerë.
admin-voucher-partner = Shoqata partnere
admin-voucher-expires = I vlefshëm deri më
action-cancel-voucher = Anuloje
admin-voucher-cancelled = Vauçeri u anulua dhe vlera e tij u kthye në fond.
action-allocate = Jepja shoqatës
field-allocate-partner = Shoqata partnere
admin-allocate-intro = Këtu presin vauçerët që ende nuk i mban asnjë shoqatë. Jepjani një shoqate partnere: ajo do të zgjedhë kujt t’ua japë.
# $count is how many vouchers were given to the partner.
admin-vouchers-allocated = { $count ->
        [one] Një vauçer është tani te shoqata.
       *[other] { $count } vauçerë janë tani te shoqata.
    }
# Admin list of contributions: the mentor asked for unused value back and it must be sent by
# bank transfer; $amount is a formatted amount.
contribution-refund-owed = I paguar · rimbursim për t’u dërguar: { $amount }

## Circuits (admin): composing integrated paths of events, step by step.

admin-circuits-title = Rrugëtimet
admin-circuits-text = Rrugëtime që bashkojnë kurse dhe ngjarje kulturore në hapa, me një certifikatë në fund.
admin-circuits-intro = Një rrugëtim është një varg hapash; çdo hap ofron një ose më shumë ngjarje dhe përfituesi zgjedh një seancë. Publikimi e fikson një version: vauçerët ruajnë versionin me të cilin u lëshuan.
admin-circuits-empty = Ende asnjë rrugëtim.
admin-circuit-new = Rrugëtim i ri
admin-circuit-edit = Cilësimet dhe tekstet e rrugëtimit
admin-circuit-steps-title = Hapat e rrugëtimit
# $title: the circuit’s title; $value: the value of one place (sum of the steps’ prices); $status: one of circuit-status-*.
admin-circuit-steps-intro = { $title }: { $status }. Vlera e një vendi: { $value }.
admin-circuit-no-steps = Ky rrugëtim nuk ka ende hapa: shtoni të parin më poshtë.
admin-circuit-step-hint = Shënoni ngjarjet që ofron ky hap (një ose më shumë); çmimi i një hapi është ai i ngjarjes më të shtrenjtë.
# $position: the number of the step just added.
admin-step-added = Hapi { $position } u shtua.
admin-steps-saved = Hapat u ruajtën.
# $version: the version number now shown to the public.
admin-circuit-published = U publikua: versioni { $version } është ai që shfaqet dhe mbështetet.
admin-circuit-unpublished = Rrugëtimi nuk shfaqet më. Vauçerët e lëshuar ruajnë versionin e tyre.
# $position: a step number; $problem: an error message.
admin-step-problem = Hapi { $position }: { $problem }
circuit-status-draft = Skicë
circuit-status-published = I publikuar
circuit-status-unpublished = Nuk shfaqet
column-circuit-version = Versioni
column-step = Hapi
column-step-events = Ngjarjet
column-step-price = Çmimi i një vendi
action-circuit-steps = Hapat
action-add-step = Shto një hap
# The buttons on each row of the steps table; $position: the step’s number, for screen readers.
action-step-up = Zhvendose lart hapin { $position }
action-step-down = Zhvendose poshtë hapin { $position }
action-step-remove = Hiq hapin { $position }
action-publish = Publiko
action-unpublish = Mos e shfaq më
field-circuit-order = Rendi i hapave
circuit-order-strict = Me radhë: çdo hap pas të mëparshmit
circuit-order-any = Në çfarëdo rendi
field-circuit-completion = Hapa për t’u përfunduar
hint-circuit-completion = Lëreni bosh për të gjithë hapat.
field-circuit-valid-from = Vlen nga
field-circuit-valid-until = Vlen deri më
field-step-events = Ngjarjet e këtij hapi

# Drag and drop of the steps: a changed page or a stale list sends an order that is not the circuit’s steps.
admin-steps-order-invalid = Renditja e re nuk përputhet me hapat e rrugëtimit (ndoshta dikush i ndryshoi ndërkohë): asgjë nuk u zhvendos. Ringarkoni faqen dhe provoni përsëri.
# Above the steps table, when the browser can drag rows.
admin-steps-drag-hint = Tërhiqni një rresht për të zhvendosur një hap, ose përdorni butonat e tij.
action-circuit-stats = Shifrat
admin-circuit-stats-title = Shifrat e rrugëtimit
# $title: the circuit; $enrolled: beneficiaries holding a voucher for it; $completed: certificates issued; $rate: completed ÷ enrolled as a percentage, or a dash.
admin-circuit-stats-intro =
    { $title }: { $enrolled ->
        [one] një përfitues i regjistruar
       *[other] { $enrolled } përfitues të regjistruar
    } · e përfunduan: { $completed } ({ $rate }).
# Figures table: reservations made for a step.
column-reserved = Të rezervuar
# Figures table: people admitted at the door for a step.
column-attended = Të pranishëm
# Figures table: share of those who reached the previous step (or enrolled, for the first) who did not attend this one.
column-drop-off = Braktisje
# A share shown as a percentage; $value is a number formatted as a percentage.
stats-share = { $value }
