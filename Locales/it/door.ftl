# Mentore · door · it

## Organizers: dashboard, the door list and the application form.

dashboard-organizer-title = Area organizzatore
# $venues and $events are numbers of venues and events.
dashboard-organizer-summary = Sedi: { $venues } · Eventi: { $events }
dashboard-door-title = Ingresso
# Door page: the list of sessions starting soon at the organizer's venues.
door-intro = Le date delle prossime due settimane nelle tue sedi, dalla più vicina.
door-empty = Nessuna data nelle prossime due settimane.
apply-title = Candidati come organizzatore
# Organizer application form; an admin reads it and answers by e-mail.
apply-intro = Parlaci della tua organizzazione: esamineremo la candidatura e ti scriveremo.
apply-submit = Invia la candidatura
apply-received = Candidatura ricevuta. Ti scriveremo appena sarà esaminata.
field-organization-name = Nome dell'organizzazione
# Description of the organisation (organizer application).
field-organization-description = Descrizione
field-contact-email = E-mail di contatto
field-city = Città
# Door page: sessions of the next two weeks; $reserved and $capacity are numbers.
door-places = Posti prenotati: { $reserved } su { $capacity }
door-expected = Chi è atteso
door-session-title = Chi è atteso
# $title: the event; $date: when the session starts; $venue: where; the numbers: admitted, reserved and places.
door-session-intro = { $title }, { $date }, { $venue }. Ingressi: { $admitted } · prenotazioni: { $reserved } · posti: { $capacity }.
door-session-empty = Nessuno ha ancora prenotato questa data.
door-back = Tutte le date
# The voucher is for this event only, not for a circuit.
door-single-event = Solo questo evento
# $circuit: the circuit's title; $position: the step's number; $steps: how many steps it has.
door-circuit-step = { $circuit }, tappa { $position } di { $steps }
door-status-ready = Può entrare
# $time: when the person was admitted.
door-status-admitted = Ingresso alle { $time }
column-participant = Nome
column-circuit-step = Percorso e tappa
column-reserved-at = Data di prenotazione
column-door-status = All'ingresso
# Scanner: the answer when the person may come in; $holder: the name or alias the partner nominated (check it is them).
door-answer-admitted = Ingresso registrato: { $holder }.
# Scanner: this step was already admitted; $date: when; $door: the device or person at the door; $by: who admitted.
door-answer-already-used = Già usato in data { $date }, ingresso { $door } ({ $by }).
door-scan = Scansiona
door-scan-title = Scanner
# $admitted, $reserved, $capacity: numbers for this session.
door-counter = Ingressi { $admitted } · prenotazioni { $reserved } · posti { $capacity }
door-code-label = Codice o QR del voucher
door-code-hint = Scansiona il codice QR o scrivi il codice, poi premi Invio.
door-admit = Registra l'ingresso
door-result-admitted = Ingresso registrato
door-result-already = Già usato
door-result-refused = Ingresso non consentito
door-undo = Annulla questo ingresso
door-undo-reason = Motivo dell'annullamento
door-undone = L'ingresso è stato annullato: la tappa è di nuovo aperta.
door-recent = Ultime scansioni
door-recent-empty = Ancora nessun ingresso.
# $door: the device or person who admitted.
door-recent-admitted = ingresso registrato ({ $door })
# $reason: why the admission was undone.
door-recent-undone = annullato: { $reason }
devices-title = Dispositivi di scansione
# $organizer: the organizer's name.
devices-intro = Telefoni, tablet e totem che registrano gli ingressi alle date di { $organizer } tramite l'API dello scanner. Ognuno ha il suo token; revoca quello di un dispositivo perso.
devices-empty = Ancora nessun dispositivo.
devices-create = Aggiungi un dispositivo
field-device-label = Nome del dispositivo
hint-device-label = Dove si usa, per esempio «Ingresso principale, tablet».
column-device-label = Dispositivo
# $label: the new device's name.
devices-new-label = Il token di «{ $label }»
devices-new-hint = Copialo ora nel dispositivo: viene mostrato una sola volta. Chi lo possiede può registrare ingressi alle tue date.
devices-revoked = Il dispositivo è stato revocato: il suo token non funziona più.
# Voucher page opened by door staff; $event: the event's title; $time: when the session starts today.
door-admit-at = Registra l'ingresso: { $event } ({ $time })
# Scanner page, under its title: the event, when the session starts, the venue.
door-scan-session = { $title } · { $date } · { $venue }
# The scanner as an installable app (its manifest).
door-app-name = Mentore: scanner all'ingresso
door-app-short-name = Ingresso
# Offline scanner answers; $holder: the name or alias the partner nominated.
door-offline-admitted = Ingresso registrato (senza rete): { $holder }. Sarà inviato quando torna la rete.
door-offline-already = Ingresso già registrato: { $holder }.
door-offline-not-listed = Non è nella lista di questa data. Senza rete si possono ammettere solo i voucher prenotati per questa data.
door-offline-banner = Nessuna rete: le scansioni restano su questo dispositivo e saranno inviate quando torna.
door-offline-queued = Conservato su questo dispositivo, da inviare.
door-offline-sync-failed = Le scansioni conservate su questo dispositivo non sono ancora state inviate; si riproverà.
# After a sync; $count: how many scans kept offline were admitted by the server.
door-offline-synced = { $count ->
        [one] Inviato: { $count } ingresso registrato.
        [many] Inviato: { $count } di ingressi registrati.
       *[other] Inviato: { $count } ingressi registrati.
    }
# A voucher this device admitted offline had already been admitted by another device.
door-offline-conflict = L'ingresso di { $holder } era già stato registrato da un altro dispositivo: addebitato una volta sola, segnalato all'organizzatore.
# On the expected list; $count: conflicts found at sync; $holders: their names.
door-conflicts-notice = { $count ->
        [one] Un voucher è stato ammesso da due dispositivi senza rete ({ $holders }): è addebitato una volta sola. Verifica gli ingressi.
        [many] { $count } di voucher sono stati ammessi da due dispositivi senza rete ({ $holders }): ognuno è addebitato una volta sola. Verifica gli ingressi.
       *[other] { $count } voucher sono stati ammessi da due dispositivi senza rete ({ $holders }): ognuno è addebitato una volta sola. Verifica gli ingressi.
    }
