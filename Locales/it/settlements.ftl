## Liquidazioni: quanto spetta agli organizzatori per gli ingressi alla loro porta.

settlements-title = Liquidazioni
# $organizer: the organizer's name.
settlements-intro = Quanto spetta a { $organizer } per gli ingressi registrati: mese per mese ciò che non è ancora liquidato, poi ogni liquidazione con il suo rendiconto.
settlements-pending = Non ancora liquidato
settlements-pending-empty = Tutti gli ingressi sono liquidati.
settlements-list = Liquidazioni
settlements-empty = Ancora nessuna liquidazione.
settlement-no-lines = Questa liquidazione non ha righe.
column-month = Mese
column-admissions = Ingressi
column-admitted-amount = Valore degli ingressi
column-carried-voids = Annullati dopo la liquidazione
column-due = Importo dovuto
column-settlement = Liquidazione
column-period = Periodo
column-event = Evento
column-session = Data dell'evento
column-reference = Riferimento
column-door = Ingresso
# $count: a number of admissions.
settlement-admissions-count = { $count ->
        [one] { $count } ingresso
        [many] { $count } di ingressi
       *[other] { $count } ingressi
    }
settlement-status-unpaid = In attesa di pagamento
settlement-status-paid = Pagata
settlement-statement = Rendiconto
# $first and $last: formatted dates, both included.
settlement-period = { $first } – { $last }
settlement-organizer = Organizzatore
settlement-created = Data di redazione
# $date: a formatted date.
settlement-paid-on = Pagata in data { $date }
settlement-paid-reference = Riferimento del pagamento
settlement-line-admission = Ingresso
settlement-line-void = Ingresso annullato dopo una liquidazione precedente
# $count: how many admissions the settlement pays for.
settlement-total-admissions = { $count ->
        [one] { $count } ingresso
        [many] { $count } di ingressi
       *[other] { $count } ingressi
    }
# $count: how many admissions undone after an earlier settlement are deducted.
settlement-total-voids = { $count ->
        [one] Meno { $count } ingresso annullato dopo la liquidazione
        [many] Meno { $count } di ingressi annullati dopo la liquidazione
       *[other] Meno { $count } ingressi annullati dopo la liquidazione
    }
settlement-mark-paid = Segna come pagata
field-payment-reference = Riferimento del bonifico
hint-payment-reference = Facoltativo: il riferimento del bonifico con cui è stato pagato l'organizzatore.
settlement-csv = Scarica in CSV
settlement-languages = Questo rendiconto in:
settlement-print-hint = Per conservarne una copia su carta, stampa questa pagina dal browser: viene stampato solo il rendiconto.
# $number: the settlement's number, such as S-1A2B3C4D.
settlement-title = Liquidazione { $number }
admin-settlements-title = Liquidazioni
admin-settlements-text = Paga gli organizzatori per gli ingressi ai loro eventi, periodo per periodo.
admin-settlements-intro = Una liquidazione prende tutti gli ingressi di un organizzatore nel periodo che nessuna liquidazione ha ancora preso, e sottrae gli ingressi annullati dopo una liquidazione precedente. Si può liquidare solo un periodo già concluso.
settlement-create = Crea una liquidazione
field-period-first = Primo giorno
field-period-last = Ultimo giorno
hint-period-last = Compreso. Il periodo deve essere concluso.
# $count: how many settlements were created (one per currency).
settlement-created-notice = { $count ->
        [one] La liquidazione è pronta: aprine il rendiconto qui sotto.
        [many] { $count } di liquidazioni sono pronte, una per valuta: aprine i rendiconti qui sotto.
       *[other] { $count } liquidazioni sono pronte, una per valuta: aprine i rendiconti qui sotto.
    }
field-organization-language = Lingua dei rendiconti
hint-organization-language = I rendiconti delle liquidazioni e i loro file CSV sono scritti in questa lingua.
