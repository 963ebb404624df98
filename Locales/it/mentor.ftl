# Mentore · mentor · it

## Mentor dashboard: the people who fund places.

dashboard-mentor-title = Area mentore
dashboard-mentor-events-title = Eventi da sostenere
dashboard-mentor-events-text = I prossimi corsi ed eventi in cui puoi finanziare dei posti.

## Funds and contributions: the public fund pages (/funds), the contribution form and a
## mentor's page for one contribution. A Fund is a pot of money with a purpose; a
## contribution is a mentor's payment into it; vouchers pay for beneficiaries' places.

funds-title = Fondi
funds-intro = Scegli cosa sostenere: ogni fondo paga i posti di chi non potrebbe permetterseli.
funds-empty = Al momento non c'è nessun fondo aperto.
# Heading above the counts of what a fund paid for.
fund-impact-title = Che cosa ha reso possibile questo fondo
# $count is a number of paid contributions.
fund-impact-contributions = { $count ->
        [one] Un contributo
        [many] { $count } di contributi
       *[other] { $count } contributi
    }
# $count is a number of vouchers (one voucher pays for one place).
fund-impact-vouchers = { $count ->
        [one] Un posto finanziato
        [many] { $count } di posti finanziati
       *[other] { $count } posti finanziati
    }
# $amount is a sum of money, already formatted with its currency.
fund-impact-raised = Raccolti: { $amount }
# Followed by a link to the event the fund pays for.
fund-for-event = Questo fondo paga i posti per:
fund-face-value = Valore di un voucher
fund-contribute-title = Contribuisci
fund-login-to-contribute = Accedi o registrati per contribuire: basta un minuto.
# Shown on every page that involves payments while the demonstration provider is on.
demo-mode-note = Dimostrazione: qui i pagamenti non sono reali e non si muove denaro.
field-contribution-kind = Che cosa doni
contribution-kind-places = Sponsorizza dei posti
contribution-kind-amount = Dona un importo
field-places = Numero di posti
# $price is the price of one place today, formatted with its currency.
hint-places = Oggi un posto costa { $price }; il prezzo resta fissato per il tuo contributo.
# $currency is a currency code such as EUR or ALL.
field-amount = Importo ({ $currency })
field-dedication = Dedica (facoltativa)
hint-dedication = Una riga mostrata con il tuo contributo, per esempio «In ricordo di mia nonna».
field-anonymous = Non mostrare il mio nome
# What happens to the value of a place nobody uses before the voucher expires.
field-unused-rule = Se un posto non viene usato
unused-rule-reallocate = Dallo alla prossima persona in lista d'attesa
unused-rule-return_to_fund = Lascialo nel fondo
unused-rule-refund = Rimborsamelo
field-provider = Come paghi
provider-bank-transfer = Bonifico bancario
provider-demo = Dimostrazione (nessun denaro reale)
provider-stripe = Carta (Stripe)
contribution-submit = Contribuisci
# $number is the receipt number of the contribution.
contribution-title = Contributo n. { $number }
contribution-status = Stato
contribution-amount = Importo
contribution-status-pending = In attesa di pagamento
contribution-status-paid = Pagato
contribution-status-refunded = Rimborsato
contribution-status-failed = Pagamento non riuscito
contribution-status-cancelled = Annullato
# $amount is the amount with its currency; $reference the payment reference (MNT-…) that
# must appear in the transfer's description.
contribution-transfer-instructions = Fai un bonifico di { $amount } sul conto qui sotto e scrivi { $reference } nella causale. I voucher vengono emessi appena arriva il denaro.
bank-holder = Intestatario
bank-iban = IBAN
bank-bic = BIC
bank-reference = Causale
# $count is the number of vouchers (places) the contribution paid for.
contribution-vouchers = { $count ->
        [0] Nessun voucher ancora: l'importo resta nel fondo finché non basta per un posto.
        [one] Un voucher emesso: un'associazione partner lo darà a chi ne ha bisogno.
        [many] { $count } di voucher emessi: le associazioni partner li daranno a chi ne ha bisogno.
       *[other] { $count } voucher emessi: le associazioni partner li daranno a chi ne ha bisogno.
    }
contribution-demo = Pagato in modalità dimostrativa: nessun denaro si è mosso.
# Shown while a card contribution waits for Stripe's confirmation.
contribution-card-waiting = Il pagamento con carta non è ancora concluso.
contribution-card-pay = Vai al pagamento con carta
# Shown when the mentor comes back from Stripe's page, before Stripe's confirmation arrives.
contribution-card-confirming = Grazie: il pagamento è in fase di conferma. I voucher vengono emessi appena il circuito della carta lo conferma; ricarica la pagina tra un momento.
contribution-refunded = Rimborsato
# The line item on Stripe's payment page. $fund is the fund's name; $count the places.
checkout-product-places =
    { $count ->
        [one] Un posto — { $fund }
        [many] { $count } di posti — { $fund }
       *[other] { $count } posti — { $fund }
    }
checkout-product-amount = Contributo — { $fund }
mentor-contributions-title = I tuoi contributi
mentor-contributions-text = Che cosa hai donato e che cosa ha reso possibile.
mentor-contributions-empty = Ancora nessun contributo: scegli un fondo per iniziare.
# One line per contribution: $number receipt number, $amount with currency, $status one of
# contribution-status-*.
mentor-contribution-line = N. { $number }: { $amount } ({ $status })

## A voucher opened by its code (/v and /v/CODE), and the printed voucher. Read by
## beneficiaries, often on a phone: short, plain words.

voucher-entry-title = Apri un voucher
voucher-entry-intro = Scrivi il codice stampato sul tuo voucher, oppure inquadra il codice QR con la fotocamera del telefono.
field-voucher-code = Codice del voucher
# The code has five groups of four letters and digits.
hint-voucher-code = Per esempio 7KQ3-M9TX-4ABC-DEFG-HJKM; maiuscole e trattini non contano.
voucher-open = Apri
voucher-title = Il tuo voucher
# Accessible name of the QR code picture.
voucher-qr-label = Codice QR del voucher
voucher-value = Valore
voucher-valid-until = Scadenza
# Label before what the voucher pays for (an event's title, or voucher-scope-credit).
voucher-for = Per
voucher-scope-credit = Un posto a un corso o evento a tua scelta
voucher-status-issued = Pronto per essere assegnato
voucher-status-nominated = Pronto da usare
voucher-status-in_use = In uso
voucher-status-completed = Usato
voucher-status-expired = Scaduto
voucher-status-cancelled = Annullato
voucher-print-a6 = Stampa (cartoncino A6)
voucher-print-a4 = Stampa (foglio A4)
voucher-print-how = Mostra questo voucher all'ingresso, su carta o sul telefono. Non far vedere il codice: chi lo ha può usarlo.

## What a mentor's money made possible (/mentor/impact): counts and sums only, never who.

impact-title = Che cosa hanno reso possibile i tuoi contributi
impact-intro = Calcolato sui voucher pagati con i tuoi contributi. Per rispetto delle persone che li hanno ricevuti vedi solo numeri, mai nomi.
impact-totals-title = In totale
impact-contributions-title = Contributo per contributo
impact-events-title = Per evento e sede
impact-given = Donato
impact-places = Posti finanziati
impact-nominated = Assegnati a persone
impact-attended = Partecipazioni
impact-circuits = Percorsi completati
impact-redeemed = Usato
impact-outstanding = Ancora da usare
impact-expired = Scaduto
# Value of expired vouchers that went on to the next person on a waiting list.
impact-reallocated = Passato ad altri
impact-date = Data
impact-event = Evento
impact-venue = Sede

## A contribution's receipt (/contributions/ID/receipt), printable.

# $number is the receipt number, such as MNT-000042.
receipt-title = Ricevuta { $number }
action-receipt = Ricevuta
receipt-number = Numero di ricevuta
receipt-date = Data del pagamento
receipt-from = Ricevuto da
receipt-fund = Per il fondo
receipt-method = Pagato con
receipt-vouchers = Voucher
# $count is how many vouchers the contribution paid for.
receipt-vouchers-count = { $count ->
        [one] Un voucher emesso
        [many] { $count } di voucher emessi
       *[other] { $count } voucher emessi
    }
receipt-statement = Mentore conferma di aver ricevuto questo contributo e che esso paga soltanto i posti delle persone che partecipano, come registrato nella sua contabilità.
receipt-demo = Dimostrazione: non è stato ricevuto denaro. Questa ricevuta non ha valore.
receipt-print-hint = Per conservarne una copia su carta, stampa questa pagina dal browser: viene stampata solo la ricevuta.
receipt-back = Torna al contributo

## The beneficiary's journey on the voucher page
journey-title = Il tuo percorso
journey-state-done = frequentata
journey-state-reserved = prenotata
journey-state-open = da prenotare
journey-state-locked = dopo la tappa precedente
journey-attended = Frequentata in data { $date }.
journey-full = Al completo
journey-seats =
    { $count ->
        [one] Un posto libero
        [many] { $count } di posti liberi
       *[other] { $count } posti liberi
    }
journey-progress = Tappe frequentate: { $done } su { $required }
journey-next = Prossima: tappa { $position }
journey-certificate = Il tuo attestato
journey-calendar = Aggiungi al calendario
journey-cancel = Annulla la prenotazione
journey-change = Cambia data
journey-choose = Scegli una data
journey-move-here = Sposta qui
journey-reserve = Prenota questa data
journey-done-reserved = Il tuo posto è prenotato. Mostra il codice QR all'ingresso.
journey-done-cancelled = La prenotazione è annullata: il posto è libero per qualcun altro.
journey-calendar-note = Mostra all'ingresso il codice QR del tuo voucher.

## Certificates
certificate-title = Attestato
certificate-hours =
    { $hours ->
        [one] 1 ora
        [many] { $hours } di ore
       *[other] { $hours } ore
    }
certificate-qr-label = Codice QR per verificare l'attestato
certificate-awarded-to = Questo attestato certifica che { $holder } ha completato il percorso { $circuit }.
certificate-steps = Tappe frequentate
certificate-column-step = Tappa
certificate-column-date = Data
certificate-column-place = Sede
certificate-column-hours = Ore
certificate-issued-by = Rilasciato da
certificate-issued-on = Data di rilascio
certificate-code = Codice di verifica
certificate-verify-at = Chiunque può verificare questo attestato su
certificate-credential = Credenziale digitale (Open Badges 3.0)
certificate-entry-title = Verifica un attestato
certificate-entry-intro = Scrivi il codice di verifica stampato sull'attestato.
field-certificate-code = Codice di verifica
hint-certificate-code = 20 lettere e cifre; spazi e trattini non contano.
certificate-check = Verifica
certificate-check-title = Verifica dell'attestato
certificate-genuine = Questo attestato è autentico: l'ha rilasciato Mentore.
certificate-holder = Rilasciato a
certificate-circuit = Percorso
impact-circuits-title = Per percorso
impact-circuit = Percorso
