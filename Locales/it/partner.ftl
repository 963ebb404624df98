# Mentore · partner · it

## Partner dashboard and organisation members (partner associations such as Dora e Pajtimit, and
## organizers).

dashboard-partner-title = Area partner
# $organization is the organisation's name.
members-title = Membri di { $organization }
# $organization is the organisation's name.
members-intro = Chi lavora con { $organization } sulla piattaforma.
members-empty = Ancora nessun membro.
members-invite-intro = Invita chi lavora con te: riceverà un link via e-mail, valido sette giorni.
members-invite-submit = Invia l'invito
# $email is the invited e-mail address.
members-invited = Invito inviato a { $email }.
# Button that removes a member from the organisation.
members-remove = Rimuovi

## Vouchers of a partner association and their nominations (/partner/ID/vouchers). A
## nomination gives one voucher to one beneficiary; it can be withdrawn while unused.

partner-vouchers-title = Voucher
# $organization is the partner association's name.
partner-vouchers-intro = I voucher che i fondi dei mentori hanno dato a { $organization }: assegnali a chi ne ha bisogno.
partner-vouchers-empty = Ancora nessun voucher: arrivano quando un mentore finanzia posti per questa associazione.
# Column with the last characters of a voucher code.
column-code = Codice
column-beneficiary = Assegnato a
action-nominate = Assegna a una persona
action-withdraw = Ritira
action-print = Stampa
nominate-title = Assegna un voucher a una persona
nominate-intro = Solo il necessario: un nome o uno pseudonimo, la lingua che la persona legge e un indirizzo e-mail se il voucher parte per e-mail.
field-beneficiary-name = Nome o pseudonimo
hint-beneficiary-name = È ciò che vedrà chi controlla gli ingressi quando il voucher viene usato.
field-beneficiary-email = E-mail (facoltativa)
field-beneficiary-language = Lingua della persona
field-delivery = Come arriva il voucher alla persona
delivery-email = Per e-mail, con il suo codice QR
delivery-print = Lo stampo e lo consegno io
field-beneficiary-note = Nota per la tua associazione (facoltativa)
hint-beneficiary-note = La vede solo la tua associazione.
nominated-emailed = Fatto: il voucher è stato inviato per e-mail, nella lingua della persona.
nominated-print = Fatto: stampa il voucher e consegnalo.
nomination-withdrawn = Il voucher è tornato disponibile: puoi assegnarlo a un'altra persona.

## Nominating many people at once from a CSV file (/partner/ID/vouchers/bulk).

action-bulk-open = Assegna voucher a un elenco di persone (CSV)
bulk-title = Assegna voucher a un elenco di persone
bulk-intro = Carica un file CSV, o incollane le righe, con una persona per riga. Tutte le persone dell'elenco ricevono un voucher oppure, se una riga ha un problema, nessuna: i problemi vengono elencati tutti.
# Which kind of unused voucher to give. $what is an event's title or voucher-scope-credit,
# $value the voucher's value with its currency, $count how many are still unused.
bulk-group-option = { $what } · { $value } ({ $count ->
        [one] uno libero
        [many] { $count } di liberi
       *[other] { $count } liberi
    })
field-bulk-group = Voucher da assegnare
field-bulk-file = File CSV
# $columns is the header line (fixed English names), $languages the language codes and
# $deliveries the delivery words the file may use: all shown as they are.
hint-bulk-file = Prima riga: { $columns }. Nome e lingua sono obbligatori; la lingua è una tra { $languages }; la consegna una tra { $deliveries } (print se vuota).
field-bulk-rows = Oppure incolla qui le righe
hint-bulk-rows = Lo stesso formato, prima la riga con i nomi delle colonne.
action-bulk-nominate = Assegna i voucher
# $count is how many people received a voucher.
bulk-done = { $count ->
        [one] Fatto: una persona ha ricevuto un voucher.
        [many] Fatto: { $count } di persone hanno ricevuto un voucher.
       *[other] Fatto: { $count } persone hanno ricevuto un voucher.
    } I voucher per e-mail sono in viaggio; gli altri stampali dall'elenco.
# $count is the number of problems found; nothing was saved.
bulk-refused = { $count ->
        [one] Nessuno ha ricevuto un voucher: c'è un problema, elencato qui sotto. Correggilo e invia di nuovo l'elenco.
        [many] Nessuno ha ricevuto un voucher: ci sono { $count } di problemi, elencati qui sotto. Correggili e invia di nuovo l'elenco.
       *[other] Nessuno ha ricevuto un voucher: ci sono { $count } problemi, elencati qui sotto. Correggili e invia di nuovo l'elenco.
    }
bulk-problems-title = Problemi nell'elenco
# Row number as a spreadsheet shows it (the column names are row 1).
column-row = Riga
column-column = Colonna
column-problem = Problema
# In the Row column, for a problem of the file as a whole.
bulk-whole-file = tutto il file

## A partner's waiting list (/partner/ID/waiting): people who get the next voucher a fund frees up
## (the value of an expired voucher whose mentor chose reallocation).

waiting-title = Lista d'attesa
# $organization is the partner association's name.
waiting-intro = Le persone a cui { $organization } aspetta di dare un posto. Quando un voucher di un fondo scade senza essere usato e chi lo ha finanziato ha scelto di passarlo ad altri, la prima persona in attesa per quel fondo riceve subito un nuovo voucher, e tu ricevi un'e-mail.
waiting-empty = Nessuno è in attesa.
waiting-form-intro = Gli stessi dati di quando si assegna un voucher: il voucher viene creato e assegnato appena si libera del valore.
# $name is the person's name or alias.
waiting-added = { $name } è nella lista d'attesa.
waiting-removed = Tolto dalla lista d'attesa.
waiting-status-waiting = In attesa
waiting-status-served = Voucher assegnato
waiting-status-removed = Tolto dalla lista
# Position in the queue of the same fund.
column-waiting-place = Posizione
column-waiting-fund = In attesa per
column-waiting-since = Data di iscrizione
field-waiting-fund = Fondo per cui attendere
action-add-waiting = Aggiungi alla lista d'attesa
action-remove-waiting = Togli

## One beneficiary's data (/partner/ID/beneficiaries/ID): what is held, export and erasure.

beneficiary-title = I dati di una persona
action-person-data = Dati
beneficiary-since = Data di registrazione
beneficiary-no-vouchers = Al momento nessun voucher è assegnato a questa persona.
action-export = Scarica tutti i suoi dati (JSON)
action-erase = Cancella i dati di questa persona
beneficiary-erase-intro = Su richiesta della persona: il nome diventa uno pseudonimo neutro, l'indirizzo e-mail e la nota vengono cancellati e i messaggi inviati alla persona vengono svuotati. Voucher, partecipazioni e contabilità restano come sono. L'operazione non si può annullare.
beneficiary-erased-done = Fatto: i dati della persona sono cancellati.
# $date is the day of the erasure.
beneficiary-erased-note = I dati di questa persona sono stati cancellati in data { $date }; resta solo uno pseudonimo neutro.
