# Mentore · mentor · sq

## Mentor dashboard: the people who fund places.

dashboard-mentor-title = Faqja e mentorit
dashboard-mentor-events-title = Ngjarje për t’u mbështetur
dashboard-mentor-events-text = Kurset dhe ngjarjet e ardhshme ku mund të financoni vende.

## Funds and contributions: the public fund pages (/funds), the contribution form and a
## mentor’s page for one contribution. A Fund is a pot of money with a purpose; a
## contribution is a mentor’s payment into it; vouchers pay for beneficiaries’ places.

funds-title = Fondet
funds-intro = Zgjidhni çfarë të mbështetni: çdo fond paguan vendet e atyre që nuk do t’i përballonin dot.
funds-empty = Për momentin nuk ka asnjë fond të hapur.
# Heading above the counts of what a fund paid for.
fund-impact-title = Çfarë ka bërë të mundur ky fond
# $count is a number of paid contributions.
fund-impact-contributions = { $count ->
        [one] Një kontribut
       *[other] { $count } kontribute
    }
# $count is a number of vouchers (one voucher pays for one place).
fund-impact-vouchers = { $count ->
        [one] Një vend i financuar
       *[other] { $count } vende të financuara
    }
# $amount is a sum of money, already formatted with its currency.
fund-impact-raised = U mblodhën: { $amount }
# Followed by a link to the event the fund pays for.
fund-for-event = Ky fond paguan vende për:
fund-face-value = Vlera e një vauçeri
fund-contribute-title = Kontribuoni
fund-login-to-contribute = Hyni ose regjistrohuni për të kontribuar: mjafton një minutë.
# Shown on every page that involves payments while the demonstration provider is on.
demo-mode-note = Demonstrim: pagesat këtu nuk janë të vërteta dhe nuk lëvizin para.
field-contribution-kind = Çfarë jepni
contribution-kind-places = Sponsorizo vende
contribution-kind-amount = Jep një shumë
field-places = Numri i vendeve
# $price is the price of one place today, formatted with its currency.
hint-places = Sot një vend kushton { $price }; ky çmim mbetet i fiksuar për kontributin tuaj.
# $currency is a currency code such as EUR or ALL.
field-amount = Shuma ({ $currency })
field-dedication = Kushtim (sipas dëshirës)
hint-dedication = Një rresht që shfaqet me kontributin tuaj, për shembull «Në kujtim të gjyshes sime».
field-anonymous = Mos e shfaq emrin tim
# What happens to the value of a place nobody uses before the voucher expires.
field-unused-rule = Nëse një vend nuk përdoret
unused-rule-reallocate = Jepja personit të radhës në listën e pritjes
unused-rule-return_to_fund = Lëre në fond
unused-rule-refund = Ma kthe mua
field-provider = Si paguani
provider-bank-transfer = Transfertë bankare
provider-demo = Demonstrim (pa para të vërteta)
provider-stripe = Kartë (Stripe)
contribution-submit = Kontribuo
# $number is the receipt number of the contribution.
contribution-title = Kontributi nr. { $number }
contribution-status = Gjendja
contribution-amount = Shuma
contribution-status-pending = Në pritje të pagesës
contribution-status-paid = I paguar
contribution-status-refunded = I rimbursuar
contribution-status-failed = Pagesa dështoi
contribution-status-cancelled = I anuluar
# $amount is the amount with its currency; $reference the payment reference (MNT-…) that
# must appear in the transfer’s description.
contribution-transfer-instructions = Transferoni { $amount } në llogarinë më poshtë dhe shkruani { $reference } te përshkrimi. Vauçerët lëshohen sapo të mbërrijnë paratë.
bank-holder = Titullari i llogarisë
bank-iban = IBAN
bank-bic = BIC
bank-reference = Referenca e pagesës
# $count is the number of vouchers (places) the contribution paid for.
contribution-vouchers = { $count ->
        [0] Ende asnjë vauçer: shuma mbetet në fond derisa të mjaftojë për një vend.
        [one] U lëshua një vauçer: një shoqatë partnere do t’ia japë dikujt që ka nevojë.
       *[other] U lëshuan { $count } vauçerë: shoqatat partnere do t’ua japin atyre që kanë nevojë.
    }
contribution-demo = Paguar në mënyrë demonstrative: nuk lëvizën para.
# Shown while a card contribution waits for Stripe’s confirmation.
contribution-card-waiting = Pagesa me kartë nuk ka përfunduar ende.
contribution-card-pay = Shko te pagesa me kartë
# Shown when the mentor comes back from Stripe’s page, before Stripe’s confirmation arrives.
contribution-card-confirming = Faleminderit: pagesa po konfirmohet. Vauçerët lëshohen sapo ta konfirmojë kompania e kartës; rifreskoni faqen pas pak.
contribution-refunded = I rimbursuar
# The line item on Stripe’s payment page. $fund is the fund’s name; $count the places.
checkout-product-places = { $count ->
        [one] Një vend — { $fund }
       *[other] { $count } vende — { $fund }
    }
checkout-product-amount = Kontribut — { $fund }
mentor-contributions-title = Kontributet tuaja
mentor-contributions-text = Çfarë keni dhënë dhe çfarë ka bërë të mundur.
mentor-contributions-empty = Ende asnjë kontribut: zgjidhni një fond për të filluar.
# One line per contribution: $number receipt number, $amount with currency, $status one of
# contribution-status-*.
mentor-contribution-line = Nr. { $number }: { $amount } ({ $status })

## A voucher opened by its code (/v and /v/CODE), and the printed voucher. Read by
## beneficiaries, often on a phone: short, plain words.

voucher-entry-title = Hapni një vauçer
voucher-entry-intro = Shkruani kodin e shtypur në vauçerin tuaj, ose skanoni kodin QR me kamerën e telefonit.
field-voucher-code = Kodi i vauçerit
# The code has five groups of four letters and digits.
hint-voucher-code = Për shembull 7KQ3-M9TX-4ABC-DEFG-HJKM; shkronjat e mëdha dhe vizat nuk kanë rëndësi.
voucher-open = Hap
voucher-title = Vauçeri juaj
# Accessible name of the QR code picture.
voucher-qr-label = Kodi QR i vauçerit
voucher-value = Vlera
voucher-valid-until = I vlefshëm deri më
# Label before what the voucher pays for (an event’s title, or voucher-scope-credit).
voucher-for = Për
voucher-scope-credit = Një vend në një kurs ose ngjarje sipas zgjedhjes suaj
voucher-status-issued = Gati për t’iu dhënë dikujt
voucher-status-nominated = Gati për përdorim
voucher-status-in_use = Në përdorim
voucher-status-completed = I përdorur
voucher-status-expired = I skaduar
voucher-status-cancelled = I anuluar
voucher-print-a6 = Shtyp (kartolinë A6)
voucher-print-a4 = Shtyp (fletë A4)
voucher-print-how = Tregojeni këtë vauçer në hyrje, në letër ose në telefon. Mos ia tregoni kodin askujt: kush e ka, mund ta përdorë.

## What a mentor’s money made possible (/mentor/impact): counts and sums only, never who.

impact-title = Çfarë bënë të mundur kontributet tuaja
impact-intro = Llogaritur nga vauçerët që paguan kontributet tuaja. Nga respekti për personat që i morën, shihni vetëm numra, asnjëherë emra.
impact-totals-title = Gjithsej
impact-contributions-title = Kontribut pas kontributi
impact-events-title = Sipas ngjarjes dhe vendndodhjes
impact-given = Dhuruar
impact-places = Vende të financuara
impact-nominated = U dhanë personave
impact-attended = Pjesëmarrje
impact-circuits = Rrugëtime të përfunduara
impact-redeemed = Përdorur
impact-outstanding = Ende pa u përdorur
impact-expired = Skaduar
# Value of expired vouchers that went on to the next person on a waiting list.
impact-reallocated = Kaluar të tjerëve
impact-date = Data
impact-event = Ngjarja
impact-venue = Vendndodhja

## A contribution’s receipt (/contributions/ID/receipt), printable.

# $number is the receipt number, such as MNT-000042.
receipt-title = Dëftesa { $number }
action-receipt = Dëftesa
receipt-number = Numri i dëftesës
receipt-date = Paguar më
receipt-from = Marrë nga
receipt-fund = Për fondin
receipt-method = Paguar me
receipt-vouchers = Vauçerë
# $count is how many vouchers the contribution paid for.
receipt-vouchers-count = { $count ->
        [one] U lëshua një vauçer
       *[other] U lëshuan { $count } vauçerë
    }
receipt-statement = Mentore konfirmon se e ka marrë këtë kontribut dhe se ai paguan vetëm vendet e personave që marrin pjesë, siç regjistrohet në kontabilitetin e saj.
receipt-demo = Demonstrim: nuk u mor asnjë para. Kjo dëftesë nuk ka vlerë.
receipt-print-hint = Për të mbajtur një kopje në letër, shtypeni këtë faqe nga shfletuesi: shtypet vetëm dëftesa.
receipt-back = Kthehu te kontributi

## The beneficiary’s journey on the voucher page
journey-title = Rrugëtimi juaj
journey-state-done = i ndjekur
journey-state-reserved = i rezervuar
journey-state-open = për t’u rezervuar
journey-state-locked = pas hapit të mëparshëm
journey-attended = Ndjekur më { $date }.
journey-full = E plotë
journey-seats = { $count ->
    [one] Një vend i lirë
   *[other] { $count } vende të lira
}
journey-progress = Hapa të ndjekur: { $done } nga { $required }
journey-next = Në vijim: hapi { $position }
journey-certificate = Certifikata juaj
journey-calendar = Shtoje në kalendar
journey-cancel = Anulo rezervimin
journey-change = Ndrysho datën
journey-choose = Zgjidh një datë
journey-move-here = Zhvendose këtu
journey-reserve = Rezervo këtë datë
journey-done-reserved = Vendi juaj është rezervuar. Tregojeni kodin QR në hyrje.
journey-done-cancelled = Rezervimi u anulua: vendi është i lirë për dikë tjetër.
journey-calendar-note = Tregojeni në hyrje kodin QR të vauçerit tuaj.

## Certificates
certificate-title = Certifikatë
certificate-hours = { $hours ->
    [one] 1 orë
   *[other] { $hours } orë
}
certificate-qr-label = Kodi QR për të verifikuar certifikatën
certificate-awarded-to = Kjo certifikatë vërteton se { $holder } ka përfunduar rrugëtimin { $circuit }.
certificate-steps = Hapat e ndjekur
certificate-column-step = Hapi
certificate-column-date = Data
certificate-column-place = Vendndodhja
certificate-column-hours = Orë
certificate-issued-by = Lëshuar nga
certificate-issued-on = Lëshuar më
certificate-code = Kodi i verifikimit
certificate-verify-at = Kushdo mund ta verifikojë këtë certifikatë në
certificate-credential = Kredenciali dixhital (Open Badges 3.0)
certificate-entry-title = Verifikoni një certifikatë
certificate-entry-intro = Shkruani kodin e verifikimit të shtypur në certifikatë.
field-certificate-code = Kodi i verifikimit
hint-certificate-code = 20 shkronja dhe shifra; hapësirat dhe vizat nuk kanë rëndësi.
certificate-check = Verifiko
certificate-check-title = Verifikimi i certifikatës
certificate-genuine = Kjo certifikatë është autentike: e ka lëshuar Mentore.
certificate-holder = Lëshuar për
certificate-circuit = Rrugëtimi
impact-circuits-title = Sipas rrugëtimit
impact-circuit = Rrugëtimi
