# Mentore · admin · it

## Administration (admins only): organizers, partners, venues, events, audit log.

dashboard-admin-title = Amministrazione
admin-organizers-title = Organizzatori
# $pending is the number of applications still to review.
admin-organizers-text = Candidature in attesa: { $pending }.
admin-organizers-empty = Ancora nessun organizzatore.
admin-organizer-edit-title = Modifica organizzatore
# Status of an organizer application (badge).
organizer-status-pending = In attesa
organizer-status-approved = Approvato
organizer-status-rejected = Rifiutato
admin-partners-title = Partner
# Short description under the heading.
admin-partners-text = Le associazioni che indicano i beneficiari.
admin-partners-empty = Ancora nessun partner.
admin-partner-new = Nuovo partner
admin-partner-edit-title = Modifica partner
admin-venues-title = Sedi
admin-venues-text = Le sedi in cui si svolgono gli eventi.
admin-venues-empty = Ancora nessuna sede.
admin-venue-new = Nuova sede
admin-venue-edit-title = Modifica sede
admin-events-title = Eventi
admin-events-text = Corsi ed eventi culturali, con le loro date.
admin-events-empty = Ancora nessun evento.
admin-event-new = Nuovo evento
admin-event-edit-title = Modifica evento
# Shown above the title/description fields in the three languages.
admin-event-texts-hint = Titolo e descrizione vanno scritti almeno in una lingua; le lingue mancanti mostreranno un avviso ai lettori.
# Heading of the list of dates (sessions) of one event.
admin-sessions-title = Date dell'evento
admin-sessions-empty = Ancora nessuna data.
admin-session-add = Aggiungi una data
admin-audit-title = Registro delle attività
# Short description under the heading of the audit log.
admin-audit-text = Chi ha fatto cosa, quando e da dove.
admin-audit-empty = Nessuna attività registrata.

## Admin forms for venues and events.

field-organizer = Organizzatore
field-venue-name = Nome della sede
field-address = Indirizzo
field-country = Paese
field-time-zone = Fuso orario
# ISO 3166 country codes; IT is Italy, AL is Albania.
hint-country = Codice di due lettere, per esempio IT o AL.
# IANA time zone names; keep them as they are.
hint-time-zone = Per esempio Europe/Rome o Europe/Tirane.
field-venue = Sede
field-kind = Tipo
field-price = Valore di un posto
# The lek (ALL) is Albania's currency and has no decimals.
hint-price = Per esempio 40 o 12,50; il lek non ha decimali.
field-currency = Valuta
# Which languages the course or event is held in (check boxes).
field-languages = Lingue in cui si svolge
# $language is the language's name in the reader's language (e.g. Albanian).
field-title-in = Titolo ({ $language })
# $language is the language's name in the reader's language (e.g. Albanian).
field-description-in = Descrizione ({ $language })
# Check box: show the event in the public catalog.
field-published = Pubblicato nel catalogo
field-starts-at = Inizio
field-ends-at = Fine
field-capacity = Posti disponibili
# $zone is the venue's time zone, e.g. Europe/Rome.
hint-venue-time = Ora locale della sede ({ $zone }).

## Translations side by side (events, venues)
# The language a text was first written in.
field-original-language = Lingua originale
# Badge on a language column that has no text yet.
translation-missing = Manca
# Who wrote the text of one language: a person or a machine translation.
field-text-origin = Origine del testo
# Choice for field-text-origin, completes the sentence “Written by …”.
text-origin-human = Scritto da una persona
# Choice for field-text-origin, completes the sentence “Written by …”.
text-origin-machine = Traduzione automatica
field-directions = Come arrivare
hint-directions = Mezzi pubblici, ingresso, accessibilità: ciò che serve a chi viene per la prima volta.

## Funds and contributions (admins): creating funds, and recording the bank transfers that
## pay contributions.

admin-funds-title = Fondi
admin-funds-text = Raccolte con uno scopo, alimentate dai contributi dei mentori.
admin-funds-empty = Ancora nessun fondo.
admin-fund-new = Nuovo fondo
admin-fund-edit-title = Modifica fondo
field-fund-name = Nome
field-fund-purpose = Scopo
field-face-value = Valore di un voucher (facoltativo)
hint-face-value = Per gli importi donati come credito libero: ogni valore intero diventa un voucher; il resto rimane nel fondo.
field-fund-event = Destinato a un evento
field-fund-partner = Destinato a un partner
field-fund-circuit = Destinato a un percorso (un posto è l'intero percorso)
field-fund-public = Mostra nella pagina pubblica che cosa ha reso possibile
field-fund-open = Aperto ai contributi
# Option of a drop-down list meaning “no choice”.
option-none = Nessuno
# What a fund pays for (column of the funds list).
fund-scope-general = Qualsiasi cosa
fund-scope-event = Un evento
fund-scope-circuit = Un percorso
fund-scope-partner = Un partner
fund-state-open = Aperto
fund-state-closed = Chiuso
column-currency = Valuta
column-scope = Per
column-amount = Importo
column-mentor = Mentore
column-provider = Pagamento
action-view = Vedi
admin-contributions-title = Contributi
admin-contributions-text = I pagamenti dei mentori; registra i bonifici quando arrivano.
admin-contributions-empty = Ancora nessun contributo.
action-record-transfer = Registra il bonifico
admin-transfer-title = Registra un bonifico
# $reference is the payment reference (MNT-…), $amount the amount expected with its currency.
admin-transfer-intro = Contributo { $reference }: attesi { $amount }.
# $currency is a currency code such as EUR.
field-received-amount = Importo ricevuto ({ $currency })
field-bank-reference = Riferimento bancario del bonifico
admin-transfer-recorded = Bonifico registrato: il contributo è pagato e i suoi voucher sono emessi.
admin-transfer-already = Questo contributo era già pagato: non è cambiato nulla.
action-refund = Rimborsa
admin-refund-title = Rimborsa un contributo
# $reference payment reference; $amount paid; $refunded already given back; $refundable what
# can still go back (loose value in the fund and vouchers nobody holds yet).
admin-refund-intro = Contributo { $reference }: { $amount } pagati, { $refunded } rimborsati finora. Ora possono tornare al mentore { $refundable }; i voucher già assegnati a qualcuno restano validi.
# Asked for contributions paid by bank transfer: the admin sends the money back first.
field-refund-bank-reference = Riferimento del bonifico di restituzione
# $amount is what was refunded now, with its currency.
admin-refund-done = Rimborsati { $amount }.

## A contribution's vouchers, for admins (/admin/contributions/ID/vouchers).

action-vouchers = Voucher
admin-vouchers-title = I voucher di un contributo
# $reference is the contribution's number, such as MNT-000042.
admin-vouchers-intro = I voucher del contributo { $reference }. Un voucher che nessuno ha ancora usato si può annullare: il suo valore torna al fondo.
admin-vouchers-empty = Questo contributo non ha voucher.
admin-voucher-partner = Associazione partner
admin-voucher-expires = Scadenza
action-cancel-voucher = Annulla
admin-voucher-cancelled = Il voucher è annullato e il suo valore è tornato al fondo.
action-allocate = Affida all'associazione
field-allocate-partner = Associazione partner
admin-allocate-intro = Qui aspettano i voucher che nessuna associazione ha ancora. Affidali a un'associazione partner, che sceglierà a chi darli.
# $count is how many vouchers were given to the partner.
admin-vouchers-allocated = { $count ->
        [one] Un voucher è ora presso l'associazione.
        [many] { $count } di voucher sono ora presso l'associazione.
       *[other] { $count } voucher sono ora presso l'associazione.
    }
# Admin list of contributions: the mentor asked for unused value back and it must be sent by
# bank transfer; $amount is a formatted amount.
contribution-refund-owed = Pagato · rimborso dovuto: { $amount }

## Circuits (admin): composing integrated paths of events, step by step.

admin-circuits-title = Percorsi
admin-circuits-text = Percorsi che uniscono corsi ed eventi culturali in tappe, con un attestato alla fine.
admin-circuits-intro = Un percorso è una serie di tappe; ogni tappa offre uno o più eventi e il beneficiario sceglie una sessione. Pubblicare fissa una versione: i voucher mantengono la versione con cui sono stati emessi.
admin-circuits-empty = Ancora nessun percorso.
admin-circuit-new = Nuovo percorso
admin-circuit-edit = Impostazioni e testi del percorso
admin-circuit-steps-title = Tappe del percorso
# $title: the circuit's title; $value: the value of one place (sum of the steps' prices); $status: one of circuit-status-*.
admin-circuit-steps-intro = { $title }: { $status }. Valore di un posto: { $value }.
admin-circuit-no-steps = Questo percorso non ha ancora tappe: aggiungi la prima qui sotto.
admin-circuit-step-hint = Spunta gli eventi che questa tappa offre (uno o più); il prezzo di una tappa è quello del suo evento più caro.
# $position: the number of the step just added.
admin-step-added = Tappa { $position } aggiunta.
admin-steps-saved = Tappe salvate.
# $version: the version number now shown to the public.
admin-circuit-published = Pubblicato: la versione { $version } è quella mostrata e sostenuta.
admin-circuit-unpublished = Il percorso non è più mostrato. I voucher già emessi mantengono la loro versione.
# $position: a step number; $problem: an error message.
admin-step-problem = Tappa { $position }: { $problem }
circuit-status-draft = Bozza
circuit-status-published = Pubblicato
circuit-status-unpublished = Non mostrato
column-circuit-version = Versione
column-step = Tappa
column-step-events = Eventi
column-step-price = Prezzo di un posto
action-circuit-steps = Tappe
action-add-step = Aggiungi una tappa
# The buttons on each row of the steps table; $position: the step's number, for screen readers.
action-step-up = Sposta su la tappa { $position }
action-step-down = Sposta giù la tappa { $position }
action-step-remove = Rimuovi la tappa { $position }
action-publish = Pubblica
action-unpublish = Non mostrare più
field-circuit-order = Ordine delle tappe
circuit-order-strict = In ordine: ogni tappa dopo la precedente
circuit-order-any = In qualsiasi ordine
field-circuit-completion = Tappe da completare
hint-circuit-completion = Lascia vuoto per tutte le tappe.
field-circuit-valid-from = Inizio validità
field-circuit-valid-until = Fine validità
field-step-events = Eventi di questa tappa

# Drag and drop of the steps: a changed page or a stale list sends an order that is not the circuit's steps.
admin-steps-order-invalid = Il nuovo ordine non corrisponde alle tappe del percorso (forse qualcuno le ha cambiate nel frattempo): non è stato spostato nulla. Ricarica la pagina e riprova.
# Above the steps table, when the browser can drag rows.
admin-steps-drag-hint = Trascina una riga per spostare una tappa, oppure usa i suoi pulsanti.
action-circuit-stats = Dati
admin-circuit-stats-title = Dati del percorso
# $title: the circuit; $enrolled: beneficiaries holding a voucher for it; $completed: certificates issued; $rate: completed ÷ enrolled as a percentage, or a dash.
admin-circuit-stats-intro =
    { $title }: { $enrolled ->
        [one] una persona iscritta
        [many] { $enrolled } di persone iscritte
       *[other] { $enrolled } persone iscritte
    } · percorso completato: { $completed } ({ $rate }).
# Figures table: reservations made for a step.
column-reserved = Prenotati
# Figures table: people admitted at the door for a step.
column-attended = Presenti
# Figures table: share of those who reached the previous step (or enrolled, for the first) who did not attend this one.
column-drop-off = Abbandoni
# A share shown as a percentage; $value is a number formatted as a percentage.
stats-share = { $value }
