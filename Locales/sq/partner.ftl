# Mentore · partner · sq

## Partner dashboard and organisation members (partner associations such as Dora e Pajtimit, and
## organizers).

dashboard-partner-title = Faqja e partnerit
# $organization is the organisation’s name.
members-title = Anëtarët e organizatës { $organization }
# $organization is the organisation’s name.
members-intro = Kush punon me organizatën { $organization } në platformë.
members-empty = Ende asnjë anëtar.
members-invite-intro = Ftoni një koleg: do të marrë një lidhje me e-mail, të vlefshme shtatë ditë.
members-invite-submit = Dërgo ftesën
# $email is the invited e-mail address.
members-invited = Ftesa u dërgua në adresën { $email }.
# Button that removes a member from the organisation.
members-remove = Hiq

## Vouchers of a partner association and their nominations (/partner/ID/vouchers). A
## nomination gives one voucher to one beneficiary; it can be withdrawn while unused.

partner-vouchers-title = Vauçerët
# $organization is the partner association’s name.
partner-vouchers-intro = Vauçerët që fondet e mentorëve i dhanë shoqatës { $organization }: jepjani secilin një personi që ka nevojë.
partner-vouchers-empty = Ende asnjë vauçer: vijnë kur një mentor financon vende për këtë shoqatë.
# Column with the last characters of a voucher code.
column-code = Kodi
column-beneficiary = Iu dha
action-nominate = Jepja një personi
action-withdraw = Tërhiqe
action-print = Shtyp
nominate-title = Jepni një vauçer një personi
nominate-intro = Vetëm të dhënat e nevojshme: një emër ose pseudonim, gjuha që lexon personi dhe një adresë e-maili nëse vauçeri dërgohet me e-mail.
field-beneficiary-name = Emri ose pseudonimi
hint-beneficiary-name = Këtë do ta shohë stafi në hyrje kur të përdoret vauçeri.
field-beneficiary-email = E-maili (sipas dëshirës)
field-beneficiary-language = Gjuha e personit
field-delivery = Si i arrin vauçeri personit
delivery-email = Me e-mail, me kodin e tij QR
delivery-print = E shtyp dhe ia dorëzoj vetë
field-beneficiary-note = Shënim për shoqatën tuaj (sipas dëshirës)
hint-beneficiary-note = E sheh vetëm shoqata juaj.
nominated-emailed = U bë: vauçeri po niset me e-mail, në gjuhën e personit.
nominated-print = U bë: shtypeni vauçerin dhe dorëzojeni.
nomination-withdrawn = Vauçeri u kthye: mund t’ia jepni dikujt tjetër.

## Nominating many people at once from a CSV file (/partner/ID/vouchers/bulk).

action-bulk-open = Shpërnda vauçerë sipas një liste (CSV)
bulk-title = Shpërndani vauçerë sipas një liste
bulk-intro = Ngarkoni një skedar CSV, ose ngjitni rreshtat e tij, me një person për rresht. Të gjithë personat e listës marrin një vauçer, ose — nëse një rresht ka problem — askush, dhe të gjitha problemet renditen.
# Which kind of unused voucher to give. $what is an event’s title or voucher-scope-credit,
# $value the voucher’s value with its currency, $count how many are still unused.
bulk-group-option = { $what } · { $value } ({ $count ->
        [one] një i lirë
       *[other] { $count } të lirë
    })
field-bulk-group = Vauçerët që do të jepen
field-bulk-file = Skedari CSV
# $columns is the header line (fixed English names), $languages the language codes and
# $deliveries the delivery words the file may use: all shown as they are.
hint-bulk-file = Rreshti i parë: { $columns }. Emri dhe gjuha janë të detyrueshme; gjuha është një nga { $languages }; dorëzimi një nga { $deliveries } (print nëse është bosh).
field-bulk-rows = Ose ngjitini rreshtat këtu
hint-bulk-rows = I njëjti format, së pari rreshti me emrat e kolonave.
action-bulk-nominate = Jep vauçerët
# $count is how many people received a voucher.
bulk-done = { $count ->
        [one] U bë: një person mori një vauçer.
       *[other] U bë: { $count } persona morën një vauçer.
    } Vauçerët me e-mail janë nisur; të tjerët shtypini nga lista.
# $count is the number of problems found; nothing was saved.
bulk-refused = { $count ->
        [one] Askush nuk mori vauçer: ka një problem, të renditur më poshtë. Korrigjojeni dhe dërgojeni listën sërish.
       *[other] Askush nuk mori vauçer: ka { $count } probleme, të renditura më poshtë. Korrigjojini dhe dërgojeni listën sërish.
    }
bulk-problems-title = Problemet në listë
# Row number as a spreadsheet shows it (the column names are row 1).
column-row = Rreshti
column-column = Kolona
column-problem = Problemi
# In the Row column, for a problem of the file as a whole.
bulk-whole-file = i gjithë skedari

## A partner’s waiting list (/partner/ID/waiting): people who get the next voucher a fund frees up
## (the value of an expired voucher whose mentor chose reallocation).

waiting-title = Lista e pritjes
# $organization is the partner association’s name.
waiting-intro = Personat të cilëve shoqata { $organization } pret t’u japë një vend. Kur një vauçer i një fondi skadon pa u përdorur dhe mentori i tij ka zgjedhur t’ua kalojë të tjerëve, personi i parë në pritje për atë fond merr menjëherë një vauçer të ri, dhe ju njoftoheni me e-mail.
waiting-empty = Nuk pret askush.
waiting-form-intro = Të njëjtat të dhëna si kur jepet një vauçer: vauçeri krijohet dhe jepet sapo lirohet vlerë.
# $name is the person’s name or alias.
waiting-added = { $name } është në listën e pritjes.
waiting-removed = U hoq nga lista e pritjes.
waiting-status-waiting = Në pritje
waiting-status-served = Vauçeri u dha
waiting-status-removed = U hoq
# Position in the queue of the same fund.
column-waiting-place = Radha
column-waiting-fund = Pret për
column-waiting-since = Që nga
field-waiting-fund = Fondi për të cilin pret
action-add-waiting = Shtoje në listën e pritjes
action-remove-waiting = Hiqe

## One beneficiary’s data (/partner/ID/beneficiaries/ID): what is held, export and erasure.

beneficiary-title = Të dhënat e një personi
action-person-data = Të dhënat
beneficiary-since = Regjistruar më
beneficiary-no-vouchers = Tani për tani këtij personi nuk i është dhënë asnjë vauçer.
action-export = Shkarko të gjitha të dhënat e personit (JSON)
action-erase = Fshi të dhënat e këtij personi
beneficiary-erase-intro = Me kërkesë të personit: emri bëhet një pseudonim asnjanës, adresa e e-mailit dhe shënimi fshihen, dhe mesazhet për të zbrazen. Vauçerët, pjesëmarrjet dhe kontabiliteti mbeten siç janë. Ky veprim nuk mund të zhbëhet.
beneficiary-erased-done = U bë: të dhënat e personit u fshinë.
# $date is the day of the erasure.
beneficiary-erased-note = Të dhënat e këtij personi u fshinë më { $date }; mbetet vetëm një pseudonim asnjanës.
